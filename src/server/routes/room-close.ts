/** POST livechat/room.close (CONTRACT.md §13.4): the visitor ends the conversation. */
import type { Hono } from 'hono';
import { type ObjectSchema, validateParams } from '../ajv-params.ts';
import { LegacyParamsError } from '../errors.ts';
import type { AppEnv } from '../http.ts';
import type { StandinState } from '../state.ts';
import { randomId } from '../store.ts';
import { endpoint } from './endpoint.ts';

// rest-typings `isPOSTLivechatRoomCloseParams`.
const CLOSE_BODY: ObjectSchema = {
  type: 'object',
  properties: { token: { type: 'string' }, rid: { type: 'string' } },
  required: ['token', 'rid'],
  additionalProperties: false,
};

/** i18n `Closed_by_visitor` in English, the server language the stand-in speaks. */
const CLOSED_BY_VISITOR = 'Closed by visitor';

export function mountRoomCloseRoute(app: Hono<AppEnv>, state: StandinState): void {
  app.post(
    '/api/v1/livechat/room.close',
    endpoint(state, 'livechat/room.close', (c) => {
      const checked = validateParams(c.get('bodyParams'), CLOSE_BODY);
      if (!checked.ok) throw new LegacyParamsError(checked.message);
      const { token, rid } = checked.value as { token: string; rid: string };
      // The setting is checked before the token, as in Rocket.Chat.
      if (!state.settings.Omnichannel_allow_visitors_to_close_conversation) {
        throw new Error('error-not-allowed-to-close-conversation');
      }
      const visitor = state.store.visitorByToken(token);
      if (!visitor) throw new Error('invalid-token');
      const room = state.store.roomOfToken(rid, token);
      if (!room) throw new Error('invalid-room');
      if (!room.open) throw new Error('room-closed');

      const now = new Date().toISOString();
      Object.assign(room, {
        open: false,
        closedAt: now,
        closer: 'visitor',
        closedBy: { _id: visitor._id, username: visitor.username },
        _updatedAt: now,
      });
      state.store.changed();
      // closeRoom posts a `livechat-close` system message; the widget shows the end of the chat on it.
      state.messages.insert({
        _id: randomId(),
        rid,
        t: 'livechat-close',
        msg: CLOSED_BY_VISITOR,
        groupable: false,
        ts: now,
        u: { _id: visitor._id, username: visitor.username ?? '' },
        _updatedAt: now,
      });
      return { rid, comment: CLOSED_BY_VISITOR };
    }),
  );
}
