/**
 * Issue 4 (Security): a bounded load test on loopback — 500 concurrent registrations with distinct tokens, none
 * lost. Same burst as `npm run load` (src/dev/load-test.ts runs itself on import, so the loop is repeated here).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningStandin } from '../../src/server/start.ts';
import { call, withStandin } from './helpers.ts';

const REQUESTS = 500;

let standin: RunningStandin;
beforeAll(async () => {
  standin = await withStandin({
    host: '127.0.0.1',
    fixture: { settings: { API_Enable_Rate_Limiter: false } },
  });
});
afterAll(() => standin.close());

it(`holds ${REQUESTS} concurrent registrations: ${REQUESTS} visitors, ${REQUESTS} unique guest-N usernames`, async () => {
  const signal = AbortSignal.timeout(10_000);
  const statuses = await Promise.all(
    Array.from({ length: REQUESTS }, async (_, i) => {
      const response = await fetch(`${standin.url}/api/v1/livechat/visitor`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ visitor: { token: `load-${i}-${'x'.repeat(40)}`, name: `Load ${i}` } }),
        signal,
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
  expect(statuses.filter((status) => status === 200)).toHaveLength(REQUESTS);

  const { visitors } = (await call(standin, 'GET', '/_standin/state')).json as {
    visitors: { token: string; username: string }[];
  };
  expect(visitors).toHaveLength(REQUESTS);
  const usernames = new Set(visitors.map((visitor) => visitor.username));
  expect(usernames.size).toBe(REQUESTS);
  for (const username of usernames) expect(username).toMatch(/^guest-\d+$/);
  expect(new Set(visitors.map((visitor) => visitor.token)).size).toBe(REQUESTS);
}, 10_000);
