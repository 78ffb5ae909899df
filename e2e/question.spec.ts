/**
 * The visitor's question: asked on the pre-chat form and sent as the room's first message, so the agent never
 * opens an empty chat — over the wire to the stand-in, which stores messages as Rocket.Chat does.
 */
import type { Page } from '@playwright/test';
import { fillPrechat } from '../src/npm/testing.ts';
import { expect, hostUrl, injectFault, standinRequests, standinState, test } from './support/test.ts';

const MESSAGE = '/api/v1/livechat/message';

async function fillWithQuestion(page: Page, question: string) {
  await page.getByRole('button', { name: 'Open chat' }).click();
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByRole('textbox', { name: 'How can we help?' }).fill(question);
  await page.getByRole('button', { name: 'Start chat' }).click();
}

test('the question is the first message of the new room, from the visitor', async ({ page, events }) => {
  await page.goto(hostUrl('basic'));
  await fillWithQuestion(page, 'My invoice shows the wrong address.');
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
  const { room, token } = await events.waitFor('room');
  const rid = (room as { _id: string })._id;

  const { messages } = await standinState();
  const inRoom = messages.filter((message) => message.rid === rid);
  expect(inRoom).toEqual([
    expect.objectContaining({ msg: 'My invoice shows the wrong address.', token, alias: 'Ada Lovelace' }),
  ]);
  const [sent] = await standinRequests({ method: 'POST', path: MESSAGE });
  // Meteor's id alphabet and length, like every Rocket.Chat message _id.
  expect(sent?.body).toEqual({
    token,
    rid,
    msg: 'My invoice shows the wrong address.',
    _id: expect.stringMatching(/^[23456789A-HJ-NP-Za-km-z]{17}$/),
  });
  expect((await events.of('submit'))[0]).toMatchObject({ message: 'My invoice shows the wrong address.' });
});

test('a message the server failed to take: "Try again" sends it once, with the same _id, nothing typed is lost', async ({
  page,
}) => {
  await injectFault({ method: 'POST', path: MESSAGE, status: 503, times: 3 });
  await page.goto(hostUrl('basic'));
  await fillWithQuestion(page, 'Where is my parcel?');
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('textbox', { name: 'How can we help?' })).toHaveValue('Where is my parcel?');
  await retry.click();
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();

  const sent = await standinRequests({ method: 'POST', path: MESSAGE });
  expect(sent).toHaveLength(4);
  expect(new Set(sent.map((request) => (request.body as { _id: string })._id)).size).toBe(1);
  const { messages, rooms } = await standinState();
  expect(rooms).toHaveLength(1);
  expect(messages.filter((message) => message.msg === 'Where is my parcel?')).toHaveLength(1);
});
