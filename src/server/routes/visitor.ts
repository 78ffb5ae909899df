/** POST livechat/visitor (CONTRACT.md §1), GET and DELETE livechat/visitor/:token (§4), POST visitor.status (§6). */
import type { Hono } from 'hono';
import { MeteorError } from '../errors.ts';
import { type AppEnv, clientIp } from '../http.ts';
import { check, Match } from '../match.ts';
import { registerVisitor } from '../register-guest.ts';
import type { StandinState } from '../state.ts';
import { setGuestStatus } from '../visitor-status.ts';
import { endpoint } from './endpoint.ts';

/** §4.2: what a deleted visitor keeps — it is disabled, and its token and personal data are unset. */
const KEPT_AFTER_DELETE = new Set(['_id', '_updatedAt', 'disabled']);

export function mountVisitorRoutes(app: Hono<AppEnv>, state: StandinState): void {
  app.post(
    '/api/v1/livechat/visitor',
    endpoint(state, 'livechat/visitor', (c) => {
      const visitor = registerVisitor(state.store, state.fixture, c.get('bodyParams'), {
        userAgent: c.req.header('user-agent'),
        realIp: c.req.header('x-real-ip'),
        forwardedFor: c.req.header('x-forwarded-for'),
        host: c.req.header('host'),
        ip: clientIp(c),
      });
      return { visitor };
    }),
  );

  app.get(
    '/api/v1/livechat/visitor/:token',
    endpoint(state, 'livechat/visitor/:token', (c) => {
      const visitor = state.store.visitorByToken(c.req.param('token') ?? '');
      if (!visitor) throw new MeteorError('invalid-token');
      return { visitor };
    }),
  );

  app.delete(
    '/api/v1/livechat/visitor/:token',
    endpoint(state, 'livechat/visitor/:token', (c) => {
      const { store, settings } = state;
      const visitor = store.visitorByToken(c.req.param('token') ?? '');
      if (!visitor) throw new MeteorError('invalid-token');
      const hasOpenRooms = store.roomsOfVisitor(visitor._id).some((room) => room.open);
      // §4.2: the open-room guard is skipped when the GDPR header-collection setting is on.
      if (hasOpenRooms && !settings.Livechat_Allow_collect_and_store_HTTP_header_informations) {
        throw new MeteorError('visitor-has-open-rooms', 'Cannot remove visitors with opened rooms');
      }
      store.removeRoomsOfVisitor(visitor._id);
      const now = new Date().toISOString();
      const unset = Object.keys(visitor).filter(
        (key) => !KEPT_AFTER_DELETE.has(key),
      ) as (keyof typeof visitor)[];
      store.updateVisitor(visitor, { disabled: true, _updatedAt: now }, unset);
      store.changed();
      return { visitor: { _id: visitor._id, ts: now } };
    }),
  );

  app.post(
    '/api/v1/livechat/visitor.status',
    endpoint(state, 'livechat/visitor.status', (c) => {
      const body = c.get('bodyParams');
      check(body, { token: Match.String, status: Match.String });
      const { token, status } = body as { token: string; status: string };
      const visitor = state.store.visitorByToken(token);
      if (!visitor) throw new MeteorError('invalid-token');
      setGuestStatus(state, token, status);
      return { token, status };
    }),
  );
}
