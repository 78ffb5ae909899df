/**
 * `handoff: 'rocketchat'` with Rocket.Chat's real Livechat widget (npm @rocket.chat/livechat, served by the
 * stand-in at /livechat): the visitor fills in our form once, and continues in Rocket.Chat's widget — the same
 * visitor, no second form, the question as the first message, the agent's reply pushed over DDP — and at no moment
 * do two launchers share the corner of the page.
 */
import type { Locator, Page } from '@playwright/test';
import { fillPrechat } from '../src/npm/testing.ts';
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

const VISITOR = '/api/v1/livechat/visitor';
const officialFrame = (page: Page) => page.locator('#rocketchat-iframe');

/** What the visitor would hit at the centre of `locator`: ours (our host element), theirs (the iframe), or else. */
async function hitAtCentre(page: Page, locator: Locator): Promise<string> {
  const box = await locator.boundingBox();
  if (!box) return 'not rendered';
  return page.evaluate(
    ({ x, y }) => {
      const hit = document.elementFromPoint(x, y);
      if (hit?.closest('[data-rocketchat-prechat]')) return 'ours';
      if (hit?.id === 'rocketchat-iframe') return 'theirs';
      return hit ? hit.tagName.toLowerCase() : 'nothing';
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}

test('the form hands the visitor to Rocket.Chat’s widget: one visitor, the question first, the reply arrives, one launcher at a time', async ({
  page,
  events,
}) => {
  const isSubscribedTo = watchRoomSubscription(page);
  await page.goto(hostUrl('handoff-livechat'));
  const ours = page.getByRole('button', { name: 'Open chat' });
  await events.waitFor('ready');
  // Both have booted and the page is idle: only ours shows, and a click there reaches ours.
  await expect(officialFrame(page)).toBeAttached();
  await expect(officialFrame(page)).toBeHidden();
  await expect(ours).toBeVisible();
  expect(await hitAtCentre(page, ours)).toBe('ours');

  await ours.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByRole('textbox', { name: 'How can we help?' }).fill('My order #1234 never arrived.');
  expect(await hitAtCentre(page, ours)).toBe('ours');
  await page.getByRole('button', { name: 'Start chat' }).click();
  const { token, room } = await events.waitFor('room');

  // After the hand-off: only theirs, nothing of ours over it.
  await expect(officialFrame(page)).toBeVisible();
  await expect(ours).toBeHidden();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await hitAtCentre(page, officialFrame(page))).toBe('theirs');

  // The visitor's question is the first message of the room, shown in Rocket.Chat's widget.
  const widget = page.frameLocator('#rocketchat-iframe');
  await expect(widget.getByText('My order #1234 never arrived.')).toBeVisible();
  // No second form, no new visitor: our one registration, then the widget's own setGuestToken for the same token.
  await expect(widget.getByPlaceholder(/email/i)).toHaveCount(0);
  const posts = await standinRequests({ method: 'POST', path: VISITOR });
  expect(posts.map((post) => (post.body as { visitor: { token: string } }).visitor.token)).toEqual(
    posts.map(() => token),
  );
  expect(posts[0]?.body).toMatchObject({ visitor: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  const state = await standinState();
  expect(state.visitors).toHaveLength(1);
  expect(state.rooms).toHaveLength(1);

  // The agent answers once Rocket.Chat's widget listens to the room — with this visitor's token, or the server
  // would refuse the subscription — and the reply reaches the visitor there.
  const rid = (room as { _id: string })._id;
  await expect.poll(() => isSubscribedTo(rid), { timeout: 15_000 }).toBe(true);
  const reply = await page.request.post(`${STANDIN_URL}/_standin/agent-message`, {
    data: { rid, msg: 'Hi Ada, I am checking order #1234.' },
  });
  expect(reply.status()).toBe(200);
  await expect(widget.getByText('Hi Ada, I am checking order #1234.')).toBeVisible();
  expect((await standinState()).messages.filter((message) => message.rid === rid).map((m) => m.msg)).toEqual([
    'My order #1234 never arrived.',
    'Hi Ada, I am checking order #1234.',
  ]);

  // A later page view of this visitor: the conversation lives in Rocket.Chat's widget, ours stays away.
  await page.reload();
  await events.waitFor('ready');
  await expect(officialFrame(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeHidden();
});

test('reset (a site’s logout) brings our launcher back and hides Rocket.Chat’s widget, whose iframe we cannot clear', async ({
  page,
  events,
}) => {
  await resetStandin();
  await page.goto(hostUrl('handoff-livechat'));
  await events.waitFor('ready');
  await page.getByRole('button', { name: 'Open chat' }).click();
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await events.waitFor('room');
  await expect(officialFrame(page)).toBeVisible();

  await page.evaluate(() => window.RocketChatPrechat?.('reset'));
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeVisible();
  await expect(officialFrame(page)).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('rocketchat-prechat:handed-off'))).toBeNull();
});
