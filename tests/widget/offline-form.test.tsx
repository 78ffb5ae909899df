import userEvent from '@testing-library/user-event';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY } from '../../src/shared/visitor-token.ts';
import { API, configAnswer, livechatHandlers, type Recorded } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

/** Nobody online on the whole server, with the offline texts an admin may set. */
const offlineConfig = (overrides: Record<string, unknown> = {}) =>
  configAnswer({
    online: false,
    theme: {
      title: 'Acme support',
      color: '#C1272D',
      offlineTitle: 'Leave a message',
      offlineColor: '#666666',
    },
    messages: { offlineMessage: 'We answer within a day.\nNo <b>HTML</b> here.' },
    ...overrides,
  });

function setup(config: unknown, ...overrides: HttpHandler[]) {
  const recorded: Recorded[] = [];
  // The overrides first: msw asks the handlers in order.
  server.use(...overrides, ...livechatHandlers(recorded));
  return { user: userEvent.setup(), recorded, ...renderWidget({ config }) };
}

const offlinePosts = (recorded: Recorded[]) =>
  recorded.filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/offline.message'));

async function fillOfflineForm({ screen, user }: Pick<ReturnType<typeof setup>, 'screen' | 'user'>) {
  await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
  await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
  await user.type(screen.getByRole('textbox', { name: /^How can we help/ }), 'Where is my order?');
}

afterEach(() => sessionStorage.clear());

