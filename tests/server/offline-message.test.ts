/**
 * POST livechat/offline.message (CONTRACT.md §14) beyond the conformance cases: what the stand-in keeps instead of
 * mailing, the reset, the recipient choice, the 1-per-5-s limiter window and the MX approximation.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mxLookupWouldSucceed } from '../../src/server/email.ts';
import { RateLimiter } from '../../src/server/rate-limiter.ts';
import { withDefaults } from '../../src/server/settings.ts';
import type { RunningStandin } from '../../src/server/start.ts';
import { call, reset, withStandin } from './helpers.ts';

const PATH = '/api/v1/livechat/offline.message';
const SENT = { message: 'Livechat offline message sent', success: true };
const NOT_SENT = { success: false, error: 'Error sending Omnichannel offline message' };
const FORM = { name: 'Ada', email: 'ada@example.org', message: 'Call me back' };

let standin: RunningStandin;
beforeAll(async () => {
  standin = await withStandin();
});
afterAll(async () => {
  await standin.close();
});

const fixture = (settings: Record<string, unknown> = {}, departments: unknown[] = []) => ({
  settings: { API_Enable_Rate_Limiter: false, Livechat_offline_email: 'support@example.org', ...settings },
  departments,
  agentsOnline: false,
});

const offlineMessages = async () => (await call(standin, 'GET', '/_standin/state')).json.offlineMessages;

describe('POST livechat/offline.message', () => {
  beforeEach(async () => {
    await reset(standin, fixture());
  });

  it('keeps what Rocket.Chat would have mailed and lists it in /_standin/state', async () => {
    const answer = await call(standin, 'POST', PATH, { ...FORM, host: 'https://shop.example/help' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(SENT);
    const [kept, ...others] = await offlineMessages();
    expect(others).toEqual([]);
    expect(kept).toEqual({
      _id: expect.any(String),
      ...FORM,
      host: 'https://shop.example/help',
      to: 'support@example.org',
      ts: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(kept.ts))).toBe(false);
  });

  it('keeps nothing when it fails, and a reset empties the list', async () => {
    await call(standin, 'POST', PATH, FORM);
    await reset(standin, fixture({ Livechat_offline_email: '' }));
    expect(await offlineMessages()).toEqual([]);
    const failed = await call(standin, 'POST', PATH, FORM);
    expect(failed.status).toBe(400);
    expect(failed.json).toEqual(NOT_SENT);
    expect(await offlineMessages()).toEqual([]);
  });

  it('mails a department with its own email there (by _id or name), others to Livechat_offline_email', async () => {
    await reset(
      standin,
      fixture({ Livechat_offline_email: '' }, [
        { _id: 'dep-sales', name: 'Sales', email: 'sales@example.org' },
        { _id: 'dep-plain', name: 'Plain', numAgents: 1 },
      ]),
    );
    expect((await call(standin, 'POST', PATH, { ...FORM, department: 'dep-sales' })).status).toBe(200);
    expect((await call(standin, 'POST', PATH, { ...FORM, department: 'Sales' })).status).toBe(200);
    // No email of its own and no global one: nobody to mail.
    expect((await call(standin, 'POST', PATH, { ...FORM, department: 'dep-plain' })).json).toEqual(NOT_SENT);
    const kept = await offlineMessages();
    expect(kept.map((item: { to: string; department: string }) => [item.department, item.to])).toEqual([
      ['dep-sales', 'sales@example.org'],
      ['Sales', 'sales@example.org'],
    ]);
  });

  it('works whatever the agents do: it never looks at who is online', async () => {
    await reset(standin, { ...fixture(), agentsOnline: true });
    expect((await call(standin, 'POST', PATH, FORM)).json).toEqual(SENT);
  });

  it("the demo fixture's offline form succeeds, also with its agents switched off by a reset", async () => {
    const demo = JSON.parse(
      readFileSync(new URL('../../src/server/fixtures/demo.json', import.meta.url), 'utf8'),
    );
    await reset(standin, { ...demo, agentsOnline: false });
    const answer = await call(standin, 'POST', PATH, { ...FORM, department: 'dep-support' });
    expect(answer.json).toEqual(SENT);
    expect((await offlineMessages())[0].to).toBe('support@example.com');
  });

  it('takes null department and host (nullable) and coerces scalars to strings (AJV coerceTypes)', async () => {
    const answer = await call(standin, 'POST', PATH, { ...FORM, name: 42, department: null, host: null });
    expect(answer.json).toEqual(SENT);
    const [kept] = await offlineMessages();
    expect(kept.name).toBe('42');
    expect(kept).not.toHaveProperty('department');
    expect(kept).not.toHaveProperty('host');
  });

  it('without the MX check, any non-empty visitor email passes; an empty one never does', async () => {
    await reset(standin, fixture({ Livechat_validate_offline_email: false }));
    expect((await call(standin, 'POST', PATH, { ...FORM, email: 'not-an-email' })).json).toEqual(SENT);
    expect((await call(standin, 'POST', PATH, { ...FORM, email: '' })).json).toEqual(NOT_SENT);
  });

  it('allows one call per 5 s per IP and counts refused calls too', async () => {
    await reset(standin, fixture({ API_Enable_Rate_Limiter: true }));
    const first = await call(standin, 'POST', PATH, {});
    expect(first.status).toBe(400);
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    const second = await call(standin, 'POST', PATH, FORM);
    expect(second.status).toBe(429);
    expect(second.json).toEqual({
      success: false,
      error: expect.stringMatching(
        /^Error, too many requests\. Please slow down\. You must wait [1-5] seconds before trying this endpoint again\. \[error-too-many-requests\]$/,
      ),
    });
    expect(await offlineMessages()).toEqual([]);
  });
});

describe('the offline limiter window', () => {
  it('opens again after 5 s', () => {
    const limiter = new RateLimiter();
    const settings = withDefaults({});
    const bucket = '/v1/livechat/offline.messagepost';
    expect(limiter.hit(bucket, 'ip', settings, 0).allowed).toBe(true);
    const refused = limiter.hit(bucket, 'ip', settings, 1_000);
    expect(refused).toMatchObject({ allowed: false, limit: 1, remaining: 0, waitSeconds: 4 });
    expect(limiter.hit(bucket, 'other-ip', settings, 1_000).allowed).toBe(true);
    expect(limiter.hit(bucket, 'ip', settings, 5_001).allowed).toBe(true);
  });
});

describe('mxLookupWouldSucceed (the stand-in for dns.resolveMx)', () => {
  it.each([
    ['ada@example.org', true],
    ['ada@mail.example.co.uk', true],
    // Rocket.Chat looks only at the text after the last "@".
    ['@example.org', true],
    ['a@b@example.org', true],
    ['not-an-email', false],
    ['ada@localhost', false],
    ['ada@nodot', false],
    ['ada@example.invalid', false],
    ['ada@shop.test', false],
    ['ada@-bad-.org', false],
    ['ada@example.org ', false],
  ])('%j → %s', (email, expected) => {
    expect(mxLookupWouldSucceed(email)).toBe(expected);
  });
});
