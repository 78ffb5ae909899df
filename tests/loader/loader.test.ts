import { waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { WidgetContext } from '../../src/shared/widget-context.ts';
import type { RocketChatPrechatApi } from '../../src/types/public-api.ts';
import { API, configAnswer, SERVER } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';

type Stub = RocketChatPrechatApi & { q?: unknown[][]; loaded?: boolean };

/** The site owner's snippet: a stub that queues commands until loader.js runs. */
function snippet(...commands: unknown[][]) {
  const stub = ((...args: unknown[]) => {
    stub.q = stub.q ?? [];
    stub.q.push(args);
  }) as unknown as Stub;
  window.RocketChatPrechat = stub;
  for (const command of commands) (stub as unknown as (...args: unknown[]) => void)(...command);
}

/** Runs loader.js as a browser runs a `<script src>` (jsdom has no currentScript for an import). */
async function runLoader(script: HTMLScriptElement | null = loaderScript()) {
  vi.spyOn(Document.prototype, 'currentScript', 'get').mockReturnValue(script);
  vi.resetModules();
  await import('../../src/loader/index.ts');
}

function loaderScript(): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = 'https://cdn.example.com/rocketchat-prechat/loader.js';
  return script;
}

/** A form bundle that records its mounts and does nothing: what the loader hands it is what is asserted. */
const fakeWidget = () =>
  vi.fn((_context: WidgetContext) => ({
    open: vi.fn(),
    close() {},
    toggle: vi.fn(),
    prefill() {},
    reset() {},
    destroy() {},
  }));

const hosts = () => document.querySelectorAll('[data-rocketchat-prechat]');
const launcher = () => hosts()[0]?.shadowRoot?.querySelector('button');

let errors: MockInstance<typeof console.error>;
let warnings: MockInstance<typeof console.warn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  delete window.RocketChatPrechat;
});

