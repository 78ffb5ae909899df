/**
 * The three origins of the e2e setup (e2e/support/urls.ts), started the way playwright.config.ts starts them,
 * for the engine runs, which Playwright does not drive.
 */
import { spawn } from 'node:child_process';

const STANDIN = 'http://127.0.0.1:3100';
const SERVERS = [
  [
    'node_modules/.bin/tsx',
    [
      'src/server/cli.ts',
      '--port',
      '3100',
      '--host',
      '127.0.0.1',
      '--control',
      '--fixture',
      'e2e/fixtures/standin.json',
    ],
    `${STANDIN}/api/v1/livechat/config`,
  ],
  [
    'node_modules/.bin/tsx',
    ['src/dev/serve-static.ts', '--host', '127.0.0.1', '--port', '5174', '--root', 'e2e/hosts'],
    'http://127.0.0.1:5174/blank.html',
  ],
  [
    'node_modules/.bin/tsx',
    ['src/dev/serve-static.ts', '--host', '127.0.0.1', '--port', '5175', '--root', 'dist'],
    'http://127.0.0.1:5175/loader.js',
  ],
];

async function waitFor(url, until) {
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer in time`);
}

/** Starts the stand-in, the host pages and the "CDN"; resolves with a function that stops them. */
export async function startServers() {
  const children = SERVERS.map(([command, args]) => spawn(command, args, { stdio: 'ignore' }));
  const until = Date.now() + 60_000;
  try {
    for (const [, , url] of SERVERS) await waitFor(url, until);
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
  return () => {
    for (const child of children) child.kill();
  };
}

async function control(method, path, body) {
  const response = await fetch(`${STANDIN}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`stand-in ${method} ${path}: ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** A fresh stand-in per test: no visitors, no faults, and the fixture's limiter setting (off). */
export const resetStandin = async (fixture) => control('POST', '/_standin/reset', fixture);
export const injectFault = (fault) => control('POST', '/_standin/faults', fault);
export const visitorPosts = async () =>
  (await control('GET', '/_standin/requests')).requests.filter(
    (r) => r.method === 'POST' && r.path === '/api/v1/livechat/visitor',
  );
