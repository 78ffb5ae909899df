import { act, screen as page, render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { mountPrechat } from '../../src/npm/mount-prechat.ts';
import { TOKEN_STORAGE_KEY } from '../../src/shared/visitor-token.ts';
import { ErrorBoundary } from '../../src/widget/app/ErrorBoundary.tsx';
import { compileSafePattern } from '../../src/widget/form/safe-pattern.ts';
import { checkPrefill } from '../../src/widget/prefill-values.ts';
import { API, configAnswer, livechatHandlers, type Recorded, SERVER } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

/** Values a host page or a server can pass that once blanked the panel, froze the page or leaked a visitor. */
let errors: MockInstance<typeof console.error>;
let warnings: MockInstance<typeof console.warn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());
const logged = (spy: MockInstance) => spy.mock.calls.map((call) => call.map(String).join(' '));

describe('prefill values from the host page', () => {
  it('are checked where they enter: numbers become text, anything else is one console error and left out', () => {
    const log = vi.fn();
    const checked = checkPrefill(
      {
        name: null,
        email: { value: 'ada@example.com', mode: 'hidden' },
        phone: 2015550123,
        department: { mode: 'readonly' },
        username: ['x'],
        customFields: { crm_id: { value: 12345 }, plan: { value: 'Pro', mode: 'secret' }, __proto__: 'x' },
        colour: 'red',
      },
      log,
    );
    expect(checked).toEqual({
      email: { value: 'ada@example.com', mode: 'hidden' },
      phone: '2015550123',
      customFields: { crm_id: { value: '12345' } },
    });
    expect(log.mock.calls.map(([message]) => message)).toEqual([
      'prefill: "name" must be text or { value, mode }, got null (ignored)',
      'prefill: "department" must be text or { value, mode }, got object (ignored)',
      'prefill: "username" must be text, got an array (ignored)',
      'prefill: "customFields.plan.mode" must be one of editable, readonly, hidden, got "secret" (ignored)',
      'prefill: unknown field "colour" (ignored)',
    ]);
    expect(checkPrefill(null, log)).toEqual({});
  });

  it('prefill({ email: null }) leaves the form on screen, and a numeric CRM id is sent as text', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const { screen, handle } = renderWidget({
      config: configAnswer(),
      prefill: { email: null, customFields: { crm_id: { value: 12345, mode: 'hidden' } } } as never,
    });
    act(() => handle.prefill({ name: 42 } as never));
    expect(await screen.findByRole('textbox', { name: /^Name/ })).toHaveValue('42');
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    expect(recorded[0]?.body).toMatchObject({
      visitor: {
        name: '42',
        customFields: [
          { key: 'crm_id', value: '12345', overwrite: true },
          { key: 'plan', value: 'Pro', overwrite: true },
        ],
      },
    });
    expect(logged(errors)).toEqual([
      '[RocketChatPrechat] prefill: "email" must be text or { value, mode }, got null (ignored)',
    ]);
  });
});

describe('values from the server', () => {
  it('a select option or a field key named like an Object.prototype member renders as plain text', async () => {
    server.use(...livechatHandlers([]));
    const config = configAnswer({
      customFields: [
        {
          _id: '__proto__',
          label: 'Proto',
          type: 'select',
          required: false,
          options: ['__proto__', 'constructor'],
        },
      ],
    });
    const { screen } = renderWidget({ config, options: { customFieldOptions: { x: { en: { a: 'b' } } } } });
    const select = await screen.findByRole('combobox', { name: /^Proto/ });
    expect([...select.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'Choose…',
      '__proto__',
      'constructor',
    ]);
  });

  it('a regexp that can backtrack catastrophically is never run in the browser, and said once', () => {
    expect(compileSafePattern('^[A-Z]{2}-\\d{4}$', 'company_id')).toBeInstanceOf(RegExp);
    expect(compileSafePattern('^(\\w+\\s?)*$', 'motto')).toBeUndefined();
    expect(compileSafePattern('^(\\w+\\s?)*$', 'motto')).toBeUndefined();
    expect(compileSafePattern('(a+)+b', 'other')).toBeUndefined();
    expect(compileSafePattern('[', 'broken')).toBeUndefined();
    expect(logged(warnings)).toEqual([
      '[RocketChatPrechat] custom field "motto": its regexp ^(\\w+\\s?)*$ can take exponential time, so it is not ' +
        'checked in the browser; Rocket.Chat still checks it when the visitor submits',
      '[RocketChatPrechat] custom field "other": its regexp (a+)+b can take exponential time, so it is not ' +
        'checked in the browser; Rocket.Chat still checks it when the visitor submits',
    ]);
  });

  it('every text field carries a maxlength', async () => {
    server.use(...livechatHandlers([]));
    const { screen } = renderWidget({ config: configAnswer() });
    await screen.findByRole('textbox', { name: /^Name/ });
    for (const box of screen.getAllByRole('textbox')) expect(box).toHaveAttribute('maxlength');
  });
});

const thrower = { fail: true };
function Thrower() {
  if (thrower.fail) throw new Error('bad value');
  return <p>the form</p>;
}

