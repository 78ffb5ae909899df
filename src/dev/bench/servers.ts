/**
 * The benchmark's three servers, each its own process (as in the e2e tests): the stand-in API (:3100), the host
 * pages (:5174) and ONE static origin (:5175) for both widgets' files, gzipped alike.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

export const API = 'http://127.0.0.1:3100';
export const HOSTS = 'http://127.0.0.1:5174';
export const CDN = 'http://127.0.0.1:5175';

function start(args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/tsx', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${args.join(' ')}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (ready.test(chunk.toString())) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/**
 * The static origin's files: our dist/ (loader.js, widget/) and, under livechat/, the official widget's build
 * as Rocket.Chat serves it: `GET /livechat` is its index.html with `SERVER_URL` written after `<body>` (this
 * origin, which forwards the API to the stand-in), and its scripts are `livechat/<file>`. Every text file gets a `.gz` (level 9) beside it.
 */
function cdnCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rcp-bench-'));
  cpSync('dist/loader.js', join(dir, 'loader.js'));
  cpSync('dist/widget', join(dir, 'widget'), { recursive: true });
  const require = createRequire(import.meta.url);
  const official = join(dirname(require.resolve('@rocket.chat/livechat/package.json')), 'build');
  cpSync(official, join(dir, 'livechat'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  const index = join(dir, 'livechat', 'index.html');
  const html = readFileSync(index, 'utf8');
  writeFileSync(
    index,
    html.replace('<body>', `<body><script> SERVER_URL = ${JSON.stringify(CDN)}; </script>`),
  );
  const compress = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) compress(path);
      else if (/\.(js|html|css|json|svg)$/.test(path))
        writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }));
    }
  };
  compress(dir);
  return dir;
}

export async function startServers(): Promise<() => void> {
  const cdnRoot = cdnCopy();
  const servers = await Promise.all([
    start(['src/server/cli.ts', '--port', '3100', '--fixture', 'src/dev/bench/fixture.json'], /listening on/),
    start(
      [
        'src/dev/serve-static.ts',
        '--port',
        '5174',
        '--root',
        'e2e/hosts',
        '--file',
        '/official.html=src/dev/bench/official.html',
        '--file',
        '/ours.html=src/dev/bench/ours.html',
      ],
      /Static files on/,
    ),
    // The official widget's API calls go to its own origin, as they do in Rocket.Chat (the iframe's page and the
    // API share one): cross-origin, its JSON requests would each wait for a CORS preflight. `/websocket` is not
    // proxied: the widget opens it only once the visitor has registered.
    start(
      [
        'src/dev/serve-static.ts',
        '--port',
        '5175',
        '--root',
        cdnRoot,
        '--precompressed',
        '--proxy',
        `/api=${API}`,
      ],
      /Static files on/,
    ),
  ]);
  return () => {
    for (const server of servers) server.kill();
    rmSync(cdnRoot, { recursive: true, force: true });
  };
}
