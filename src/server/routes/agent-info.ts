/** GET livechat/agent.info/:rid/:token (CONTRACT.md §13.3): the agent serving the visitor's room. */
import type { Hono } from 'hono';
import { anyAgentOnline, STAND_IN_AGENT } from '../availability.ts';
import type { AppEnv } from '../http.ts';
import type { StandinState } from '../state.ts';
import { endpoint } from './endpoint.ts';

export function mountAgentInfoRoute(app: Hono<AppEnv>, state: StandinState): void {
  app.get(
    '/api/v1/livechat/agent.info/:rid/:token',
    endpoint(state, 'livechat/agent.info/:rid/:token', (c) => {
      const token = c.req.param('token') ?? '';
      if (!state.store.visitorByToken(token)) throw new Error('invalid-token');
      const room = state.store.roomOfToken(c.req.param('rid') ?? '', token);
      if (!room) throw new Error('invalid-room');
      // Only the synthetic agent ever serves a room; a room nobody serves has no agent to show.
      if (room.servedBy?._id !== STAND_IN_AGENT._id) throw new Error('invalid-agent');
      if (state.settings.Livechat_show_agent_info === false) return { agent: { hiddenInfo: true } };
      return {
        agent: {
          _id: STAND_IN_AGENT._id,
          name: STAND_IN_AGENT.name,
          username: STAND_IN_AGENT.username,
          status: anyAgentOnline(state.fixture) ? 'online' : 'offline',
        },
      };
    }),
  );
}
