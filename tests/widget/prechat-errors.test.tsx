import userEvent from '@testing-library/user-event';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, configAnswer, livechatHandlers, type Recorded } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

const simpleConfig = configAnswer({
  customFields: [{ _id: 'plan', label: 'Plan', type: 'input', required: true }],
});

function setup(config: unknown, ...overrides: HttpHandler[]) {
  const recorded: Recorded[] = [];
  server.use(...livechatHandlers(recorded));
  server.use(...overrides);
  return { user: userEvent.setup(), recorded, ...renderWidget({ config }) };
}

async function fillAndSubmit({ screen, user }: Pick<ReturnType<typeof setup>, 'screen' | 'user'>) {
  await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
  await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
  await user.type(screen.getByRole('textbox', { name: /^Plan/ }), 'Pro');
  await user.click(screen.getByRole('button', { name: 'Start chat' }));
}

const rejectVisitor = (status: number, body: Record<string, unknown>) =>
  http.post(`${API}/visitor`, () => HttpResponse.json(body, { status }));

describe('server answers the visitor can act on', () => {
  it('puts an invalid department at the department field, keeping what was typed', async () => {
    const ctx = setup(
      simpleConfig,
      rejectVisitor(400, { success: false, error: 'error-invalid-department' }),
    );
    await ctx.user.selectOptions(await ctx.screen.findByRole('combobox', { name: /^Department/ }), 'Support');
    await fillAndSubmit(ctx);
    const department = ctx.screen.getByRole('combobox', { name: /^Department/ });
    expect(
      await ctx.screen.findByText('This department is not available. Please choose another one.'),
    ).toBeVisible();
    expect(department).toHaveAttribute('aria-invalid', 'true');
    expect(ctx.screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Ada');
    expect(ctx.eventsNamed('error')[0]?.detail).toMatchObject({ code: 'error-invalid-department' });
  });

  it('maps "Missing required custom fields" to those fields, or names the ones the form does not show', async () => {
    const ctx = setup(
      simpleConfig,
      rejectVisitor(400, { success: false, error: 'Missing required custom fields: plan, crm_id' }),
    );
    await fillAndSubmit(ctx);
    expect(await ctx.screen.findByText('The chat server also needs: crm_id.')).toBeVisible();
    expect(ctx.screen.getByRole('textbox', { name: /^Plan/ })).toHaveAccessibleDescription(
      'Please fill in Plan.',
    );
  });

  it('explains a 429 with the wait from the answer, and blocks the button meanwhile', async () => {
    const ctx = setup(
      simpleConfig,
      rejectVisitor(429, {
        success: false,
        error:
          'Error, too many requests. Please slow down. You must wait 42 seconds before trying this endpoint again. [error-too-many-requests]',
      }),
    );
    await fillAndSubmit(ctx);
    // The countdown may already have ticked once.
    expect(await ctx.screen.findByText(/^Too many attempts — try again in (42|41) s\.$/)).toBeVisible();
    expect(ctx.screen.getByRole('button', { name: 'Start chat' })).toHaveAttribute('aria-disabled', 'true');
    await ctx.user.click(ctx.screen.getByRole('button', { name: 'Start chat' }));
    expect(ctx.recorded.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('caps the wait a 429 names at 10 minutes', async () => {
    const ctx = setup(
      simpleConfig,
      rejectVisitor(429, {
        success: false,
        error: 'Error, too many requests. You must wait 86400 seconds before trying this endpoint again.',
      }),
    );
    await fillAndSubmit(ctx);
    expect(await ctx.screen.findByText(/^Too many attempts — try again in (600|599) s\.$/)).toBeVisible();
  });

  it('refuses a registration answer whose token could not be stored or sent', async () => {
    const ctx = setup(
      simpleConfig,
      http.post(`${API}/visitor`, () =>
        HttpResponse.json({ visitor: { _id: 'v1', token: 'has spaces in it' }, success: true }),
      ),
    );
    await fillAndSubmit(ctx);
    expect(
      await ctx.screen.findByText(
        'The chat service sent an answer we could not understand. Please try again later.',
      ),
    ).toBeVisible();
    expect(ctx.recorded.filter((r) => r.url.pathname.endsWith('/room'))).toHaveLength(0);
  });

  it('gives no-agent-online its own message after registering (the server offers no offline form)', async () => {
    const ctx = setup(
      configAnswer({
        customFields: [{ _id: 'plan', label: 'Plan', type: 'input', required: true }],
        settings: { displayOfflineForm: false },
      }),
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
    );
    await fillAndSubmit(ctx);
    expect(await ctx.screen.findByText(/All our agents are offline right now/)).toBeVisible();
    expect(ctx.eventsNamed('registered')).toHaveLength(1);
    expect(ctx.eventsNamed('error')[0]?.detail).toMatchObject({ code: 'no-agent-online' });
  });

  it('shows a server message it does not know as text, in plain words', async () => {
    const ctx = setup(
      simpleConfig,
      rejectVisitor(400, { success: false, error: '<img src=x onerror=alert(1)>' }),
    );
    await fillAndSubmit(ctx);
    expect(
      await ctx.screen.findByText('The chat service could not start your chat: <img src=x onerror=alert(1)>'),
    ).toBeVisible();
    expect(ctx.root.querySelector('img')).toBeNull();
  });

  it('retries a 503 with backoff, then reports it plainly', async () => {
    let calls = 0;
    const ctx = setup(
      simpleConfig,
      http.post(`${API}/visitor`, () => {
        calls += 1;
        return new HttpResponse('<html>Bad gateway</html>', {
          status: 503,
          headers: { 'Content-Type': 'text/html' },
        });
      }),
    );
    await fillAndSubmit(ctx);
    expect(
      await ctx.screen.findByText(
        'Chat is unavailable right now. Please try again later.',
        {},
        { timeout: 6000 },
      ),
    ).toBeVisible();
    expect(calls).toBe(3);
  });

  it('reports an answer of the wrong shape instead of crashing', async () => {
    const ctx = setup(
      simpleConfig,
      http.post(`${API}/visitor`, () => HttpResponse.json({ ok: 1 })),
    );
    await fillAndSubmit(ctx);
    expect(await ctx.screen.findByText(/sent an answer we could not understand/)).toBeVisible();
  });
});

describe('config states', () => {
  it('fetches the config itself when the loader could not, and says so when that fails too', async () => {
    const recorded: Recorded[] = [];
    server.use(
      http.get(`${API}/config`, ({ request }) => {
        recorded.push({ method: 'GET', url: new URL(request.url), body: undefined });
        return HttpResponse.error();
      }),
    );
    const { screen } = renderWidget({ config: null });
    expect(
      await screen.findByText(
        'We could not load the departments. You can still start a chat.',
        {},
        { timeout: 5000 },
      ),
    ).toBeVisible();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toBeVisible();
    expect(recorded.length).toBeGreaterThanOrEqual(1);
  });

  it('says agents are unavailable before the visitor types anything (the server offers no offline form)', async () => {
    const { screen } = renderWidget({
      config: configAnswer({ online: false, settings: { displayOfflineForm: false } }),
    });
    expect(
      await screen.findByText('No agents are available right now. Please come back later.'),
    ).toBeVisible();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeVisible();
  });

  it("says the server's own words when it has the offline form off and a text for that", async () => {
    const { screen } = renderWidget({
      config: configAnswer({
        online: false,
        settings: { displayOfflineForm: false },
        messages: { offlineUnavailableMessage: 'We are closed <i>until Monday</i>.' },
      }),
    });
    expect(await screen.findByText('We are closed <i>until Monday</i>.')).toBeVisible();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
