/**
 * The npm package as a customer gets it: `npm pack` the built repository, extract the tarball into a throw-away
 * React project (e2e/consumer/ copied next to it), type-check that project with its own tsconfig, build it with
 * Vite (which must resolve `rocketchat-prechat` through package.json `exports`), serve the result from a fourth
 * origin and register a visitor through `<PrechatForm>` with our own `rocketchat-prechat/testing` helpers.
 *
 * Needs `npm run build` first (it packs dist/ as it is; `npm pack --ignore-scripts` builds nothing).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import react from '@vitejs/plugin-react';
import { Hono } from 'hono';
import { build } from 'vite';
import { expectPrechatConnected, fillPrechat, submitPrechat } from '../src/npm/testing.ts';
import { expect, standinRequests, test } from './support/test.ts';

const REPO = resolve(import.meta.dirname, '..');
/** The consumer app's origin: neither the stand-in's, nor the host pages', nor the CDN's. */
const APP_PORT = 5176;
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const VISITOR = '/api/v1/livechat/visitor';

/** What the consumer project borrows from our node_modules (a customer has these installed). */
const LINKED = [
  'react',
  'react-dom',
  '@types/react',
  '@types/react-dom',
  '@types/node',
  '@playwright/test',
  'playwright',
  'playwright-core',
];

let workDir = '';
let appDir = '';
let packedFiles: string[] = [];
let server: ServerType | undefined;

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

