/**
 * First middleware on `/api/**`: logs the request for the control API, reads the body once (1 MB cap → 413),
 * and applies a pending fault before Rocket.Chat's own handling runs.
 */
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bodyForLog, parseBodyParams, readRawBody } from './body.ts';
import type { Fault } from './faults.ts';
import { type AppContext, type AppEnv, queryParams, sendJson } from './http.ts';
import { LOGGED_HEADERS, type LoggedRequest } from './request-log.ts';
import type { StandinState } from './state.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function loggedHeaders(c: AppContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

function faultAnswer(c: AppContext, fault: Fault, status: number): Response {
  // The browser must be able to read a provoked error, so it carries the same CORS header as a real answer.
  c.header('Access-Control-Allow-Origin', '*');
  if (typeof fault.body === 'string') {
    c.header('Content-Type', fault.contentType ?? 'text/plain; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return c.body(fault.body, status as ContentfulStatusCode);
  }
  if (fault.body !== undefined) {
    if (fault.contentType) c.header('Content-Type', fault.contentType);
    return sendJson(c, status, fault.body);
  }
  return sendJson(c, status, { success: false, error: `Stand-in fault: HTTP ${status}` });
}

export function traffic(state: StandinState): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const entry: LoggedRequest = state.requests.add({
      method: c.req.method,
      path: c.req.path,
      query: queryParams(c.req.url),
      headers: loggedHeaders(c),
      body: null,
      status: null,
    });
    const raw = await readRawBody(c.req.raw);
    const fault = state.faults.take(c.req.method, c.req.path);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.drop) {
      c.env.incoming.socket.destroy();
      return new Response(null, { status: 204 });
    }

    if (!raw.tooLarge) entry.body = bodyForLog(raw.text);
    if (fault?.status !== undefined) {
      entry.status = fault.status;
      return faultAnswer(c, fault, fault.status);
    }
    if (raw.tooLarge) {
      entry.status = 413;
      c.header('Access-Control-Allow-Origin', '*');
      return sendJson(c, 413, { success: false, error: 'request entity too large' });
    }
    c.set('bodyParams', parseBodyParams(c.req.header('content-type'), raw.text));
    await next();
    entry.status = c.res.status;
  };
}
