/**
 * Host pages whose scripts changed JavaScript's built-ins (e2e/hosts/hostile-builtins.js, each change the way a
 * real library makes it): each completes the whole flow — open, fill, submit, connected — with the exact
 * registration body on the wire and a silent console. A built-in broken beyond use is named in one console error.
 */
import type { Page } from '@playwright/test';
import { fillPrechat } from '../src/npm/testing.ts';
import { expect, HOSTS_URL, standinRequests, test } from './support/test.ts';

const PATCHES = ['object-prototype', 'array-prototype', 'array-tojson', 'fetch', 'history', 'promise'];

type HostileWindow = Window & {
  __patches?: string[];
  __wrappedFetchCalls?: number;
  __zoneCallbacks?: number;
};

async function openHostilePage(page: Page, patches: string[]) {
  await page.goto(`${HOSTS_URL}/hostile-builtins.html?${patches.join('&')}`);
  // The page really is as hostile as asked: every patch ran before the loader.
  expect(await page.evaluate(() => (window as HostileWindow).__patches)).toEqual(patches);
}

for (const patches of [...PATCHES.map((patch) => [patch]), PATCHES]) {
  test(`built-ins changed by the page (${patches.join(', ')}): the whole flow, the exact body on the wire`, async ({
    page,
    events,
    consoleErrors,
  }) => {
    await openHostilePage(page, patches);
    await events.waitFor('ready');
    await page.getByRole('button', { name: 'Open chat' }).click();
    await fillPrechat(page, {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+1 201 555 0123',
      department: 'Support',
      customFields: { Plan: 'Pro' },
    });
    await page.getByRole('button', { name: 'Start chat' }).click();
    await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();

    const token = await page.evaluate(() => localStorage.getItem('rocketchat-prechat:token'));
    const posts = await standinRequests({ method: 'POST', path: '/api/v1/livechat/visitor' });
    expect(posts.map((post) => post.body)).toEqual([
      {
        visitor: {
          token,
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          phone: '+12015550123',
          department: 'dept-support',
          customFields: [{ key: 'plan', value: 'Pro', overwrite: true }],
        },
      },
    ]);
    expect(consoleErrors).toEqual([]);
    // The wrappers were in the path, not bypassed.
    const { fetches, zoned } = await page.evaluate(() => ({
      fetches: (window as HostileWindow).__wrappedFetchCalls ?? 0,
      zoned: (window as HostileWindow).__zoneCallbacks ?? 0,
    }));
    if (patches.includes('fetch')) expect(fetches).toBeGreaterThanOrEqual(2); // config, visitor, room
    if (patches.includes('promise')) expect(zoned).toBeGreaterThan(0);
  });
}

test('a built-in broken beyond use is named in one console error, the launcher goes, and nothing is sent', async ({
  page,
  events,
  consoleErrors,
}) => {
  await openHostilePage(page, ['broken-json']);
  await events.waitFor('ready');
  // The form finds it when it mounts (at idle): a launcher that would open nothing is taken away. (The error
  // event fires too, but this page's JSON is what the event recorder would copy it with.)
  await events.waitFor('error');
  await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
  await expect.poll(() => consoleErrors.length).toBe(1);
  expect(consoleErrors[0]).toContain(
    '[RocketChatPrechat] Error: this page changed JSON.stringify so that it no longer works',
  );
  expect(await standinRequests({ method: 'POST' })).toEqual([]);
  await page.waitForTimeout(500); // a second error (an unhandled rejection) would arrive by now
  expect(consoleErrors).toHaveLength(1);
});
