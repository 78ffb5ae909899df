#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in one command, on a fresh clone after `npm ci`.
 *
 *   0. find a Chromium for the end-to-end tests (installing one if there is none), and Firefox ESR and
 *      WebKitGTK for the engine runs (installed with apt-get as root on Debian; otherwise skipped, said so)
 *   1. typecheck  2. lint  3. unit + stand-in conformance (Vitest)  4. build  5. size budgets  6. end-to-end
 *   7. the core flow in Firefox ESR and WebKitGTK (e2e/engines)
 *
 * Every step runs even after an earlier one failed, so one run shows everything that is wrong; only the
 * end-to-end step is skipped when there is no build to test. The last line is exactly `N passed, N failed`
 * (CI reads it): tests counted from the Vitest and Playwright JSON reports, plus one check for each of
 * typecheck, lint, build and size. The exit code is non-zero if anything failed or nothing passed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const OUT = '.ci-out';
const VITEST_REPORT = `${OUT}/vitest.json`;
const E2E_REPORT = `${OUT}/e2e.json`;
const ENGINES_REPORT = `${OUT}/engines.json`;
const MINUTE = 60_000;
const startedAt = Date.now();

/** One line per step for the summary table. */
const results = [];

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

function heading(title) {
  console.log(`\n=== ${title}  (t=${seconds(Date.now() - startedAt)})`);
}

/** Runs a command with inherited stdio and returns its exit status (null when killed, e.g. by the timeout). */
function run(command, args, { env = {}, timeoutMs } = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    killSignal: 'SIGTERM',
  });
  if (result.error) console.error(`!!! could not run ${command}: ${result.error.message}`);
  if (result.signal) console.error(`!!! ${command} ${args.join(' ')} was stopped by ${result.signal}`);
  return result.status;
}

/** A step that is not a test suite counts as one check: it passed or it failed. */
function checkStep(step, name, command, args, timeoutMs) {
  heading(`${step} ${name}`);
  const began = Date.now();
  const ok = run(command, args, { timeoutMs }) === 0;
  results.push({ name, ok, ms: Date.now() - began, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: '' });
  if (!ok) console.log(`!!! ${name} failed`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// 0. Chromium. Playwright cannot download its browser on every machine (toolchain.md), so prefer a system one.

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return isExecutable(path) ? path : null;
  } catch {
    return null;
  }
}

async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, how: 'CHROMIUM_PATH' };
    console.log(`CHROMIUM_PATH=${fromEnv} is not an executable; looking elsewhere.`);
  }
  if (isExecutable('/usr/bin/chromium')) return { path: '/usr/bin/chromium', how: 'Debian package' };
  const own = await playwrightChromium();
  if (own) return { path: own, how: "Playwright's own browser" };
  return null;
}

async function installChromium() {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version') && isExecutable('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing the Debian package (apt-get install chromium).');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], { env, timeoutMs: 10 * MINUTE }) === 0) {
      run('apt-get', ['install', '-y', '-qq', 'chromium'], { env, timeoutMs: 20 * MINUTE });
    }
    if (isExecutable('/usr/bin/chromium'))
      return { path: '/usr/bin/chromium', how: 'installed with apt-get' };
  }
  console.log('No Chromium found: installing Playwright’s (npx playwright install chromium).');
  run('npx', ['playwright', 'install', 'chromium'], { timeoutMs: 20 * MINUTE });
  const own = await playwrightChromium();
  return own ? { path: own, how: 'installed with playwright install' } : null;
}

async function prepareChromium() {
  heading('0/7 Chromium for the end-to-end tests');
  const chromium = (await findChromium()) ?? (await installChromium());
  if (!chromium) {
    console.log('!!! No Chromium could be found or installed; the end-to-end step will fail.');
    return null;
  }
  process.env.CHROMIUM_PATH = chromium.path; // inherited by every child, read by playwright.config.ts
  console.log(`Using ${chromium.path} (${chromium.how})`);
}

// ---------------------------------------------------------------------------------------------------------
// 0b. Firefox ESR and WebKitGTK. Playwright cannot drive Debian's Firefox ESR nor download browsers here, so
// e2e/engines drives them itself; their Debian packages are installed the way Chromium's is.

const ENGINE_PACKAGES = [
  ['/usr/bin/firefox-esr', 'firefox-esr'],
  ['/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'],
  ['/usr/bin/xvfb-run', 'xvfb'],
];

function prepareEngines() {
  heading('0/7 Firefox ESR and WebKitGTK for the engine runs');
  const missing = ENGINE_PACKAGES.filter(([path]) => !isExecutable(path)).map(([, pkg]) => pkg);
  if (!missing.length) return console.log('All installed.');
  const isRoot = process.getuid?.() === 0;
  if (!(isRoot && existsSync('/etc/debian_version') && isExecutable('/usr/bin/apt-get'))) {
    console.log(`Missing ${missing.join(', ')} and not root on Debian: those engine runs will be skipped.`);
    return;
  }
  console.log(`Installing ${missing.join(' ')} with apt-get (about 1.5 minutes, 510 MB).`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env, timeoutMs: 10 * MINUTE }) === 0)
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      env,
      timeoutMs: 20 * MINUTE,
    });
}

