/**
 * Control routes, mounted only with `--control` (otherwise these paths are 404 like any unknown route):
 *   POST /_standin/reset     body = a fixture → clears data, limiter counters, faults, request log; loads it
 *   POST /_standin/faults    { method, path, times?, status?, body?, contentType?, delayMs?, drop? }
 *   GET  /_standin/requests  every /api/** request since the last reset, in arrival order
 *   GET  /_standin/state     { visitors, rooms, messages, offlineMessages } — the full documents
 *   POST /_standin/agent-message  { rid, msg } → the synthetic agent writes in that room (stored and pushed)
 * No CORS headers: a page on another origin cannot drive or read them (tests call them from Node, the demo page
 * through its own server). Bodies are capped like the /api routes' (1 MB, 413 above).
 */
import type { Hono } from 'hono';
import { STAND_IN_AGENT } from './availability.ts';
import { readRawBody } from './body.ts';
import { parseFault } from './faults.ts';
import { parseFixture } from './fixture.ts';
import { type AppContext, type AppEnv, sendJson } from './http.ts';
import { storeMessage } from './send-message.ts';
import type { StandinState } from './state.ts';
import { randomId } from './store.ts';

async function jsonBody(
  c: AppContext,
): Promise<{ ok: true; value: unknown } | { ok: false; tooLarge?: boolean }> {
  const raw = await readRawBody(c.req.raw);
  if (raw.tooLarge) return { ok: false, tooLarge: true };
  const text = raw.text;
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function notJson(c: AppContext, body: { tooLarge?: boolean }, what: string) {
  return body.tooLarge
    ? sendJson(c, 413, { success: false, error: 'request entity too large' })
    : sendJson(c, 400, { success: false, error: `${what}: the body is not JSON` });
}

export function mountControlRoutes(app: Hono<AppEnv>, state: StandinState): void {
  app.post('/_standin/reset', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return notJson(c, body, 'Invalid fixture');
    const result = parseFixture(body.value);
    if (!result.ok) return sendJson(c, 400, { success: false, error: result.error });
    state.reset(result.fixture);
    return sendJson(c, 200, { success: true });
  });

  app.post('/_standin/faults', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return notJson(c, body, 'Invalid fault');
    const result = parseFault(body.value);
    if (!result.ok) return sendJson(c, 400, { success: false, error: result.error });
    state.faults.add(result.fault);
    return sendJson(c, 200, { success: true });
  });

  app.get('/_standin/requests', (c) => sendJson(c, 200, { requests: state.requests.all() }));

  app.get('/_standin/state', (c) =>
    sendJson(c, 200, {
      visitors: state.store.allVisitors(),
      rooms: state.store.allRooms(),
      messages: state.messages.all(),
      offlineMessages: state.offlineMessages,
    }),
  );

  // Agents stay synthetic: a test or the demo speaks for the one stand-in agent.
  app.post('/_standin/agent-message', async (c) => {
    const body = await jsonBody(c);
    const { rid, msg } = (body.ok ? body.value : {}) as { rid?: unknown; msg?: unknown };
    if (typeof rid !== 'string' || typeof msg !== 'string') {
      return sendJson(c, 400, {
        success: false,
        error: 'Expected a JSON body { "rid": string, "msg": string }',
      });
    }
    const room = state.store.roomById(rid);
    if (!room) return sendJson(c, 404, { success: false, error: `No room with _id "${rid}"` });
    const message = storeMessage(state, room, { kind: 'agent', agent: STAND_IN_AGENT }, msg, randomId());
    return sendJson(c, 200, { message, success: true });
  });
}
