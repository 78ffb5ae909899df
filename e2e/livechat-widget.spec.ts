/**
 * Rocket.Chat's official Livechat widget (npm @rocket.chat/livechat 1.13.3), served by the stand-in at /livechat
 * and embedded with Rocket.Chat's own snippet, holds a whole conversation against the stand-in ALONE: its
 * registration form, the visitor's first message (room, agent info, message over REST), and the agent's reply
 * pushed over DDP into its iframe. With nobody online, its own offline form leaves a message through the stand-in.
 */

import type { Page } from '@playwright/test';
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

/** Rocket.Chat's widget on the host page, opened: it starts minimised, and its embed API opens it, as a site's
 * own "chat with us" link would. */
async function openOfficialWidget(page: Page) {
  await page.goto(hostUrl('livechat'));
  await page.evaluate(() =>
    (
      window as unknown as { RocketChat: (fn: (this: { maximizeWidget(): void }) => void) => void }
    ).RocketChat(function () {
      this.maximizeWidget();
    }),
  );
  return page.frameLocator('#rocketchat-iframe');
}

test('the official widget registers, sends a message and shows the agent reply pushed over DDP', async ({
  page,
}) => {
  // Rocket.Chat's widget makes every custom field required; this spec is about the conversation, not them.
  await resetStandin({ customFields: [] });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const isSubscribedTo = watchRoomSubscription(page);
  const socket = page.waitForEvent('websocket', (ws) => ws.url() === 'ws://127.0.0.1:3100/websocket');

  const widget = await openOfficialWidget(page);

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

test('nobody online: the official widget’s own offline form leaves one message, and shows Rocket.Chat’s failure as Rocket.Chat would', async ({
  page,
}) => {
  const OFFLINE = '/api/v1/livechat/offline.message';
  const success = 'Thanks, we will write back soon.';
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const leaveMessage = async (widget: Awaited<ReturnType<typeof openOfficialWidget>>) => {
    await widget.getByPlaceholder(/name/i).fill('Ada Lovelace');
    await widget.getByPlaceholder(/email/i).fill('ada@example.com');
    await widget.getByRole('combobox').selectOption({ label: 'Support' });
    await widget.getByPlaceholder(/message/i).fill('Please call me back about my order.');
    const answer = page.waitForResponse((response) => response.url().endsWith(OFFLINE));
    await widget.getByRole('button', { name: 'Send' }).click();
    return answer;
  };
  const sent = {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    department: 'dept-support',
    message: 'Please call me back about my order.',
    // The widget's own origin: its iframe is served by Rocket.Chat (here the stand-in).
    host: STANDIN_URL,
  };

  // Sent: the stand-in's answer is one the widget takes as success, so it shows the admin's success text.
  await resetStandin({
    customFields: [],
    agentsOnline: false,
    settings: { Livechat_offline_success_message: success },
  });
  let widget = await openOfficialWidget(page);
  await expect(widget.getByText('Leave a message').first()).toBeVisible();
  // Only the departments marked for the offline form are offered.
  await expect(widget.getByRole('combobox').getByRole('option')).toHaveText(['Sales', 'Support']);
  const accepted = await leaveMessage(widget);
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ message: 'Livechat offline message sent', success: true });
  await expect(widget.getByText(success)).toBeVisible();
  const posts = await standinRequests({ method: 'POST', path: OFFLINE });
  expect(posts.map((request) => request.body)).toEqual([sent]);
  expect((await standinState()).offlineMessages).toMatchObject([{ ...sent, to: 'support@example.com' }]);

  // Not sent: with no offline address, Rocket.Chat's one generic failure. The widget reads `data.message`, which
  // Rocket.Chat's failure body does not have, so like Rocket.Chat it shows no text; the form and its values stay.
  await resetStandin({ customFields: [], agentsOnline: false, settings: { Livechat_offline_email: '' } });
  widget = await openOfficialWidget(page);
  const refused = await leaveMessage(widget);
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({
    success: false,
    error: 'Error sending Omnichannel offline message',
  });
  await expect(widget.getByPlaceholder(/message/i)).toHaveValue('Please call me back about my order.');
  await expect(widget.getByText(success)).toHaveCount(0);
  expect((await standinState()).offlineMessages).toEqual([]);
  expect(pageErrors).toEqual([]);
});
