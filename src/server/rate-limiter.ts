/**
 * Rocket.Chat's REST rate limiter (CONTRACT.md §0.5; Meteor `RateLimiter` as used by `ApiClass#enforceRateLimit`).
 * One rule per route+method with a fixed window that starts with the rule's first use; counters per client IP
 * inside it. Rocket.Chat increments first and then checks, so the Nth request of an N-per-window route is still
 * allowed (remaining 0) and the N+1th is refused.
 */
import type { Settings } from './settings.ts';

/** Routes with their own limit (§0.5); every other route uses the default settings. */
const ROUTE_LIMITS: Record<string, { calls: number; ms: number }> = {
  '/v1/livechat/visitorpost': { calls: 5, ms: 60_000 },
  '/v1/livechat/roomget': { calls: 5, ms: 60_000 },
  // §14: the route's own `rateLimiterOptions`.
  '/v1/livechat/offline.messagepost': { calls: 1, ms: 5_000 },
};

export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds at which the window resets (the `X-RateLimit-Reset` header). */
  resetAt: number;
  /** Whole seconds to wait, as in the 429 message. */
  waitSeconds: number;
};

type Rule = { lastReset: number; counters: Map<string, number> };

export function limiterActive(settings: Settings): boolean {
  if (!settings.API_Enable_Rate_Limiter) return false;
  return process.env.NODE_ENV !== 'development' || settings.API_Enable_Rate_Limiter_Dev;
}

export class RateLimiter {
  private rules = new Map<string, Rule>();

  reset(): void {
    this.rules.clear();
  }

  /** `bucket` is Rocket.Chat's key: `/v1/<route><method>`, e.g. `/v1/livechat/visitorpost`. */
  hit(bucket: string, ip: string, settings: Settings, now = Date.now()): RateDecision {
    const { calls, ms } = ROUTE_LIMITS[bucket] ?? {
      calls: settings.API_Enable_Rate_Limiter_Limit_Calls_Default,
      ms: settings.API_Enable_Rate_Limiter_Limit_Time_Default,
    };
    let rule = this.rules.get(bucket);
    if (!rule) {
      rule = { lastReset: now, counters: new Map() };
      this.rules.set(bucket, rule);
    }
    if (now - rule.lastReset > ms) {
      rule.lastReset = now;
      rule.counters.clear();
    }
    const count = (rule.counters.get(ip) ?? 0) + 1;
    rule.counters.set(ip, count);
    const timeToReset = ms - (now - rule.lastReset);
    const allowed = count <= calls;
    return {
      allowed,
      limit: calls,
      remaining: allowed ? calls - count : 0,
      resetAt: now + timeToReset,
      waitSeconds: Math.ceil(timeToReset / 1000),
    };
  }
}