describe('the offline form, when nobody is online', () => {
  it('asks name, email, the offline departments and the message, with the admin instructions as text', async () => {
    const { screen } = setup(offlineConfig());
    expect(await screen.findByRole('heading', { name: 'Leave a message' })).toBeVisible();
    expect(screen.getByText('No one is available to chat right now.')).toBeVisible();
    expect(screen.getByText(/We answer within a day\.\s+No <b>HTML<\/b> here\./)).toBeVisible();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toBeRequired();
    expect(screen.getByRole('textbox', { name: /^Email/ })).toBeRequired();
    expect(screen.getByRole('textbox', { name: /^How can we help/ })).toBeRequired();
    // Billing is not on the registration form but is on the offline one.
    const departments = screen.getByRole('combobox', { name: /^Department/ });
    expect([...departments.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Choose a department',
      'Billing',
      'Sales',
      'Support',
    ]);
    // offline.message has no slot for these.
    expect(screen.queryByRole('textbox', { name: /^Phone/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: /^Plan/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send message' })).toBeVisible();
  });

  it('sends one POST offline.message and thanks the visitor with the server’s text', async () => {
    const ctx = setup(
      offlineConfig({
        messages: { offlineSuccessMessage: 'Thanks! We write back by tomorrow.' },
      }),
    );
    await fillOfflineForm(ctx);
    await ctx.user.selectOptions(ctx.screen.getByRole('combobox', { name: /^Department/ }), 'Billing');
    await ctx.user.dblClick(ctx.screen.getByRole('button', { name: 'Send message' }));
    expect(await ctx.screen.findByRole('heading', { name: 'Message sent' })).toBeVisible();
    expect(ctx.screen.getByText('Thanks! We write back by tomorrow.')).toBeVisible();
    const posts = offlinePosts(ctx.recorded);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      message: 'Where is my order?',
      department: 'dept-billing',
      host: location.origin,
    });
    expect(ctx.eventsNamed('offline-message')[0]?.detail).toEqual(posts[0]?.body);
    // No registration, no room: nobody was there to chat with.
    expect(ctx.recorded.filter((r) => r.url.pathname.endsWith('/visitor'))).toHaveLength(0);
    expect(sessionStorage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
  });

  it('requires the message', async () => {
    const ctx = setup(offlineConfig());
    await ctx.user.type(await ctx.screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await ctx.user.type(ctx.screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await ctx.user.click(ctx.screen.getByRole('button', { name: 'Send message' }));
    expect(await ctx.screen.findByText('Please fill in How can we help?.')).toBeVisible();
    expect(offlinePosts(ctx.recorded)).toHaveLength(0);
  });

  it('uses the title and colour the admin set, and the site’s colour over both', async () => {
    const { screen, root } = setup(
      offlineConfig({ theme: { title: 'Acme', offlineTitle: 'Write to us', offlineColor: '#004d40' } }),
    );
    expect(await screen.findByRole('heading', { name: 'Write to us' })).toBeVisible();
    const header = root.querySelector<HTMLElement>('.rcp-header');
    expect(header?.style.getPropertyValue('--rcp-accent')).toBe('#004d40');

    const site = renderWidget({
      config: offlineConfig({ theme: { offlineColor: '#004d40' } }),
      options: { theme: { color: '#112233' } },
    });
    await site.screen.findByRole('heading', { name: 'Leave a message' });
    expect(site.root.querySelector<HTMLElement>('.rcp-header')?.style.getPropertyValue('--rcp-accent')).toBe(
      '',
    );
  });

  it('speaks the visitor’s language where the server sent its untouched English default title', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const { screen } = renderWidget({ config: offlineConfig(), options: { locale: 'de' } });
    expect(await screen.findByRole('heading', { name: 'Nachricht hinterlassen' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Nachricht senden' })).toBeVisible();
  });

  it('asks for the forced consent before sending, in its own words, and records nothing of it', async () => {
    const ctx = setup(
      offlineConfig({ settings: { forceAcceptDataProcessingConsent: true, registrationForm: true } }),
    );
    await fillOfflineForm(ctx);
    await ctx.user.click(ctx.screen.getByRole('button', { name: 'Send message' }));
    expect(await ctx.screen.findByText('Please accept this to send your message.')).toBeVisible();
    expect(offlinePosts(ctx.recorded)).toHaveLength(0);
    await ctx.user.click(ctx.screen.getByRole('checkbox'));
    await ctx.user.click(ctx.screen.getByRole('button', { name: 'Send message' }));
    await ctx.screen.findByRole('heading', { name: 'Message sent' });
    expect(Object.keys(offlinePosts(ctx.recorded)[0]?.body as object).sort()).toEqual([
      'email',
      'host',
      'message',
      'name',
    ]);
  });
});

describe('offline form failures', () => {
  const answer = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    http.post(`${API}/offline.message`, () => HttpResponse.json(body, { status, headers }));

  it('says Rocket.Chat’s one generic failure in plain words and keeps the text', async () => {
    const ctx = setup(
      offlineConfig(),
      answer(400, { success: false, error: 'Error sending Omnichannel offline message' }),
    );
    await fillOfflineForm(ctx);
    await ctx.user.click(ctx.screen.getByRole('button', { name: 'Send message' }));
    expect(
      await ctx.screen.findByText('We could not send your message. Please try again later.'),
    ).toBeVisible();
    expect(ctx.screen.getByRole('textbox', { name: /^How can we help/ })).toHaveValue('Where is my order?');
    expect(ctx.eventsNamed('error')[0]?.detail).toMatchObject({ code: 'offline-message-failed' });
  });

  it('puts a body-validation answer at its field', async () => {
    const ctx = setup(
      offlineConfig(),
      answer(400, {
        success: false,
        error: "must have required property 'email' [invalid-params]",
        errorType: 'invalid-params',
      }),
    );
    await fillOfflineForm(ctx);
    await ctx.user.click(ctx.screen.getByRole('button', { name: 'Send message' }));
    expect(await ctx.screen.findByText('Please fill in Email.')).toBeVisible();
    expect(ctx.screen.getByRole('textbox', { name: /^Email/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('counts down Rocket.Chat’s one-per-5-s limit with the button blocked', async () => {
    const ctx = setup(
      offlineConfig(),
      answer(
        429,
        {
          success: false,
          error:
            'Error, too many requests. Please slow down. You must wait 4 seconds before trying this endpoint again. [error-too-many-requests]',
        },
        { 'x-ratelimit-reset': String(Date.now() + 4000) },
      ),
    );
    await fillOfflineForm(ctx);
    await ctx.user.click(ctx.screen.getByRole('button', { name: 'Send message' }));
    expect(await ctx.screen.findByText(/Too many attempts — try again in \d s\./)).toBeVisible();
    expect(ctx.screen.getByRole('button', { name: 'Send message' })).toHaveAttribute('aria-disabled', 'true');
    expect(ctx.screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Ada');
  });
});

describe('a department the visitor picks', () => {
  /** Support has agents online; Sales has none. */
  const byDepartment = (recorded: Recorded[]) =>
    http.get(`${API}/config`, ({ request }) => {
      const url = new URL(request.url);
      recorded.push({ method: 'GET', url, body: undefined });
      return HttpResponse.json(configAnswer({ online: url.searchParams.get('department') !== 'dept-sales' }));
    });

  it('is asked about once; nobody there is said before submit, with the way to leave a message', async () => {
    const recorded: Recorded[] = [];
    server.use(byDepartment(recorded), ...livechatHandlers(recorded));
    const user = userEvent.setup();
    const { screen } = renderWidget({ config: configAnswer() });
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.type(screen.getByRole('textbox', { name: /^How can we help/ }), 'Invoice question');
    const department = screen.getByRole('combobox', { name: /^Department/ });
    await user.selectOptions(department, 'Sales');
    expect(await screen.findByText('No one from Sales is available right now.')).toBeVisible();
    await user.selectOptions(department, 'Support');
    await user.selectOptions(department, 'Sales');
    await screen.findByText('No one from Sales is available right now.');
    const asked = recorded
      .filter((r) => r.url.pathname.endsWith('/config'))
      .map((r) => r.url.searchParams.get('department'));
    expect(asked).toEqual(['dept-sales', 'dept-support']);

    await user.click(screen.getByRole('button', { name: 'Leave a message' }));
    expect(await screen.findByRole('heading', { name: 'Leave a message' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Ada');
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveValue('ada@example.com');
    expect(screen.getByRole('textbox', { name: /^How can we help/ })).toHaveValue('Invoice question');
    expect(screen.getByRole('combobox', { name: /^Department/ })).toHaveValue('dept-sales');

    // Changing their mind: back to the chat form, with everything still there.
    await user.click(screen.getByRole('button', { name: 'Back to the chat form' }));
    expect(await screen.findByRole('button', { name: 'Start chat' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /^How can we help/ })).toHaveValue('Invoice question');
  });
});

describe('no-agent-online after the chat form', () => {
  it('moves to the offline form with name, email, department and question carried over', async () => {
    const recorded: Recorded[] = [];
    server.use(
      http.get(`${API}/room`, () =>
        HttpResponse.json(
          {
            success: false,
            error: 'Sorry, no online agents [no-agent-online]',
            errorType: 'no-agent-online',
          },
          { status: 400 },
        ),
      ),
      ...livechatHandlers(recorded),
    );
    const user = userEvent.setup();
    const { screen, eventsNamed } = renderWidget({ config: configAnswer() });
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.type(screen.getByRole('textbox', { name: /^Phone/ }), '+1 201 555 0123');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Department/ }), 'Support');
    await user.type(screen.getByRole('textbox', { name: /^How can we help/ }), 'My order is late');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));

    expect(await screen.findByText(/The chat could not start: no one is available right now/)).toBeVisible();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Ada');
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveValue('ada@example.com');
    expect(screen.getByRole('combobox', { name: /^Department/ })).toHaveValue('dept-support');
    expect(screen.getByRole('textbox', { name: /^How can we help/ })).toHaveValue('My order is late');
    expect(eventsNamed('error')[0]?.detail).toMatchObject({ code: 'no-agent-online' });

    await user.click(screen.getByRole('button', { name: 'Send message' }));
    await screen.findByRole('heading', { name: 'Message sent' });
    expect(offlinePosts(recorded)[0]?.body).toMatchObject({
      name: 'Ada',
      email: 'ada@example.com',
      department: 'dept-support',
      message: 'My order is late',
    });
  });
});

describe('a server that wants no registration questions (registrationForm: false)', () => {
  it('asks only the question and starts the chat with the token in one click', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const user = userEvent.setup();
    const { screen } = renderWidget({
      config: configAnswer({ settings: { registrationForm: false } }),
      prefill: { email: { value: 'ada@example.com', mode: 'hidden' } },
    });
    await screen.findByRole('button', { name: 'Start chat' });
    expect(screen.queryByRole('textbox', { name: /^Name/ })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getAllByRole('textbox').map((box) => box.getAttribute('name'))).toEqual(['message']);
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    const post = recorded.find((r) => r.url.pathname.endsWith('/visitor'))?.body as {
      visitor: Record<string, unknown>;
    };
    expect(Object.keys(post.visitor).sort()).toEqual(['email', 'token']);
  });

  it('still asks a field the site explicitly shows', async () => {
    server.use(...livechatHandlers([]));
    const { screen } = renderWidget({
      config: configAnswer({ settings: { registrationForm: false } }),
      options: { fields: { name: { show: true } } },
    });
    expect(await screen.findByRole('textbox', { name: /^Name/ })).toBeRequired();
    expect(screen.queryByRole('textbox', { name: /^Email/ })).toBeNull();
  });
});
