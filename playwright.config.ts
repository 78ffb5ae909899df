import { defineConfig } from '@playwright/test';
import { CDN_PORT, HOSTS_PORT, HOSTS_URL, STANDIN_PORT, STANDIN_URL } from './e2e/support/urls.ts';

// Three servers, three origins (host page, CDN, Rocket.Chat), so the browser enforces CORS as in production.
// Locally, servers you already started are reused; CI always starts its own.
const reuseExistingServer = !process.env.CI;
const tsx = 'node_modules/.bin/tsx'; // not npx: it adds ~1 s per start and may try the network

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  // No retries: a test that only passes on a second try is a bug we want to see, not hide.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      // Playwright cannot download its own browser on these machines; Debian's chromium works (toolchain.md).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      name: 'stand-in',
      command: `npm run -s server -- --port ${STANDIN_PORT} --host 127.0.0.1 --control --fixture e2e/fixtures/standin.json`,
      url: `${STANDIN_URL}/api/v1/livechat/config`,
      reuseExistingServer,
      timeout: 60_000,
    },
    {
      name: 'host pages',
      command: `${tsx} src/dev/serve-static.ts --host 127.0.0.1 --port ${HOSTS_PORT} --root e2e/hosts`,
      url: `${HOSTS_URL}/blank.html`,
      reuseExistingServer,
    },
    {
      name: 'cdn',
      command: `${tsx} src/dev/serve-static.ts --host 127.0.0.1 --port ${CDN_PORT} --root dist`,
      // A port, not a URL: the harness spec must run even before dist/ has been built.
      port: CDN_PORT,
      reuseExistingServer,
    },
  ],
});