function assetsOf(dir: string): { name: string; text: string }[] {
  const assets = join(dir, 'dist', 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(join(assets, name), 'utf8') }));
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(45_000);
  for (const file of ['dist/npm/index.js', 'dist/npm/index.d.ts', 'dist/npm/testing.js', 'dist/loader.js']) {
    if (!existsSync(join(REPO, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  workDir = mkdtempSync(join(tmpdir(), 'rcp-consumer-'));
  appDir = join(workDir, 'app');

  // 1. The tarball, exactly as `npm publish` would upload it. --ignore-scripts: dist/ is already built.
  const packed = JSON.parse(
    run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', workDir], REPO),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = join(workDir, packed[0]?.filename ?? '');
  packedFiles = (packed[0]?.files ?? []).map((file) => file.path).sort();

  // 2. A consumer project: its sources, the extracted package, and the peers it would have installed.
  cpSync(join(REPO, 'e2e/consumer'), appDir, { recursive: true });
  const modules = join(appDir, 'node_modules');
  mkdirSync(join(modules, '@types'), { recursive: true });
  mkdirSync(join(modules, '@playwright'), { recursive: true });
  run('tar', ['-xzf', tarball, '-C', modules], REPO);
  renameSync(join(modules, 'package'), join(modules, 'rocketchat-prechat'));
  for (const name of LINKED) symlinkSync(join(REPO, 'node_modules', name), join(modules, name), 'dir');

  // 3. Type-check it as the customer would: the app (bundler and NodeNext resolution) and a Playwright suite.
  const tsc = join(REPO, 'node_modules/.bin/tsc');
  for (const config of ['tsconfig.json', 'tsconfig.nodenext.json', 'tsconfig.testing.json']) {
    run(tsc, ['-p', config], appDir);
  }

  // 4. Build it with Vite, from the consumer's root, so `rocketchat-prechat` resolves through `exports`.
  await build({
    root: appDir,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(appDir, 'dist'), emptyOutDir: true },
  });

  // 5. Serve the built app from its own origin (plain static files, as src/dev/serve-static.ts serves them).
  const app = new Hono();
  app.use('*', serveStatic({ root: join(appDir, 'dist') }));
  await new Promise<void>((ready) => {
    server = serve({ fetch: app.fetch, port: APP_PORT, hostname: '127.0.0.1' }, () => ready());
  });
});

test.afterAll(async () => {
  await new Promise<void>((closed) => (server ? server.close(() => closed()) : closed()));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('the tarball holds the ES entries, their declarations and the script-tag build, and no sources', () => {
  expect(packedFiles).toEqual(
    expect.arrayContaining([
      'package.json',
      'dist/loader.js',
      'dist/widget/widget.js',
      'dist/widget/phone.js',
      'dist/npm/index.js',
      'dist/npm/index.d.ts',
      'dist/npm/testing.js',
      'dist/npm/testing.d.ts',
      'dist/npm/global.d.ts',
    ]),
  );
  expect(
    packedFiles.filter(
      (path) => !path.startsWith('dist/') && path !== 'package.json' && !/^README/i.test(path),
    ),
  ).toEqual([]);
  const manifest = JSON.parse(
    readFileSync(join(appDir, 'node_modules/rocketchat-prechat/package.json'), 'utf8'),
  );
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['@playwright/test', 'react', 'react-dom']);
});

test("the consumer's build: NODE_ENV left to its bundler, the form and the phone metadata split out", () => {
  const assets = assetsOf(appDir);
  // The package leaves process.env.NODE_ENV to the consumer's bundler, which replaced every one of them.
  for (const { name, text } of assets) expect(text, name).not.toContain('process.env');
  const entry = assets.find(
    ({ text }) => text.includes('rocketchat-prechat consumer') || text.includes('Consumer app'),
  );
  expect(entry, 'the app chunk').toBeDefined();
  // The form (zod, react-hook-form, react-query) is a lazy chunk, not in the app's entry chunk.
  expect(entry?.text).not.toContain('ZodMini');
  const form = assets.find(({ text }) => text.includes('ZodMini'));
  expect(form, 'the form chunk').toBeDefined();
  // package.json `sideEffects` must not let the bundler drop the form's module-level setup (CSP: no zod JIT probe).
  expect(form?.text).toMatch(/jitless:\s*!0|jitless:\s*true/);
  expect(assets.some(({ name }) => name.startsWith('phone-'))).toBe(true);
});

test('server-side rendering: the package imports and renders in Node without touching window', async () => {
  // The form bundle (which sets up listeners on window when it loads) is imported lazily, in an effect.
  const entry = join(appDir, 'node_modules/rocketchat-prechat/dist/npm/index.js');
  const { PrechatForm } = (await import(entry)) as typeof import('../src/npm/index.ts');
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const html = renderToString(
    createElement(PrechatForm, { serverUrl: 'https://chat.example.com', className: 'x' }),
  );
  expect(html).toBe('<div class="x" data-rocketchat-prechat=""></div>');
});

test('<PrechatForm> in a built React app: fill and submit with the testing helpers, ONE registration, onRoom fires', async ({
  page,
  consoleErrors,
}) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto(`${APP_URL}/`);
  const events = page.getByRole('list', { name: 'Events' });
  await expect(events.getByRole('listitem').first()).toHaveText('ready');

  await fillPrechat(page, {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+1 201 555 0123',
    department: 'Support',
    customFields: { Plan: 'Pro', 'Company ID': 'AC-1234' },
  });
  await submitPrechat(page);
  await expectPrechatConnected(page);

  const token = await page.evaluate(() => localStorage.getItem('rocketchat-prechat:token'));
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('status', { name: 'Room' })).toHaveText(`token=${token} newRoom=true`);
  await expect(events.getByRole('listitem')).toHaveText([
    'ready',
    'submit Ada Lovelace +12015550123 dept-support',
    'registered 64',
    'room',
  ]);

  const posts = await standinRequests({ method: 'POST', path: VISITOR });
  expect(posts).toHaveLength(1);
  expect(posts[0]?.headers.origin).toBe(APP_URL);
  expect(posts[0]?.body).toEqual({
    visitor: {
      token,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+12015550123',
      department: 'dept-support',
      username: 'consumer-app',
      customFields: [
        { key: 'plan', value: 'Pro', overwrite: true },
        { key: 'company_id', value: 'AC-1234', overwrite: true },
      ],
    },
  });
  // The phone metadata came from the consumer's own chunk, not from a CDN's widget/phone.js.
  expect(loaded.some((path) => /\/assets\/phone-.*\.js$/.test(path))).toBe(true);
  expect(loaded.filter((path) => path.includes('/widget/'))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('<PrechatForm department="Support">: a preset by name asks about Support by its _id and registers it', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(`${APP_URL}/?department=Support`);
  await expect(page.getByLabel('Department')).toHaveValue('dept-support');
  await expect(page.getByText(/available right now/)).toHaveCount(0);
  // No loader: the component asks as given (a name reads "offline" to Rocket.Chat), then by _id. StrictMode
  // mounts twice, and TanStack Query shares each answer, so each question goes out once.
  const asked = (await standinRequests({ method: 'GET', path: '/api/v1/livechat/config' })).map(
    (request) => request.query.department,
  );
  expect(asked).toEqual(['Support', 'dept-support']);
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await submitPrechat(page);
  await expectPrechatConnected(page);
  const [post] = await standinRequests({ method: 'POST', path: VISITOR });
  expect(post?.body).toMatchObject({ visitor: { department: 'dept-support' } });
  expect(consoleErrors).toEqual([]);
});