describe('a render error', () => {
  it('becomes a visible message with "Try again", never a blank panel', async () => {
    thrower.fail = true;
    const onError = vi.fn();
    render(
      <ErrorBoundary
        onError={onError}
        fallback={(retry) => (
          <button type="button" onClick={retry}>
            Try again
          </button>
        )}
      >
        <Thrower />
      </ErrorBoundary>,
    );
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'bad value' }));
    thrower.fail = false;
    await userEvent.setup().click(page.getByRole('button', { name: 'Try again' }));
    expect(page.getByText('the form')).toBeInTheDocument();
  });
});

describe('a visitor who goes away mid-submit', () => {
  it('reset while the registration is on its way: its answer writes nothing back and opens no room', async () => {
    const recorded: Recorded[] = [];
    server.use(
      http.post(`${API}/visitor`, async ({ request }) => {
        recorded.push({ method: 'POST', url: new URL(request.url), body: await request.json() });
        await delay(300);
        const { visitor } = (recorded[0]?.body ?? {}) as { visitor: { token: string } };
        return HttpResponse.json({ visitor: { _id: 'v1', token: visitor.token }, success: true });
      }),
      ...livechatHandlers(recorded),
    );
    const { screen, handle, eventsNamed } = renderWidget({ config: configAnswer() });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Previous visitor');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'previous@example.com');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await waitFor(() => expect(recorded).toHaveLength(1));
    const oldToken = (recorded[0]?.body as { visitor?: { token?: string } } | undefined)?.visitor?.token;
    act(() => handle.reset());
    const newToken = localStorage.getItem(TOKEN_STORAGE_KEY);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(newToken).not.toBe(oldToken);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(newToken);
    expect(recorded.filter((r) => r.url.pathname.endsWith('/room'))).toEqual([]);
    expect(eventsNamed('registered')).toEqual([]);
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('');
  });
});

describe('a widget destroyed mid-submit', () => {
  it('hands nothing off and opens no room when the answer comes back', async () => {
    const recorded: Recorded[] = [];
    const calls: string[] = [];
    const api = {
      hideWidget: () => calls.push('hideWidget'),
      showWidget: () => calls.push('showWidget'),
      setGuestToken: () => calls.push('setGuestToken'),
      maximizeWidget: () => calls.push('maximizeWidget'),
      initialize: () => calls.push('initialize'),
    };
    Reflect.set(window, 'RocketChat', (fn: (this: typeof api) => void) => fn.call(api));
    try {
      server.use(
        http.post(`${API}/visitor`, async ({ request }) => {
          const body = (await request.json()) as { visitor: { token: string } };
          recorded.push({ method: 'POST', url: new URL(request.url), body });
          await delay(300);
          return HttpResponse.json({ visitor: { _id: 'v1', token: body.visitor.token }, success: true });
        }),
        ...livechatHandlers(recorded),
      );
      const { screen, handle, eventsNamed } = renderWidget({
        config: configAnswer(),
        inline: false,
        options: { handoff: 'rocketchat' },
      });
      act(() => handle.open());
      const user = userEvent.setup();
      await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
      await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
      await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
      await user.click(screen.getByRole('button', { name: 'Start chat' }));
      await waitFor(() => expect(recorded).toHaveLength(1));
      act(() => handle.destroy());
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(calls).toEqual(['hideWidget']);
      expect(recorded.filter((r) => r.url.pathname.endsWith('/room'))).toEqual([]);
      expect(eventsNamed('registered')).toEqual([]);
    } finally {
      Reflect.deleteProperty(window, 'RocketChat');
    }
  });
});

describe('an inline form for a known visitor', () => {
  it('opens no room by itself: the filled-in form waits for the visitor’s click', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const { screen } = renderWidget({
      config: configAnswer(),
      prefill: { name: 'Ada', email: 'ada@example.com', customFields: { plan: 'Pro' } },
    });
    expect(await screen.findByRole('textbox', { name: /^Name/ })).toHaveValue('Ada');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorded).toEqual([]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    expect(recorded.map((r) => r.method)).toEqual(['POST', 'GET']);
  });
});

describe('npm callbacks', () => {
  it('a throwing onSubmit or onRoom changes nothing: the registration goes out and the chat starts', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const element = document.createElement('div');
    document.body.append(element);
    const onRoom = vi.fn(() => {
      throw new Error('site bug in onRoom');
    });
    const form = mountPrechat(element, {
      serverUrl: SERVER,
      onSubmit: () => {
        throw new Error('site bug in onSubmit');
      },
      onRoom,
    });
    const root = element.querySelector('[data-rocketchat-prechat]')?.shadowRoot as ShadowRoot;
    const user = userEvent.setup();
    const name = await waitFor(() => {
      const input = root.querySelector<HTMLInputElement>('input[autocomplete="name"]');
      if (!input) throw new Error('not yet');
      return input;
    });
    await user.type(name, 'Ada');
    await user.type(root.querySelector('input[type="email"]') as HTMLInputElement, 'ada@example.com');
    await user.selectOptions(root.querySelectorAll('select')[1] as HTMLSelectElement, 'Pro');
    await user.click(root.querySelector('button[type="submit"]') as HTMLButtonElement);
    await waitFor(() => expect(onRoom).toHaveBeenCalledTimes(1));
    expect(recorded.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
    await waitFor(() => expect(root.textContent).toContain('You are connected'));
    expect(logged(errors)).toEqual([
      expect.stringContaining('[RocketChatPrechat] onSubmit callback: Error: site bug in onSubmit'),
      expect.stringContaining('[RocketChatPrechat] onRoom callback: Error: site bug in onRoom'),
    ]);
    form.destroy();
  });
});
