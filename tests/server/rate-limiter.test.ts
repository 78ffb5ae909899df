import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/rate-limiter.ts';
import { withDefaults } from '../../src/server/settings.ts';

const settings = withDefaults({
  API_Enable_Rate_Limiter_Limit_Calls_Default: 2,
  API_Enable_Rate_Limiter_Limit_Time_Default: 1000,
});

describe('rate limiter (CONTRACT.md §0.5)', () => {
  it('counts per route and IP in a fixed window, then starts a new window', () => {
    const limiter = new RateLimiter();
    const t0 = 1_000_000;
    expect(limiter.hit('/v1/livechat/configget', 'a', settings, t0)).toMatchObject({
      allowed: true,
      remaining: 1,
    });
    expect(limiter.hit('/v1/livechat/configget', 'a', settings, t0 + 10)).toMatchObject({
      allowed: true,
      remaining: 0,
    });
    const refused = limiter.hit('/v1/livechat/configget', 'a', settings, t0 + 400);
    expect(refused).toMatchObject({
      allowed: false,
      remaining: 0,
      limit: 2,
      resetAt: t0 + 1000,
      waitSeconds: 1,
    });
    // Another IP and another route have their own counters.
    expect(limiter.hit('/v1/livechat/configget', 'b', settings, t0 + 400).allowed).toBe(true);
    expect(limiter.hit('/v1/livechat/custom.fieldpost', 'a', settings, t0 + 400).allowed).toBe(true);
    // After the window, the counter starts again.
    expect(limiter.hit('/v1/livechat/configget', 'a', settings, t0 + 1001)).toMatchObject({
      allowed: true,
      remaining: 1,
    });
  });

  it('uses 5 per minute for POST visitor and GET room whatever the default is', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 5; i++)
      expect(limiter.hit('/v1/livechat/visitorpost', 'a', settings, 0).allowed).toBe(true);
    const sixth = limiter.hit('/v1/livechat/visitorpost', 'a', settings, 0);
    expect(sixth).toMatchObject({ allowed: false, limit: 5, waitSeconds: 60 });
  });
});
