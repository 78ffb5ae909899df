/** GET livechat/room (CONTRACT.md §3): registration required, open room reused, `rid` check, agent availability. */
import type { Hono } from 'hono';
import { anyAgentOnline, defaultDepartment, departmentOnline, STAND_IN_AGENT } from '../availability.ts';
import { MeteorError } from '../errors.ts';
import { type AppContext, type AppEnv, queryParams } from '../http.ts';
import { check, Match } from '../match.ts';
import type { StandinState } from '../state.ts';
import { type Room, randomId, type Visitor } from '../store.ts';
import { endpoint } from './endpoint.ts';

// §3.1: a plain-object pattern, so any other query key fails; sla/priority are the EE additions.
const ROOM_QUERY = {
  token: Match.String,
  rid: Match.Maybe(Match.String),
  agentId: Match.Maybe(Match.String),
  sla: Match.Maybe(Match.String),
  priority: Match.Maybe(Match.String),
};

/** LivechatPriorityWeight.NOT_SPECIFIED and DEFAULT_SLA_CONFIG.ESTIMATED_WAITING_TIME_QUEUE. */
const DEFAULT_PRIORITY_WEIGHT = 3;
const DEFAULT_ESTIMATED_WAITING_TIME = 9_999_999;

/** §3.2: both widget cookies make the room a widget room whose destination is the Host header. */
function isWidget(c: AppContext): boolean {
  const cookies = new Map<string, string>();
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.split('=');
    if (name) cookies.set(name.trim(), rest.join('=').trim());
  }
  return cookies.get('rc_room_type') === 'l' && cookies.get('rc_is_widget') === 't';
}

function createRoom(state: StandinState, c: AppContext, guest: Visitor, agentId: string | undefined): Room {
  const { fixture, store } = state;
  if (!fixture.settings.Livechat_enabled) throw new MeteorError('error-omnichannel-is-disabled');

  // Only the synthetic agent exists; an unknown agentId is ignored, as Rocket.Chat ignores an unknown agent.
  const requestedAgent = agentId === STAND_IN_AGENT._id;
  let departmentId = guest.department;
  if (!departmentId && !requestedAgent) departmentId = defaultDepartment(fixture)?._id;
  const online =
    requestedAgent || !departmentId ? anyAgentOnline(fixture) : departmentOnline(fixture, departmentId);
  // §3.4: nobody online → refused, unless Livechat_accept_chats_with_no_agents queues the room unserved.
  if (!online && !fixture.settings.Livechat_accept_chats_with_no_agents) {
    throw new MeteorError('no-agent-online', 'Sorry, no online agents');
  }
  const now = new Date().toISOString();
  const room: Room = {
    _id: randomId(),
    t: 'l',
    fname: guest.name || guest.username || '',
    msgs: 0,
    usersCount: 1,
    ts: now,
    lm: now,
    ...(departmentId && { departmentId }),
    v: {
      _id: guest._id,
      username: guest.username,
      token: guest.token as string,
      status: guest.status ?? 'online',
    },
    cl: false,
    open: true,
    waitingResponse: true,
    source: isWidget(c) ? { type: 'widget', destination: c.req.header('host') ?? '' } : { type: 'api' },
    queuedAt: now,
    priorityWeight: DEFAULT_PRIORITY_WEIGHT,
    estimatedWaitingTimeQueue: DEFAULT_ESTIMATED_WAITING_TIME,
    ...(online && { servedBy: { _id: STAND_IN_AGENT._id, username: STAND_IN_AGENT.username, ts: now } }),
    _updatedAt: now,
  };
  store.insertRoom(room);
  store.changed();
  return room;
}

export function mountRoomRoute(app: Hono<AppEnv>, state: StandinState): void {
  app.get(
    '/api/v1/livechat/room',
    endpoint(state, 'livechat/room', (c) => {
      const query = queryParams(c.req.url);
      check(query, ROOM_QUERY);
      const { token, rid, agentId } = query as { token: string; rid?: string; agentId?: string };
      const guest = token ? state.store.visitorByToken(token) : undefined;
      // §3.2: a room can never exist before POST livechat/visitor registered the token.
      if (!guest) throw new Error('invalid-token');
      const openRooms = state.store.openRoomsOfToken(token);
      if (rid) {
        const room = openRooms.find((candidate) => candidate._id === rid);
        if (!room) throw new Error('invalid-room');
        return { room, newRoom: false };
      }
      // An open room is reused whatever agentId says.
      const existing = openRooms[0];
      if (existing) return { room: existing, newRoom: false };
      return { room: createRoom(state, c, guest, agentId), newRoom: true };
    }),
  );
}
