/**
 * Robustness: a bounded load test on loopback — 500 concurrent registrations with distinct tokens, none
 * lost. The same burst as `npm run load`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registrationBurst } from '../../src/dev/registration-burst.ts';
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
  const { statuses } = await registrationBurst(standin.url, REQUESTS, signal);
  expect(statuses.get(200)).toBe(REQUESTS);

  const { visitors } = (await call(standin, 'GET', '/_standin/state')).json as {
    visitors: { token: string; username: string }[];
  };
  expect(visitors).toHaveLength(REQUESTS);
  const usernames = new Set(visitors.map((visitor) => visitor.username));
  expect(usernames.size).toBe(REQUESTS);
  for (const username of usernames) expect(username).toMatch(/^guest-\d+$/);
  expect(new Set(visitors.map((visitor) => visitor.token)).size).toBe(REQUESTS);
}, 10_000);
