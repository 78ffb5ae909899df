import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFixture } from '../../src/server/fixture.ts';
import type { RunningStandin } from '../../src/server/start.ts';
import { call, reset, withStandin } from './helpers.ts';

const demo = JSON.parse(
  readFileSync(new URL('../../src/server/fixtures/demo.json', import.meta.url), 'utf8'),
);

describe('fixture validation', () => {
  it('fills Rocket.Chat defaults: limiter on, agents online, department shown and enabled', () => {
    const result = parseFixture({ departments: [{ _id: 'd', name: 'D' }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fixture.agentsOnline).toBe(true);
    expect(result.fixture.settings.API_Enable_Rate_Limiter).toBe(true);
    expect(result.fixture.settings.API_Enable_CORS).toBe(false);
    expect(result.fixture.departments[0]).toMatchObject({
      enabled: true,
      showOnRegistration: true,
      numAgents: 0,
    });
  });

  it.each([
    [{ setings: {} }, /unknown key\(s\) setings/],
    [{ settings: { API_Enable_CORS: 'yes' } }, /settings\.API_Enable_CORS: expected boolean/],
    [{ settings: { StandIn_Compat_Version: '6' } }, /settings\.StandIn_Compat_Version: expected "7" or "8"/],
    [{ departments: [{ _id: 'd' }] }, /departments\[0\]\.name/],
    [{ departments: [{ _id: 'd', name: 'D', numAgents: -1 }] }, /departments\[0\]\.numAgents/],
    [
      { customFields: [{ _id: 'f', label: 'F', scope: 'visitor', regexp: '(' }] },
      /customFields\[0\]\.regexp/,
    ],
    [{ customFields: [{ _id: 'f', label: 'F', scope: 'everywhere' }] }, /customFields\[0\]\.scope/],
    [
      {
        departments: [
          { _id: 'd', name: 'A' },
          { _id: 'd', name: 'B' },
        ],
      },
      /duplicate _id "d"/,
    ],
  ])('names the bad key: %j', (input, message) => {
    const result = parseFixture(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('demo fixture', () => {
  let standin: RunningStandin;
  beforeAll(async () => {
    standin = await withStandin({ fixture: demo });
  });
  afterAll(() => standin.close());

  it('is valid and serves two registration departments, one hidden, and the public custom fields', async () => {
    expect(parseFixture(demo).ok).toBe(true);
    const { json } = await call(standin, 'GET', '/api/v1/livechat/config');
    const departments = json.config.departments as { name: string; showOnRegistration: boolean }[];
    expect(departments.filter((d) => d.showOnRegistration).map((d) => d.name)).toEqual(['Sales', 'Support']);
    expect(departments.filter((d) => !d.showOnRegistration).map((d) => d.name)).toEqual(['Billing']);
    expect(json.config.customFields).toEqual([
      {
        _id: 'plan',
        label: 'Plan',
        regexp: '',
        required: true,
        type: 'select',
        defaultValue: null,
        options: ['Free', 'Pro', 'Enterprise'],
      },
      {
        _id: 'company_id',
        label: 'Company ID',
        regexp: '^[A-Z]{2}-\\d{4}$',
        required: false,
        type: 'input',
        defaultValue: null,
      },
    ]);
  });

  it('enables CORS preflights and the rate limiter', async () => {
    const preflight = await call(standin, 'OPTIONS', '/api/v1/livechat/visitor', undefined, {
      origin: 'https://site.example',
      'access-control-request-method': 'POST',
    });
    expect(preflight.status).toBe(200);
    const config = await call(standin, 'GET', '/api/v1/livechat/config');
    expect(config.headers.get('x-ratelimit-limit')).toBe('10');
  });

  it('a reset with an invalid fixture answers 400 naming the key and keeps the old fixture', async () => {
    const bad = await reset(standin, { agentsOnline: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      success: false,
      error: expect.stringMatching(/^Invalid fixture: agentsOnline/),
    });
    const config = await call(standin, 'GET', '/api/v1/livechat/config');
    expect(config.json.config.customFields).toHaveLength(2);
  });
});
