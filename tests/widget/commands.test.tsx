import { act, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../src/shared/visitor-token.ts';
import type { PrefillValues } from '../../src/types/public-api.ts';
import { API, configAnswer, livechatHandlers, type Recorded } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

const config = configAnswer({
  customFields: [{ _id: 'plan', label: 'Plan', type: 'input', required: false }],
});

/** Every required field of `config`: a visitor prefilled with these is known. */
const KNOWN = { name: 'Ada', email: 'ada@example.com', customFields: { plan: 'Pro' } };

/** The form behind a launcher, mounted and rendered closed, with the requests it sends. */
async function renderClosed(
  prefill?: PrefillValues,
  { answer = config, options }: { answer?: unknown; options?: Record<string, unknown> } = {},
) {
  const recorded: Recorded[] = [];
  server.use(...livechatHandlers(recorded));
  const rendered = renderWidget({ config: answer, inline: false, prefill, options });
  await waitFor(() => expect(rendered.root.querySelector('.rcp-panel')).toHaveAttribute('hidden'));
  return {
    ...rendered,
    posts: () => recorded.filter((r) => r.method === 'POST'),
    requests: () => recorded.map((r) => `${r.method} ${r.url.pathname.replace('/api/v1/livechat/', '')}`),
  };
}

/** A visitor this browser registered before: the stored token, and the config answer that recognises it. */
const RETURNING = 'a'.repeat(64);
const returning = (department?: string) => {
  localStorage.setItem(TOKEN_STORAGE_KEY, RETURNING);
  return configAnswer({
    customFields: [],
    guest: {
      _id: 'guest-1',
      name: 'Alice Previous',
      username: 'guest-9',
      token: RETURNING,
      visitorEmails: [{ address: 'alice@example.com' }],
      ...(department && { department }),
    },
  });
};

describe('commands from the host page', () => {
  it('prefill fills untouched fields and sends username with the registration', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const user = userEvent.setup();
    const { screen, handle } = renderWidget({ config, prefill: { username: 'ada-from-crm' } });
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await user.type(name, 'Typed by visitor');
    act(() =>
      handle.prefill({ name: 'From host', email: 'host@example.com', customFields: { plan: 'Gold' } }),
    );
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveValue('host@example.com'),
    );
    expect(name).toHaveValue('Typed by visitor'); // what the visitor typed is never overwritten
    expect(screen.getByRole('textbox', { name: /^Plan/ })).toHaveValue('Gold');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    expect(recorded.find((r) => r.method === 'POST')?.body).toMatchObject({
      visitor: {
        name: 'Typed by visitor',
        username: 'ada-from-crm',
        customFields: [{ key: 'plan', value: 'Gold' }],
      },
    });
  });

  it('with startRoom false, stops after registration', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const user = userEvent.setup();
    const { screen, eventsNamed } = renderWidget({ config, options: { startRoom: false } });
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(await screen.findByRole('heading', { name: 'Thank you' })).toBeVisible();
    expect(eventsNamed('registered')).toHaveLength(1);
    expect(eventsNamed('room')).toHaveLength(0);
    expect(recorded.some((r) => r.url.pathname.endsWith('/room'))).toBe(false);
  });

  it('reset forgets the visitor: no token until the next registration, and an empty form', async () => {
    server.use(...livechatHandlers([]));
    const user = userEvent.setup();
    const { screen, handle } = renderWidget({ config });
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    localStorage.setItem(TOKEN_STORAGE_KEY, 'a'.repeat(64)); // the last visitor's
    act(() => handle.reset());
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue(''));
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('open and close emit their events once; closing from inside hands focus back', async () => {
    server.use(...livechatHandlers([]));
    const { handle, eventsNamed, launcher, root } = renderWidget({ config, inline: false });
    // jsdom applies no stylesheet: the panel's `hidden` attribute is what hides it.
    await waitFor(() => expect(root.querySelector('.rcp-panel')).toHaveAttribute('hidden'));
    act(() => handle.open());
    act(() => handle.open());
    expect(root.querySelector('.rcp-panel')).not.toHaveAttribute('hidden');
    expect(launcher?.button).toHaveAttribute('aria-expanded', 'true');
    const close = root.querySelector<HTMLButtonElement>('.rcp-close');
    await userEvent.setup().click(close as HTMLButtonElement);
    expect(eventsNamed('open')).toHaveLength(1);
    expect(eventsNamed('close')).toHaveLength(1);
    expect(launcher?.button).toHaveAttribute('aria-expanded', 'false');
    expect(launcher?.focus).toHaveBeenCalledTimes(1);
    expect(root.activeElement).toBe(launcher?.button);
    act(() => handle.close());
    expect(eventsNamed('close')).toHaveLength(1);
    // The launcher toggles: open when closed, closed when open.
    act(() => handle.toggle());
    expect(root.querySelector('.rcp-panel')).not.toHaveAttribute('hidden');
    act(() => handle.toggle());
    expect(root.querySelector('.rcp-panel')).toHaveAttribute('hidden');
    expect(eventsNamed('open')).toHaveLength(2);
    expect(eventsNamed('close')).toHaveLength(2);
  });

  it('behind a launcher the form renders after mount returns; opening before that shows it at once, focused', () => {
    server.use(...livechatHandlers([]));
    const { screen, handle, root } = renderWidget({ config, inline: false });
    // Mounting closed only schedules the render (a transition), so the page is not held up by it.
    expect(root.querySelector('.rcp-panel')).toBeNull();
    // A click the moment the launcher shows: the form is drawn open within open(), no waiting for the slices.
    handle.open();
    expect(root.querySelector('.rcp-panel')).not.toHaveAttribute('hidden');
    expect(root.activeElement).toBe(screen.getByRole('textbox', { name: /^Name/ }));
  });

  it('a visitor known from prefill goes straight to the room when the panel opens, and not before', async () => {
    const { screen, handle, posts } = await renderClosed(KNOWN);
    expect(posts()).toHaveLength(0);
    act(() => handle.open());
    expect(await screen.findByRole('heading', { name: 'You are connected' })).toBeVisible();
    expect(posts()).toHaveLength(1);
  });

  it('decided when the panel opens: a prefill that completes the visitor later does not start the chat on its own', async () => {
    const { screen, handle, posts } = await renderClosed();
    act(() => handle.open());
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    act(() => handle.prefill(KNOWN));
    await waitFor(() => expect(name).toHaveValue('Ada'));
    await new Promise((resolve) => setTimeout(resolve, 100)); // room for a start that must not come
    expect(screen.getByRole('button', { name: 'Start chat' })).toBeVisible();
    expect(posts()).toHaveLength(0);
  });

  it('a prefill that arrives after the closed form mounted still starts the known visitor at open, and is no draft', async () => {
    const { screen, handle, posts } = await renderClosed();
    act(() => handle.prefill(KNOWN));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the prefilled values reach the (closed) form
    expect(sessionStorage.getItem('rocketchat-prechat:draft')).toBeNull();
    act(() => handle.open());
    expect(await screen.findByRole('heading', { name: 'You are connected' })).toBeVisible();
    expect(posts().map((post) => post.body)).toMatchObject([
      { visitor: { name: 'Ada', email: 'ada@example.com' } },
    ]);
  });

  it('after reset the form is empty: the last visitor the config recognised is nobody’s default, and nothing starts', async () => {
    const { screen, handle, posts } = await renderClosed(undefined, { answer: returning('dept-support') });
    act(() => handle.open());
    await screen.findByRole('heading', { name: 'You are connected' }); // Alice, recognised, went straight in
    act(() => {
      handle.reset();
      // The next person: the site knows only a phone number for them, hidden.
      handle.prefill({ phone: { value: '+12015550123', mode: 'hidden' } });
      handle.close();
      handle.open();
    });
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    expect(name).toHaveValue('');
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: /^Department/ })).toHaveValue('');
    await new Promise((resolve) => setTimeout(resolve, 100)); // room for a start that must not come
    expect(posts()).toHaveLength(0);
  });

  it('a returning visitor on a page that presets another department is registered there before the room', async () => {
    const { screen, handle, posts, requests } = await renderClosed(undefined, {
      answer: returning('dept-support'),
      options: { department: 'dept-sales' },
    });
    act(() => handle.open());
    expect(await screen.findByRole('heading', { name: 'You are connected' })).toBeVisible();
    expect(requests()).toEqual(['POST visitor', 'GET room']);
    expect(posts()[0]?.body).toMatchObject({
      visitor: { token: RETURNING, name: 'Alice Previous', department: 'dept-sales' },
    });
  });

  it('a returning visitor on a page with their own department goes straight to the room', async () => {
    const { screen, handle, requests } = await renderClosed(undefined, {
      answer: returning('dept-support'),
      options: { department: 'dept-support' },
    });
    act(() => handle.open());
    expect(await screen.findByRole('heading', { name: 'You are connected' })).toBeVisible();
    expect(requests()).toEqual(['GET room']);
  });

  it('reset while the last visitor’s registration waits offline: the next visitor gets a form that is not busy', async () => {
    let online = false;
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    try {
      const recorded: Recorded[] = [];
      server.use(
        http.post(`${API}/visitor`, () => (online ? undefined : HttpResponse.error())),
        ...livechatHandlers(recorded),
      );
      const user = userEvent.setup();
      const { screen, handle } = renderWidget({ config });
      await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
      await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
      window.dispatchEvent(new Event('offline'));
      await user.click(screen.getByRole('button', { name: 'Start chat' }));
      await screen.findByText(/You are offline/);
      act(() => handle.reset());
      online = true;
      act(() => window.dispatchEvent(new Event('online')));
      const button = await screen.findByRole('button', { name: 'Start chat' });
      expect(button).not.toHaveAttribute('aria-disabled', 'true');
      expect(screen.queryByText(/You are offline/)).toBeNull();
      expect(recorded.filter((r) => r.method === 'POST')).toEqual([]); // Ada's details never went out
      handle.destroy();
    } finally {
      onLine.mockRestore();
      window.dispatchEvent(new Event('online'));
    }
  });

  it('an automatic start the server refuses for one field: the form comes back with the error at that field', async () => {
    const { screen, handle, posts } = await renderClosed(KNOWN);
    server.use(
      http.post(`${API}/visitor`, () =>
        HttpResponse.json({ success: false, error: 'error-invalid-department' }, { status: 400 }),
      ),
    );
    act(() => handle.open());
    const department = await screen.findByRole('combobox', { name: /^Department/ });
    expect(
      await screen.findByText('This department is not available. Please choose another one.'),
    ).toBeVisible();
    expect(department).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Ada');
    expect(posts()).toHaveLength(0); // the refused POST went to the handler above, not the recorder
  });

  it('reset, prefill and open in one go: the automatic start sends the new visitor, never the last one', async () => {
    const { screen, handle, posts } = await renderClosed(KNOWN);
    act(() => {
      handle.reset();
      handle.prefill({ name: 'Bea', email: 'bea@example.com', customFields: { plan: 'Free' } });
      handle.open();
    });
    expect(await screen.findByRole('heading', { name: 'You are connected' })).toBeVisible();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body).toMatchObject({ visitor: { name: 'Bea', email: 'bea@example.com' } });
  });
});
