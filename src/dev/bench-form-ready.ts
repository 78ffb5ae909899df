/**
 * Benchmark (not a test): how fast the visitor sees the launcher and the form, measured in real Chromium on the
 * built dist/, from a cold browser cache each run.
 *
 *   npm run build && npm run bench
 *
 * It starts the stand-in (127.0.0.1:3100), the host pages (:5174) and the "CDN" (:5175) like the e2e tests, then
 * for each network profile runs N fresh browser contexts and reports the median and p90 of:
 *   launcher  — navigation start → "Open chat" is on the page (loader.js + GET livechat/config + drawing)
 *   form      — click → the Name field is on screen, right after the launcher appeared (widget.js not yet cached)
 *   form idle — the same, after 3 s idle (the loader preloads widget.js when the browser is idle)
 * Then, per preset department (none, by `_id`, by name), the GET livechat/config requests sent before the form is
 * on screen and the click → form time: Rocket.Chat answers config about a department by `_id` only, so a preset
 * given by name costs one more config request (after the click, when the form bundle reads the department list).
 * Profiles: loopback as is, and "slow 4G" (Lighthouse's: 150 ms RTT, 1.6 Mbit/s down, 4× CPU slowdown).
 * The CDN serves brotli (quality 11) as a real one would: the sizes `npm run size` reports are what travels.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const HOST_PAGE = 'http://127.0.0.1:5174/basic.html';
const withDepartment = (department: string) =>
  `http://127.0.0.1:5174/options.html?options=${encodeURIComponent(JSON.stringify({ department }))}`;
const PRESETS = {
  'no preset': HOST_PAGE,
  'by _id': withDepartment('dept-support'),
  'by name': withDepartment('Support'),
};
const TSX = 'node_modules/.bin/tsx';

function start(args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(TSX, args, { stdio: ['ignore', 'pipe', 'inherit'] });
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

const profiles = {
  loopback: undefined,
  'slow 4G': {
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
    cpu: 4,
  },
} as const;

async function throttle(page: Page, profile: (typeof profiles)[keyof typeof profiles]) {
  if (!profile) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.downloadThroughput,
    uploadThroughput: profile.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

/** A copy of dist/ with a .br next to every file, for the CDN to serve precompressed. */
function brotliCopyOfDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rcp-bench-'));
  cpSync('dist', dir, { recursive: true });
  const compress = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) compress(path);
      else if (path.endsWith('.js'))
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
    }
  };
  compress(dir);
  return dir;
}

async function main() {
  const cdnRoot = brotliCopyOfDist();
  const servers = await Promise.all([
    start(['src/server/cli.ts', '--port', '3100', '--fixture', 'e2e/fixtures/standin.json'], /listening on/),
    start(['src/dev/serve-static.ts', '--port', '5174', '--root', 'e2e/hosts'], /Static files on/),
    start(
      ['src/dev/serve-static.ts', '--port', '5175', '--root', cdnRoot, '--precompressed'],
      /Static files on/,
    ),
  ]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    console.log(`form-ready benchmark: ${RUNS} cold runs per profile, Chromium ${browser.version()}\n`);
    console.log('profile     measure      median     p90');
    for (const [name, profile] of Object.entries(profiles)) {
      const results: Record<string, number[]> = { launcher: [], form: [], 'form idle': [] };
      for (let run = 0; run < RUNS; run++) {
        for (const idle of [false, true]) {
          const context = await browser.newContext();
          const page = await context.newPage();
          await throttle(page, profile);
          const began = Date.now();
          await page.goto(HOST_PAGE, { waitUntil: 'commit' });
          const launcher = page.getByRole('button', { name: 'Open chat' });
          await launcher.waitFor();
          if (!idle) results.launcher?.push(Date.now() - began);
          if (idle) await page.waitForTimeout(3000);
          const clicked = Date.now();
          await launcher.click();
          await page.getByLabel('Name').waitFor();
          results[idle ? 'form idle' : 'form']?.push(Date.now() - clicked);
          await context.close();
        }
      }
      for (const [measure, values] of Object.entries(results)) {
        console.log(
          `${name.padEnd(11)} ${measure.padEnd(10)} ${`${quantile(values, 0.5)} ms`.padStart(8)} ${`${quantile(values, 0.9)} ms`.padStart(8)}`,
        );
      }
    }
    console.log('\nprofile     preset       config requests   form median     p90');
    for (const [name, profile] of Object.entries(profiles)) {
      for (const [preset, url] of Object.entries(PRESETS)) {
        const counts = new Set<number>();
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const context = await browser.newContext();
          const page = await context.newPage();
          await throttle(page, profile);
          let configRequests = 0;
          page.on('request', (request) => {
            if (request.url().includes('/api/v1/livechat/config')) configRequests++;
          });
          await page.goto(url, { waitUntil: 'commit' });
          const launcher = page.getByRole('button', { name: 'Open chat' });
          await launcher.waitFor();
          const clicked = Date.now();
          await launcher.click();
          await page.getByLabel('Name').waitFor();
          times.push(Date.now() - clicked);
          counts.add(configRequests);
          await context.close();
        }
        console.log(
          `${name.padEnd(11)} ${preset.padEnd(12)} ${[...counts].join('/').padStart(15)}   ${`${quantile(times, 0.5)} ms`.padStart(11)} ${`${quantile(times, 0.9)} ms`.padStart(7)}`,
        );
      }
    }
  } finally {
    await browser.close();
    for (const server of servers) server.kill();
    rmSync(cdnRoot, { recursive: true, force: true });
  }
}

await main();
