/** Shared Hono typing and the JSON answer every REST route gives (CONTRACT.md §0.1 headers). */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type AppEnv = {
  Bindings: HttpBindings;
  Variables: {
    /** The request body as Rocket.Chat's router parses it (§0.1); `{}` when absent or unparsable. */
    bodyParams: unknown;
  };
};

export type AppContext = Context<AppEnv>;

/** §0.1: `Content-Type: application/json`, `Cache-Control: no-store`, `Pragma: no-cache` on every answer. */
export function sendJson(c: AppContext, status: number, body: unknown): Response {
  c.header('Content-Type', 'application/json');
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  return c.body(JSON.stringify(body), status as ContentfulStatusCode);
}

/** Client address as Meteor sees it with the default `HTTP_FORWARDED_COUNT=0`: the socket's peer. */
export function clientIp(c: AppContext): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Query string as Rocket.Chat's `parseQueryParams` yields it: a repeated key becomes an array. */
export function queryParams(url: string): Record<string, string | string[]> {
  // No prototype: `__proto__`, `constructor`… are ordinary keys, never the prototype or an inherited value.
  const out: Record<string, string | string[]> = Object.create(null);
  const search = new URL(url).searchParams;
  for (const [key, value] of search) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
