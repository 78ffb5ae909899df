import { act, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { API, configAnswer, livechatHandlers } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

describe('nothing typed is lost', () => {
  it('brings the typed values back after a reload, until the chat starts', async () => {
    server.use(...livechatHandlers([]));
    const user = userEvent.setup();
    const first = renderWidget({ config: configAnswer() });
    await user.type(await first.screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.selectOptions(first.screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
    first.handle.destroy(); // the page goes away

    // The server's custom fields come back in another order: values follow their keys, not positions.
    const reordered = configAnswer();
    reordered.config.customFields.reverse();
    const second = renderWidget({ config: reordered });
    expect(await second.screen.findByRole('textbox', { name: /^Name/ })).toHaveValue('Ada');
    expect(second.screen.getByRole('combobox', { name: /^Plan/ })).toHaveValue('Pro');

    await user.type(second.screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.click(second.screen.getByRole('button', { name: 'Start chat' }));
    await second.screen.findByRole('heading', { name: 'You are connected' });
    second.handle.destroy();

    const third = renderWidget({ config: configAnswer() });
    expect(await third.screen.findByRole('textbox', { name: /^Name/ })).toHaveValue('');
  });

  it('with storage refusing the draft, "Back to the chat form" still finds everything typed (kept in memory)', async () => {
    const refuse = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
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
        ...livechatHandlers([]),
      );
      const user = userEvent.setup();
      const { screen, handle } = renderWidget({ config: configAnswer() });
      await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
      await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
      await user.type(screen.getByRole('textbox', { name: /^Phone/ }), '+12015550123');
      await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), 'Pro');
      await user.click(screen.getByRole('button', { name: 'Start chat' }));
      await user.click(await screen.findByRole('button', { name: 'Back to the chat form' }));
      expect(await screen.findByRole('textbox', { name: /^Name/ })).toHaveValue('Ada');
      expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveValue('ada@example.com');
      expect(screen.getByRole('textbox', { name: /^Phone/ })).toHaveValue('+12015550123');
      expect(screen.getByRole('combobox', { name: /^Plan/ })).toHaveValue('Pro');
      // Nothing of it reached storage, and a reset forgets the copy in memory too.
      expect(sessionStorage.length).toBe(0);
      act(() => handle.reset());
      await waitFor(() => expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue(''));
    } finally {
      refuse.mockRestore();
    }
  });

  it('offers "Try again" after a server failure and sends again with the same values', async () => {
    let calls = 0;
    server.use(...livechatHandlers([]));
    server.use(
      http.post(`${API}/visitor`, async ({ request }) => {
        calls += 1;
        if (calls <= 3) return HttpResponse.json({ success: false, error: 'boom' }, { status: 500 });
        const { visitor } = (await request.json()) as { visitor: { token: string } };
        return HttpResponse.json({ visitor: { _id: 'v', token: visitor.token }, success: true });
      }),
    );
    const user = userEvent.setup();
    const { screen } = renderWidget({ config: configAnswer({ customFields: [] }) });
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    const tryAgain = await screen.findByRole('button', { name: 'Try again' }, { timeout: 6000 });
    expect(screen.getByText('Chat is unavailable right now. Please try again later.')).toBeVisible();
    await user.click(tryAgain);
    await screen.findByRole('heading', { name: 'You are connected' });
    expect(calls).toBe(4);
  });

  it('re-registers a visitor the server forgot, then opens the room', async () => {
    const tokensSeen: string[] = [];
    let roomCalls = 0;
    server.use(...livechatHandlers([]));
    server.use(
      http.post(`${API}/visitor`, async ({ request }) => {
        const { visitor } = (await request.json()) as { visitor: { token: string } };
        tokensSeen.push(visitor.token);
        return HttpResponse.json({ visitor: { _id: 'v', token: visitor.token }, success: true });
      }),
      http.get(`${API}/room`, ({ request }) => {
        roomCalls += 1;
        if (roomCalls === 1)
          return HttpResponse.json({ success: false, error: 'invalid-token' }, { status: 400 });
        const token = new URL(request.url).searchParams.get('token') ?? '';
        return HttpResponse.json({
          room: { _id: 'r', t: 'l', v: { _id: 'v', token } },
          newRoom: true,
          success: true,
        });
      }),
    );
    const user = userEvent.setup();
    const { screen, eventsNamed } = renderWidget({ config: configAnswer({ customFields: [] }) });
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await screen.findByRole('heading', { name: 'You are connected' });
    expect(tokensSeen).toHaveLength(2);
    expect(tokensSeen[1]).toBe(tokensSeen[0]);
    expect(roomCalls).toBe(2);
    expect(eventsNamed('room')).toHaveLength(1);
  });
});
