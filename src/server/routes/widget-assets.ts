/**
 * What the official widget loads besides the API (CONTRACT.md §13.7): its own files at `/livechat` (served by
 * Rocket.Chat from the same origin as the API, so the iframe's requests are same-origin), avatars and the
 * notification sound. Avatars and sounds are harmless stand-ins: a plain SVG and an empty audio file.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';
import { type AppContext, type AppEnv, sendJson } from '../http.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
};

const AVATAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="#9ea2a8"/></svg>';

/** The widget's `build/` folder, or `undefined` when `@rocket.chat/livechat` is not installed. */
function widgetBuildDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@rocket.chat/livechat/package.json')), 'build');
  } catch {
    return undefined;
  }
}

async function serveFile(c: AppContext, root: string, relative: string): Promise<Response> {
  const file = normalize(join(root, relative));
  // Never outside the build folder, whatever `..` or encoded slashes the path holds.
  if (file !== root && !file.startsWith(root + sep))
    return sendJson(c, 404, { success: false, error: 'Not found' });
  try {
    const content = await readFile(file);
    c.header('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    return c.body(content, 200);
  } catch {
    return sendJson(c, 404, { success: false, error: 'Not found' });
  }
}

export function mountWidgetAssets(app: Hono<AppEnv>): void {
  const root = widgetBuildDir();

  // Rocket.Chat answers `/livechat` with the widget's index.html, whose scripts are `livechat/<file>`.
  app.get('/livechat', (c) => {
    if (!root) {
      return sendJson(c, 404, {
        success: false,
        error: 'The official widget is not installed: npm i -D -E @rocket.chat/livechat@1.13.3',
      });
    }
    return serveFile(c, root, 'index.html');
  });
  app.get('/livechat/*', (c) => {
    if (!root) return sendJson(c, 404, { success: false, error: 'The official widget is not installed' });
    return serveFile(c, root, decodeURIComponent(c.req.path.slice('/livechat/'.length)));
  });

  app.get('/avatar/*', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(AVATAR_SVG, 200);
  });
  // `config.resources.sound` points at /sounds/chime.mp3; an empty file plays nothing and fails nothing.
  app.get('/sounds/*', (c) => {
    c.header('Content-Type', 'audio/mpeg');
    return c.body(new Uint8Array(0), 200);
  });
}
