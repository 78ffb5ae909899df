/**
 * Rocket.Chat's official Livechat widget (npm @rocket.chat/livechat 1.13.3), served by the stand-in at /livechat
 * and embedded with Rocket.Chat's own snippet, holds a whole conversation against the stand-in ALONE: its
 * registration form, the visitor's first message (room, agent info, message over REST), and the agent's reply
 * pushed over DDP into its iframe.
 */

import { watchRoomSubscription } from './support/livechat-socket.ts';
import {
  expect,
  hostUrl,
  resetStandin,
  STANDIN_URL,
  standinRequests,
  standinState,
  test,
} from './support/test.ts';

test('the official widget registers, sends a message and shows the agent reply pushed over DDP', async ({
  page,
}) => {
  // Rocket.Chat's widget makes every custom field required; this spec is about the conversation, not them.
  await resetStandin({ customFields: [] });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const isSubscribedTo = watchRoomSubscription(page);
  const socket = page.waitForEvent('websocket', (ws) => ws.url() === 'ws://127.0.0.1:3100/websocket');

  await page.goto(hostUrl('livechat'));
  const widget = page.frameLocator('#rocketchat-iframe');
  // The widget starts minimised; its embed API opens it, as a site's own "chat with us" link would.
  await page.evaluate(() =>
    (
      window as unknown as { RocketChat: (fn: (this: { maximizeWidget(): void }) => void) => void }
    ).RocketChat(function () {
      this.maximizeWidget();
    }),
  );

  await widget.getByPlaceholder(/name/i).fill('Ada Lovelace');
  await widget.getByPlaceholder(/email/i).fill('ada@example.com');
  await widget.getByRole('button', { name: /start chat/i }).click();
  await expect
    .poll(async () => (await standinRequests({ method: 'POST', path: '/api/v1/livechat/visitor' })).length)
    .toBe(1);

  // The composer is a contenteditable whose "Type your message here" is a sibling element, not a placeholder.
  const composer = widget.locator('[contenteditable="true"]');
  await composer.fill('Hello, I need help with my order');
  await composer.press('Enter');
  await expect(widget.getByText('Hello, I need help with my order')).toBeVisible();
  await expect
    .poll(async () => (await standinState()).messages.map((message) => message.msg))
    .toEqual(['Hello, I need help with my order']);
  await socket;

  const { rooms } = await standinState();
  expect(rooms).toHaveLength(1);
  const room = rooms[0] as unknown as { _id: string; v: { token: string } };
  const rid = room._id;
  // The agent answers once the widget listens to the room (a real agent is never faster than that).
  await expect.poll(() => isSubscribedTo(rid), { timeout: 15_000 }).toBe(true);
  const reply = await page.request.post(`${STANDIN_URL}/_standin/agent-message`, {
    data: { rid, msg: 'Hi Ada, let me look at your order.' },
  });
  expect(reply.status()).toBe(200);
  await expect(widget.getByText('Hi Ada, let me look at your order.')).toBeVisible();

  // What went over the wire: the routes that were 404 before, all answered.
  const paths = (await standinRequests()).map((request) => `${request.method} ${request.path}`);
  expect(paths).toEqual(
    expect.arrayContaining([
      'POST /api/v1/livechat/visitor',
      'GET /api/v1/livechat/room',
      `GET /api/v1/livechat/agent.info/${rid}/${room.v.token}`,
      'POST /api/v1/livechat/message',
    ]),
  );
  expect((await standinRequests()).filter((request) => request.status === 404)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
