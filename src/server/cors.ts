/**
 * CORS exactly as Rocket.Chat's `apps/meteor/server/api/v1/middlewares/cors.ts` (CONTRACT.md §0.4).
 * Non-OPTIONS answers always allow `*`; a preflight is refused with 405 unless `API_Enable_CORS`; an origin list
 * echoes a listed origin (+ `Vary: Origin`) or answers 403. A passing preflight falls through to the router's
 * catch-all OPTIONS handler, which answers `OK`.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http.ts';
import type { Settings } from './settings.ts';

export const CORS_ALLOW_HEADERS =
  'Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, x-visitor-token, Authorization, MCP-Protocol-Version';
const CORS_ALLOW_METHODS = 'GET, POST, PUT, DELETE, HEAD, PATCH';
export const CORS_DISABLED_TEXT = 'CORS not enabled. Go to "Admin > General > REST Api" to enable it.';

export function cors(settings: () => Settings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'OPTIONS') {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
      await next();
      return;
    }
    // Not a preflight (no Origin, no Access-Control-Request-Method): plain OPTIONS, straight to the router.
    if (!c.req.header('access-control-request-method') && !c.req.header('origin')) {
      await next();
      return;
    }
    const current = settings();
    if (!current.API_Enable_CORS) return c.body(CORS_DISABLED_TEXT, 405);

    const originSetting = String(current.API_CORS_Origin);
    if (originSetting === '*') {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
      c.header('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
      await next();
      return;
    }
    // Rocket.Chat lower-cases the list but not the request's Origin, so a mixed-case Origin never matches.
    const origins = originSetting
      .trim()
      .split(',')
      .map((origin) => origin.trim().toLocaleLowerCase());
    const origin = c.req.header('origin');
    if (!origin || !origins.includes(origin)) return c.body('Invalid origin', 403);

    c.header('Vary', 'Origin');
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
    c.header('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
    await next();
  };
}
