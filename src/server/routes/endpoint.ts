/**
 * Wraps a route action the way Rocket.Chat's `ApiClass` does: rate limit first (CONTRACT.md §0.5, counted even for requests
 * that then fail validation), then the action; the result becomes `{ ...result, success: true }` and anything
 * thrown becomes the §0.3 error envelope. Nothing a client sends can turn into a 500.
 */
import type { Handler } from 'hono';
import { failureOf, MatchError, MeteorError, TypedBodyError, TypedQueryError } from '../errors.ts';
import { type AppContext, type AppEnv, clientIp, sendJson } from '../http.ts';
import { limiterActive } from '../rate-limiter.ts';
import type { StandinState } from '../state.ts';

type Action = (c: AppContext) => Record<string, unknown> | Promise<Record<string, unknown>>;

function enforceRateLimit(c: AppContext, state: StandinState, bucket: string): void {
  if (!limiterActive(state.settings)) return;
  const decision = state.limiter.hit(bucket, clientIp(c), state.settings);
  c.header('X-RateLimit-Limit', String(decision.limit));
  c.header('X-RateLimit-Remaining', String(decision.remaining));
  c.header('X-RateLimit-Reset', String(decision.resetAt));
  if (!decision.allowed) {
    throw new MeteorError(
      'error-too-many-requests',
      `Error, too many requests. Please slow down. You must wait ${decision.waitSeconds} seconds before trying this endpoint again.`,
    );
  }
}

/** Errors a route throws on purpose; anything else is a stand-in bug and gets logged. */
function isExpected(err: unknown): boolean {
  return (
    err instanceof MeteorError ||
    err instanceof MatchError ||
    err instanceof TypedQueryError ||
    err instanceof TypedBodyError ||
    (err instanceof Error && err.constructor === Error)
  );
}

/** `route` is Rocket.Chat's route pattern (e.g. `livechat/visitor/:token`), the rate-limit bucket name. */
export function endpoint(state: StandinState, route: string, action: Action): Handler<AppEnv> {
  return async (c) => {
    try {
      enforceRateLimit(c, state, `/v1/${route}${c.req.method.toLowerCase()}`);
      const result = await action(c);
      return sendJson(c, 200, { ...result, success: true });
    } catch (err) {
      if (!isExpected(err))
        console.error(`stand-in: unexpected error in ${c.req.method} ${c.req.path}:`, err);
      const failure = failureOf(err);
      return sendJson(c, failure.status, failure.body);
    }
  };
}
