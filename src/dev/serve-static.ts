/**
 * A plain static file server for the e2e host pages, the "CDN" origin and the demo.
 *
 *   tsx src/dev/serve-static.ts --port 5175 --host 127.0.0.1 --root dist [--mount /dist=dist ...]
 *                               [--file /=index.html ...] [--precompressed] [--proxy /prefix=http://host:port ...]
 *
 * `--mount /prefix=dir` serves a directory under a URL prefix; `--file /path=file` serves one file at one URL
 * (the demo serves the repository's index.html without exposing the rest of the repository); `--proxy
 * /prefix=origin` forwards requests under a prefix, path unchanged, to another server (the demo page reaches the
 * stand-in's control routes through its own origin: they send no CORS headers).
 *
 * It deliberately sends NO CORS headers: the product promises that dist/ works from any origin as plain
 * static files, so the servers that stand in for a site and a CDN must not make that easier than reality.
 * `Cache-Control: no-store` keeps a rebuilt dist/ from hiding behind a browser cache between runs.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { proxy } from 'hono/proxy';

/** Parses `/url=path` into the URL and the absolute file-system path. */
function parseUrlToPath(option: string, spec: string): { url: string; path: string } {
  const [url, path] = spec.split('=');
  if (!url?.startsWith('/') || !path) {
    console.error(`serve-static: ${option} expects /url=path, got "${spec}"`);
    process.exit(2);
  }
  return { url, path: resolve(path) };
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5174' },
    host: { type: 'string', default: '127.0.0.1' },
    root: { type: 'string', default: '.' },
    mount: { type: 'string', multiple: true, default: [] },
    file: { type: 'string', multiple: true, default: [] },
    proxy: { type: 'string', multiple: true, default: [] },
    // Serve `x.js.br` / `x.js.gz` when the browser accepts them, as a CDN does (the benchmark uses it).
    precompressed: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`serve-static: --port must be a TCP port, got "${values.port}"`);
  process.exit(2);
}
const root = resolve(values.root);
const mounts = values.mount.map((spec) => {
  const { url, path } = parseUrlToPath('--mount', spec);
  return { urlPrefix: url.replace(/\/+$/, ''), dir: path };
});
const files = values.file.map((spec) => parseUrlToPath('--file', spec));
const proxies = values.proxy.map((spec) => {
  const [prefix, origin] = spec.split(/=(.*)/s);
  if (!prefix?.startsWith('/') || !origin || !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) {
    console.error(
      `serve-static: --proxy expects /prefix=http://127.0.0.1:port (loopback only), got "${spec}"`,
    );
    process.exit(2);
  }
  return { prefix: prefix.replace(/\/+$/, ''), origin };
});

const app = new Hono();
app.use('*', async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});
for (const { prefix, origin } of proxies) {
  app.all(`${prefix}/*`, (c) => {
    const url = new URL(c.req.url);
    return proxy(`${origin}${url.pathname}${url.search}`, {
      ...c.req,
      headers: { 'content-type': c.req.header('content-type') ?? '' },
    });
  });
}
// Single files and mounts first, so "/dist/loader.js" is found in the mounted directory, not under root.
for (const { url, path } of files) {
  app.get(url, serveStatic({ path }));
}
for (const { urlPrefix, dir } of mounts) {
  app.use(
    `${urlPrefix}/*`,
    serveStatic({ root: dir, rewriteRequestPath: (path) => path.slice(urlPrefix.length) || '/' }),
  );
}
app.use('*', serveStatic({ root, precompressed: values.precompressed }));
app.notFound((c) => c.text('Not found', 404));

const server = serve({ fetch: app.fetch, port, hostname: values.host }, (info) => {
  const mounted = [
    ...files.map((f) => `, ${f.url} → ${f.path}`),
    ...mounts.map((m) => `, ${m.urlPrefix}/ → ${m.dir}`),
    ...proxies.map((p) => `, ${p.prefix}/ → ${p.origin}`),
  ].join('');
  console.log(`Static files on http://${values.host}:${info.port} (root ${root}${mounted})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
