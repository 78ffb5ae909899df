/**
 * What the official widget loads besides the API (CONTRACT.md §13.7): its own files at `/livechat` (served by
 * Rocket.Chat from the same origin as the API, so the iframe's requests are same-origin), avatars and the
 * notification sound. Avatars and sounds are harmless stand-ins: a plain SVG and a short silent MP3.
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

/**
 * About 100 ms of silence: four MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each) whose side
 * information and main data are all zero, which decoders play as silence.
 */
const MP3_FRAME_BYTES = 417;
const SILENT_MP3 = new Uint8Array(MP3_FRAME_BYTES * 4);
for (let offset = 0; offset < SILENT_MP3.length; offset += MP3_FRAME_BYTES)
  SILENT_MP3.set([0xff, 0xfb, 0x90, 0x00], offset);

/** The widget's `build/` folder, or `undefined` when `@rocket.chat/livechat` is not installed. */
function widgetBuildDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@rocket.chat/livechat/package.json')), 'build');
  } catch {
    return undefined;
  }
}

/**
 * Rocket.Chat writes its ROOT_URL; the stand-in has none, so it is the origin the browser asked (Host header).
 * Quoted as JSON with `<` escaped, so no Host header can end the script element.
 */
function serverUrlLiteral(c: AppContext): string {
  const origin = `${new URL(c.req.url).protocol}//${c.req.header('host') ?? new URL(c.req.url).host}`;
  return JSON.stringify(origin).replaceAll('<', '\\u003c');
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

  // Rocket.Chat answers `/livechat` with the widget's index.html (whose scripts are `livechat/<file>`), with
  // `SERVER_URL` set right after `<body>`: the widget reads its API and DDP address from it.
  app.get('/livechat', async (c) => {
    if (!root) {
      return sendJson(c, 404, {
        success: false,
        error: 'The official widget is not installed: npm i -D -E @rocket.chat/livechat@1.13.3',
      });
    }
    const index = await readFile(join(root, 'index.html'), 'utf8');
    c.header('Content-Type', CONTENT_TYPES['.html']);
    return c.body(
      index.replace('<body>', `<body><script> SERVER_URL = ${serverUrlLiteral(c)}; </script>`),
      200,
    );
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
  // `config.resources.sound` points at /sounds/chime.mp3. An empty file makes the widget's `play()` reject
  // ("no supported sources"), so it gets a short silent MP3 instead.
  app.get('/sounds/*', (c) => {
    c.header('Content-Type', 'audio/mpeg');
    return c.body(SILENT_MP3, 200);
  });
}