describe('loader.js', () => {
  it('replays the queued commands in order, asks for the config once, and draws the launcher', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${API}/config`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(configAnswer());
      }),
    );
    const ready = vi.fn();
    snippet(['on', 'ready', ready], ['init', { serverUrl: `${SERVER}/` }]);
    await runLoader();
    await waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(launcher()?.getAttribute('aria-label')).toBe('Open chat');
    expect(launcher()?.getAttribute('aria-expanded')).toBe('false');
    // An empty query string after `?` is no query to Rocket.Chat; the loader saves the bytes of leaving it out.
    expect(urls).toEqual([`${API}/config?`]);
    // The server's theme colour reaches the launcher, with a readable icon colour.
    const host = hosts()[0] as HTMLElement;
    expect(host.style.getPropertyValue('--rcp-accent')).toBe('#C1272D');
    expect(host.style.getPropertyValue('--rcp-on-accent')).toBe('#fff');
  });

  it('sends the stored token with the config request (so the server can recognise the visitor)', async () => {
    localStorage.setItem('rocketchat-prechat:token', 'known-token-123');
    const urls: string[] = [];
    server.use(
      http.get(`${API}/config`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(configAnswer());
      }),
    );
    snippet(['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(urls).toHaveLength(1));
    expect(new URL(urls[0] ?? '').searchParams.get('token')).toBe('known-token-123');
  });

  it('draws no launcher at all when livechat is disabled', async () => {
    server.use(
      http.get(`${API}/config`, () => HttpResponse.json({ config: { enabled: false }, success: true })),
    );
    const error = vi.fn();
    snippet(['on', 'error', error], ['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() =>
      expect(error).toHaveBeenCalledWith({ code: 'livechat-disabled', message: 'Livechat is disabled' }),
    );
    expect(hosts()).toHaveLength(0);
  });

  it('still draws the launcher when the config cannot be fetched', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.error()));
    snippet(['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
  });

  it('gives one widget when the loader runs twice or init is called twice', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
    snippet(['init', { serverUrl: SERVER }], ['init', { serverUrl: SERVER }]);
    await runLoader();
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
    expect(warnings.mock.calls.map((call) => call.join(' '))).toEqual([
      '[RocketChatPrechat] init called twice; ignored',
      '[RocketChatPrechat] loaded twice; ignored',
    ]);
  });

  it('starts only from a real <script>: an element named currentScript, or none, is one error and nothing else', async () => {
    const requests: string[] = [];
    server.use(http.get(`${API}/config`, ({ request }) => void requests.push(request.url)));
    for (const impostor of [document.createElement('img'), null]) {
      errors.mockClear();
      snippet(['init', { serverUrl: SERVER }]);
      await runLoader(impostor as HTMLScriptElement | null);
      expect(errors.mock.calls.map((call) => call.join(' '))).toEqual([
        '[RocketChatPrechat] loader.js needs its own <script src>; not started',
      ]);
      delete window.RocketChatPrechat;
    }
    expect(hosts()).toHaveLength(0);
    expect(requests).toEqual([]);
  });

  it('reports a bad option by name and never throws into the host page', async () => {
    snippet(
      ['init', { serverUrl: 'javascript:alert(1)' }],
      ['open'],
      ['on', 'nope', () => {}],
      ['frobnicate'],
    );
    await expect(runLoader()).resolves.toBeUndefined();
    expect(errors.mock.calls.map((call) => call.map(String).join(' '))).toEqual([
      '[RocketChatPrechat] init: option "serverUrl" must be an http(s) URL, got javascript:alert(1)',
      '[RocketChatPrechat] Error: unknown event nope',
      '[RocketChatPrechat] unknown command "frobnicate"',
    ]);
    expect(hosts()).toHaveLength(0);
  });

  it('hands every option to the form bundle, which checks them (the loader only needs serverUrl)', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
    const mount = fakeWidget();
    (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget = { mount };
    snippet(['init', { serverUrl: `${SERVER}/`, colour: '#fff', locale: 'fr' }], ['open']);
    await runLoader();
    await waitFor(() => expect(mount).toHaveBeenCalledTimes(1));
    expect(mount.mock.calls[0]?.[0]).toMatchObject({
      options: { serverUrl: SERVER, colour: '#fff', locale: 'fr' },
      configJson: configAnswer(),
    });
    expect(mount.mock.calls[0]?.[0].launcher).toBeDefined();
    expect(errors).not.toHaveBeenCalled();
    delete (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget;
  });

  it('hands the widget the launcher as a handle; a click toggles the panel the widget owns', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
    const toggle = vi.fn();
    let context: WidgetContext | undefined;
    const mount = vi.fn((given: WidgetContext) => {
      context = given;
      return { open() {}, close() {}, toggle, prefill() {}, reset() {}, destroy() {} };
    });
    (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget = { mount };
    snippet(['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    launcher()?.click();
    await waitFor(() => expect(toggle).toHaveBeenCalledTimes(1));
    launcher()?.click();
    await waitFor(() => expect(toggle).toHaveBeenCalledTimes(2));
    expect(mount).toHaveBeenCalledTimes(1);
    // The widget names and marks the launcher through the handle, never through class names.
    context?.launcher?.setLabel('Abrir chat');
    context?.launcher?.setExpanded(true);
    context?.launcher?.setInert(true);
    expect(launcher()?.getAttribute('aria-label')).toBe('Abrir chat');
    expect(launcher()?.getAttribute('aria-expanded')).toBe('true');
    expect(launcher()?.inert).toBe(true);
    delete (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget;
  });

  it('a form that cannot run on this page takes its launcher away and says why, once', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
    const mount = vi.fn(() => {
      throw new Error('this page changed JSON.stringify so that it no longer works');
    });
    (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget = { mount };
    const error = vi.fn();
    snippet(['on', 'error', error], ['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    launcher()?.click();
    await waitFor(() =>
      expect(error).toHaveBeenCalledWith({
        code: 'widget-load-failed',
        message: 'this page changed JSON.stringify so that it no longer works',
      }),
    );
    // Gone: a visitor cannot click a button that would open nothing, and the form is not tried again.
    expect(hosts()).toHaveLength(0);
    window.RocketChatPrechat?.('open');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(error).toHaveBeenCalledTimes(1);
    delete (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget;
  });

  it('getVisitor after reset: the visitor the config recognised is gone with their token', async () => {
    localStorage.setItem('rocketchat-prechat:token', 'previous-token');
    const guest = { _id: 'g1', name: 'Alice', username: 'guest-1', token: 'previous-token' };
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer({ guest }))));
    snippet(['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    const ask = () => new Promise((resolve) => window.RocketChatPrechat?.('getVisitor', resolve));
    expect(await ask()).toEqual({ token: 'previous-token', visitor: guest });
    window.RocketChatPrechat?.('reset');
    expect(await ask()).toEqual({ token: null, visitor: null });
  });

  it('destroy before the page went idle: nothing mounts later, nothing is reported', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
    const mount = fakeWidget();
    (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget = { mount };
    const error = vi.fn();
    snippet(['on', 'error', error], ['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    window.RocketChatPrechat?.('destroy');
    await new Promise((resolve) => setTimeout(resolve, 2000)); // past jsdom's 1.5 s idle fallback
    expect(mount.mock.calls.filter(([context]) => !context.root)).toEqual([]);
    expect(error).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    delete (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget;
  }, 10_000);

  it('destroy before the page went idle, then init: the new launcher opens the new form', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
    const mount = fakeWidget();
    (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget = { mount };
    snippet(['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    const first = hosts()[0]?.shadowRoot;
    window.RocketChatPrechat?.('destroy'); // a single-page app leaves the route before the idle mount
    window.RocketChatPrechat?.('init', { serverUrl: SERVER });
    await waitFor(() => expect(launcher()).toBeTruthy());
    const second = hosts()[0]?.shadowRoot;
    // jsdom's idle fallback is 1.5 s: by 2 s both idle callbacks have run.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    launcher()?.click();
    await waitFor(() =>
      expect(mount.mock.results.some(({ value }) => value.toggle.mock.calls.length)).toBe(true),
    );
    // (Loaders of earlier tests may mount into this fake too: only the roots of this one are looked at.)
    const roots = mount.mock.calls.map(([context]) => context.root);
    expect(roots).not.toContain(first);
    const clicked = mount.mock.results.find(({ value }) => value.toggle.mock.calls.length);
    expect(mount.mock.calls[mount.mock.results.indexOf(clicked as never)]?.[0].root).toBe(second);
    delete (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget;
  }, 10_000);

  it('reset forgets the last visitor even before the form has loaded: token, draft, hand-off, prefill, registration', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
    localStorage.setItem('rocketchat-prechat:token', 'previous-visitor');
    localStorage.setItem('rocketchat-prechat:handed-off', 'previous-visitor');
    sessionStorage.setItem('rocketchat-prechat:draft', JSON.stringify({ name: 'Previous Visitor' }));
    snippet(['init', { serverUrl: SERVER }], ['prefill', { name: 'Previous Visitor' }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    window.RocketChatPrechat?.('reset');
    expect(localStorage.getItem('rocketchat-prechat:token')).toBeNull();
    expect(localStorage.getItem('rocketchat-prechat:handed-off')).toBeNull();
    expect(sessionStorage.getItem('rocketchat-prechat:draft')).toBeNull();
    const visitor = await new Promise((resolve) => window.RocketChatPrechat?.('getVisitor', resolve));
    expect(visitor).toEqual({ token: null, visitor: null });
    // The form, loaded later, gets no prefill of the previous visitor.
    const mount = fakeWidget();
    (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget = { mount };
    window.RocketChatPrechat?.('open');
    await waitFor(() => expect(mount).toHaveBeenCalledTimes(1));
    expect(mount.mock.calls[0]?.[0].prefill).toEqual([]);
    delete (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget;
  });

  for (const handoff of ['event', 'rocketchat']) {
    it(`starts downloading the form at once and mounts it, closed, when the page is idle (handoff "${handoff}")`, async () => {
      server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
      const mount = fakeWidget();
      (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget = { mount };
      snippet(['init', { serverUrl: SERVER, handoff }]);
      await runLoader();
      // Before the config answers: the bundle is on its way, not run.
      const preloads = [...document.head.querySelectorAll('link')].filter((link) => link.rel === 'preload');
      expect(preloads.map((link) => [link.href, link.as])).toContainEqual([
        'https://cdn.example.com/rocketchat-prechat/widget/widget.js',
        'script',
      ]);
      await waitFor(() => expect(launcher()).toBeTruthy());
      expect(mount).not.toHaveBeenCalled();
      // jsdom has no requestIdleCallback: the loader's fallback runs it 1.5 s later.
      // (Loaders of earlier tests, idle too, may mount into this fake as well: this one's options are among them.)
      await waitFor(
        () => expect(mount.mock.calls.map(([context]) => context.options.handoff)).toContain(handoff),
        { timeout: 3000 },
      );
      // Mounted closed: nothing asked the form to open.
      for (const { value: handle } of mount.mock.results) {
        expect(handle.open).not.toHaveBeenCalled();
        expect(handle.toggle).not.toHaveBeenCalled();
      }
      delete (window as Window & { RocketChatPrechatWidget?: unknown }).RocketChatPrechatWidget;
    });
  }

  it("puts the launcher on the server's side (Livechat_widget_position) unless the site names one", async () => {
    const left = configAnswer({ theme: { title: 'Acme', color: '#C1272D', position: 'left' } });
    server.use(http.get(`${API}/config`, () => HttpResponse.json(left)));
    snippet(['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()[0]?.classList.contains('rcp-left')).toBe(true);
    window.RocketChatPrechat?.('destroy');
    window.RocketChatPrechat?.('init', { serverUrl: SERVER, theme: { position: 'right' } });
    await waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()[0]?.classList.contains('rcp-left')).toBe(false);
  });

  it('destroy removes the widget, and init works again afterwards', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.json(configAnswer())));
    snippet(['init', { serverUrl: SERVER }]);
    await runLoader();
    await waitFor(() => expect(launcher()).toBeTruthy());
    window.RocketChatPrechat?.('destroy');
    expect(hosts()).toHaveLength(0);
    window.RocketChatPrechat?.('init', { serverUrl: SERVER });
    await waitFor(() => expect(launcher()).toBeTruthy());
    expect(hosts()).toHaveLength(1);
  });
});
