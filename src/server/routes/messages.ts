/**
 * POST livechat/message and GET livechat/messages.history/:rid (CONTRACT.md §13.1, §13.2): legacy `addRoute`
 * routes with AJV `validateParams`, then the token and room checks in Rocket.Chat's order.
 */
import type { Hono } from 'hono';
import { type ObjectSchema, validateParams } from '../ajv-params.ts';
import { LegacyParamsError } from '../errors.ts';
import { type AppEnv, queryParams } from '../http.ts';
import type { Message } from '../messages.ts';
import { storeMessage } from '../send-message.ts';
import type { StandinState } from '../state.ts';
import { randomId } from '../store.ts';
import { endpoint } from './endpoint.ts';

// rest-typings `isPOSTLivechatMessageParams`.
const MESSAGE_BODY: ObjectSchema = {
  type: 'object',
  properties: {
    token: { type: 'string' },
    rid: { type: 'string' },
    msg: { type: 'string' },
    _id: { type: 'string', nullable: true },
    agent: {
      type: 'object',
      properties: { agentId: { type: 'string' }, username: { type: 'string' } },
      required: ['agentId', 'username'],
      additionalProperties: false,
    },
  },
  required: ['token', 'rid', 'msg'],
  additionalProperties: false,
};

// rest-typings `isGETLivechatMessagesHistoryRidParams` (a PaginatedRequest: count, offset, sort too).
const HISTORY_QUERY: ObjectSchema = {
  type: 'object',
  properties: {
    searchText: { type: 'string', nullable: true },
    token: { type: 'string' },
    count: { type: 'number', nullable: true },
    offset: { type: 'number', nullable: true },
    sort: { type: 'string', nullable: true },
    ls: { type: 'string', nullable: true },
    end: { type: 'string', nullable: true },
    limit: { type: 'number', nullable: true },
  },
  required: ['token'],
  additionalProperties: false,
};

const DEFAULT_HISTORY_LIMIT = 20;

function params<T>(input: unknown, schema: ObjectSchema): T {
  const result = validateParams(input, schema);
  if (!result.ok) throw new LegacyParamsError(result.message);
  return result.value as T;
}

/** `loadMessageHistory`: newest first, strictly before `end` when given, `offset` skipped, `limit` kept. */
function history(messages: Message[], end: string | undefined, offset: number, limit: number): Message[] {
  const endMs = end ? new Date(end).getTime() : Number.NaN;
  return messages
    .filter((message) => Number.isNaN(endMs) || new Date(message.ts).getTime() < endMs)
    .sort((a, b) => b.ts.localeCompare(a.ts))
    .slice(offset, offset + limit);
}

export function mountMessageRoutes(app: Hono<AppEnv>, state: StandinState): void {
  app.post(
    '/api/v1/livechat/message',
    endpoint(state, 'livechat/message', (c) => {
      const body = params<{ token: string; rid: string; msg: string; _id?: string | null }>(
        c.get('bodyParams'),
        MESSAGE_BODY,
      );
      const guest = state.store.visitorByToken(body.token);
      if (!guest) throw new Error('invalid-token');
      const room = state.store.roomOfToken(body.rid, body.token);
      if (!room) throw new Error('invalid-room');
      if (!room.open) throw new Error('room-closed');
      const { Livechat_enable_message_character_limit: limitOn, Livechat_message_character_limit: limit } =
        state.settings;
      if (limitOn && body.msg.length > Number.parseInt(String(limit), 10)) {
        throw new Error('message-length-exceeds-character-limit');
      }
      const id = body._id || randomId();
      storeMessage(state, room, { kind: 'visitor', visitor: guest }, body.msg, id);
      // §13.1: a retry with a known `_id` stores nothing, and the answer is the message stored first.
      return { message: state.messages.find(id) };
    }),
  );

  app.get(
    '/api/v1/livechat/messages.history/:rid',
    endpoint(state, 'livechat/messages.history/:rid', (c) => {
      const query = params<{ token: string; offset?: number; ls?: string; end?: string; limit?: number }>(
        queryParams(c.req.url),
        HISTORY_QUERY,
      );
      if (!query.token) throw new Error('error-token-param-not-provided');
      if (!state.store.visitorByToken(query.token)) throw new Error('invalid-token');
      const rid = c.req.param('rid') ?? '';
      if (!state.store.roomOfToken(rid, query.token)) throw new Error('invalid-room');
      const limit = query.limit ? Math.trunc(query.limit) : DEFAULT_HISTORY_LIMIT;
      const offset = query.offset ? Math.max(0, Math.trunc(query.offset)) : 0;
      return { messages: history(state.messages.inRoom(rid), query.end || undefined, offset, limit) };
    }),
  );
}