// ---------------------------------------------------------------------------------------------------------
// The test suites, counted from their JSON reports.

function unitTests() {
  const name = 'unit + stand-in conformance (vitest)';
  heading(`3/7 ${name}`);
  const began = Date.now();
  const status = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_REPORT}`],
    { timeoutMs: 20 * MINUTE },
  );
  const report = readJson(VITEST_REPORT);
  const counts = report
    ? {
        passed: report.numPassedTests ?? 0,
        failed: report.numFailedTests ?? 0,
        skipped: report.numPendingTests ?? 0,
      }
    : { passed: 0, failed: 1, skipped: 0 };
  let note = report ? `${counts.skipped} skipped` : `no report at ${VITEST_REPORT}`;
  // A test file that cannot even be imported fails the run without failing a single test.
  if (report && status !== 0 && counts.failed === 0) {
    counts.failed = 1;
    note += `; vitest exited ${status} (${report.numFailedTestSuites ?? '?'} failed suite(s))`;
  }
  results.push({ name, ok: counts.failed === 0, ms: Date.now() - began, ...counts, note });
}

function endToEndTests(buildOk) {
  const name = 'end-to-end (playwright)';
  heading(`6/7 ${name}`);
  if (!buildOk) {
    console.log('!!! skipped: the build failed, so there is nothing to test (counted as one failure).');
    results.push({ name, ok: false, ms: 0, passed: 0, failed: 1, note: 'skipped: build failed' });
    return;
  }
  const began = Date.now();
  const status = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: resolve(E2E_REPORT) },
    timeoutMs: 30 * MINUTE,
  });
  const report = readJson(E2E_REPORT);
  const stats = report?.stats;
  // With retries: 0 nothing can be "flaky"; if a retry ever sneaks in, a flaky test is not a pass.
  const counts = stats
    ? {
        passed: stats.expected ?? 0,
        failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
        skipped: stats.skipped ?? 0,
      }
    : { passed: 0, failed: 1, skipped: 0 };
  let note = stats ? `${counts.skipped} skipped` : `no report at ${E2E_REPORT}`;
  // A web server that never starts, or an error outside any test, fails the run with no failing test.
  if (stats && status !== 0 && counts.failed === 0) {
    counts.failed = 1;
    note += `; playwright exited ${status}${report.errors?.length ? `: ${report.errors[0].message?.split('\n')[0]}` : ''}`;
  }
  results.push({ name, ok: counts.failed === 0, ms: Date.now() - began, ...counts, note });
}

/** Each engine is one line of the summary, its tests counted like any others; a skipped engine counts nothing. */
function engineTests(buildOk) {
  heading('7/7 core flow in Firefox ESR and WebKitGTK (e2e/engines)');
  if (!buildOk) {
    console.log('!!! skipped: the build failed (counted as one failure).');
    results.push({ name: 'engines', ok: false, ms: 0, passed: 0, failed: 1, note: 'skipped: build failed' });
    return;
  }
  const began = Date.now();
  const status = run('node', ['e2e/engines/run.mjs', '--json', ENGINES_REPORT], { timeoutMs: 15 * MINUTE });
  const report = readJson(ENGINES_REPORT);
  if (!report) {
    results.push({
      name: 'engines',
      ok: false,
      ms: Date.now() - began,
      passed: 0,
      failed: 1,
      note: `exited ${status}, no report`,
    });
    return;
  }
  for (const [engine, r] of Object.entries(report)) {
    const name = `core flow in ${engine}`;
    const note = r.skipped ? 'skipped: not installed' : '';
    results.push({ name, ok: r.failed === 0, ms: r.ms ?? 0, passed: r.passed, failed: r.failed, note });
  }
}

// ---------------------------------------------------------------------------------------------------------

function printSummary() {
  heading('summary');
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    const counts = `${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed`;
    const note = r.note ? `  (${r.note})` : '';
    console.log(
      `${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(width)}  ${counts}  ${seconds(r.ms).padStart(7)}${note}`,
    );
  }
  console.log(`total ${seconds(Date.now() - startedAt)}`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0;
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  await prepareChromium();
  prepareEngines();
  checkStep('1/7', 'typecheck', 'npm', ['run', '-s', 'typecheck'], 5 * MINUTE);
  checkStep('2/7', 'lint', 'npm', ['run', '-s', 'lint'], 5 * MINUTE);
  unitTests();
  const built = checkStep('4/7', 'build', 'npm', ['run', '-s', 'build'], 10 * MINUTE);
  checkStep('5/7', 'size budgets', 'npm', ['run', '-s', 'size'], 2 * MINUTE);
  endToEndTests(built && existsSync('dist/loader.js'));
  engineTests(built && existsSync('dist/loader.js'));

  process.exit(printSummary() ? 0 : 1);
}

await main();
