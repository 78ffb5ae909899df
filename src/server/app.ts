/** Builds the Hono app: control routes (optional), then Rocket.Chat's `/api` stack in Rocket.Chat's order. */
import { Hono } from 'hono';
import { mountControlRoutes } from './control.ts';
import { cors } from './cors.ts';
import { type AppEnv, sendJson } from './http.ts';
import { mountAgentInfoRoute } from './routes/agent-info.ts';
import { mountConfigRoute } from './routes/config.ts';
import { mountCustomFieldRoutes } from './routes/custom-fields.ts';
import { mountMessageRoutes } from './routes/messages.ts';
import { mountOfflineMessageRoute } from './routes/offline-message.ts';
import { mountPageVisitedRoute } from './routes/page-visited.ts';
import { mountRoomRoute } from './routes/room.ts';
import { mountRoomCloseRoute } from './routes/room-close.ts';
import { mountVisitorRoutes } from './routes/visitor.ts';
import { mountWidgetAssets } from './routes/widget-assets.ts';
import type { StandinState } from './state.ts';
import { traffic } from './traffic.ts';

export function buildApp(state: StandinState, options: { control: boolean }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  if (options.control) mountControlRoutes(app, state);

  app.use('/api/*', traffic(state));
  app.use(
    '/api/*',
    cors(() => state.settings),
  );
  mountVisitorRoutes(app, state);
  mountRoomRoute(app, state);
  mountConfigRoute(app, state);
  mountCustomFieldRoutes(app, state);
  mountMessageRoutes(app, state);
  mountAgentInfoRoute(app, state);
  mountRoomCloseRoute(app, state);
  mountPageVisitedRoute(app, state);
  mountOfflineMessageRoute(app, state);
  // Rocket.Chat's http-router answers any OPTIONS under /api that got past the CORS middleware with `OK`.
  app.options('/api/*', (c) => c.body('OK'));
  mountWidgetAssets(app);

  app.notFound((c) => sendJson(c, 404, { success: false, error: 'Not found' }));
  // Last resort: a stand-in bug still answers JSON (Rocket.Chat turns any thrown error into a 400) and is logged.
  app.onError((err, c) => {
    console.error(`stand-in: unhandled error in ${c.req.method} ${c.req.path}:`, err);
    return sendJson(c, 400, { success: false, error: err.message });
  });
  return app;
}
