import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, configAnswer, livechatHandlers, type Recorded } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

/** The visitor's question: asked on the form, sent as the room's first message so no agent opens an empty chat. */
const messages = (recorded: Recorded[]) =>
  recorded.filter((r) => r.url.pathname.endsWith('/message')).map((r) => r.body as Record<string, string>);

async function fillRequired(screen: ReturnType<typeof renderWidget>['screen']) {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
  await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
  await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
  return user;
}

describe('the question', () => {
  it('is asked last, optional, and sent once the room is open, with an _id, before the room event', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const { screen, eventsNamed, events } = renderWidget({ config: configAnswer() });
    const user = await fillRequired(screen);
    const question = screen.getByRole('textbox', { name: 'How can we help?' });
    expect(question.tagName).toBe('TEXTAREA');
    expect(question).not.toBeRequired();
    expect(question).toHaveAttribute('maxlength', '5000');
    await user.type(question, '  My invoice is wrong  ');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });

    expect(recorded.map((r) => `${r.method} ${r.url.pathname.replace('/api/v1/livechat', '')}`)).toEqual([
      'POST /visitor',
      'GET /room',
      'POST /message',
    ]);
    const [sent] = messages(recorded);
    const token = (recorded[0]?.body as { visitor?: { token?: string } } | undefined)?.visitor?.token;
    expect(sent).toEqual({
      token,
      rid: 'room-1',
      msg: 'My invoice is wrong',
      _id: expect.stringMatching(/^\w{17}$/),
    });
    // Not part of the registration; part of the submit event.
    expect(recorded[0]?.body).not.toHaveProperty('visitor.message');
    expect(eventsNamed('submit')[0]?.detail).toMatchObject({ message: 'My invoice is wrong' });
    expect(events.map((e) => e.name).slice(-2)).toEqual(['registered', 'room']);
  });

  it('left empty: nothing is sent after the room opens', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const { screen } = renderWidget({ config: configAnswer() });
    const user = await fillRequired(screen);
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    expect(messages(recorded)).toEqual([]);
  });

  it('can be required, relabelled or hidden by the site, and takes the server’s length limit', async () => {
    server.use(...livechatHandlers([]));
    const { screen } = renderWidget({
      options: { fields: { message: { required: true } }, labels: { messageLabel: 'Your order number' } },
      config: configAnswer({ settings: { ...configAnswer().config.settings, limitTextLength: 140 } }),
    });
    const user = await fillRequired(screen);
    const question = screen.getByRole('textbox', { name: /^Your order number/ });
    expect(question).toHaveAttribute('aria-required', 'true');
    expect(question).toHaveAttribute('maxlength', '140');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(await screen.findByText('Please fill in Your order number.')).toBeInTheDocument();

    const hidden = renderWidget({
      options: { fields: { message: { show: false } } },
      config: configAnswer(),
    });
    await hidden.screen.findAllByRole('textbox', { name: /^Name/ });
    expect(hidden.screen.queryByRole('textbox', { name: /help/ })).not.toBeInTheDocument();
  });

  it('a failed send keeps everything typed; "Try again" resends the same message with the same _id', async () => {
    const recorded: Recorded[] = [];
    let failures = 3; // the first try and both automatic retries
    server.use(
      http.post(`${API}/message`, async ({ request }) => {
        if (failures-- > 0) {
          recorded.push({ method: 'POST', url: new URL(request.url), body: await request.json() });
          return HttpResponse.json({ success: false, error: 'boom' }, { status: 503 });
        }
        return undefined;
      }),
      ...livechatHandlers(recorded),
    );
    const { screen } = renderWidget({ config: configAnswer() });
    const user = await fillRequired(screen);
    await user.type(screen.getByRole('textbox', { name: 'How can we help?' }), 'Where is my parcel?');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    const retry = await screen.findByRole('button', { name: 'Try again' }, { timeout: 8000 });
    expect(screen.getByRole('textbox', { name: 'How can we help?' })).toHaveValue('Where is my parcel?');
    await user.click(retry);
    await screen.findByRole('heading', { name: 'You are connected' });
    // Three failed tries, the resend: one message, one _id.
    const sent = messages(recorded);
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((message) => `${message._id} ${message.msg}`)).size).toBe(1);
  }, 15_000);

  it('is not sent without a room (startRoom: false)', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const { screen } = renderWidget({ options: { startRoom: false }, config: configAnswer() });
    const user = await fillRequired(screen);
    await user.type(screen.getByRole('textbox', { name: 'How can we help?' }), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'Thank you' });
    expect(messages(recorded)).toEqual([]);
  });
});
