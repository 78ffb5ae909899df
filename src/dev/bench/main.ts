/**
 * Benchmark (not a test): our pre-chat form side by side with Rocket.Chat's official widget (npm
 * @rocket.chat/livechat 1.13.3), in real Chromium on the built dist/, from a cold browser cache each run.
 *
 *   npm run build && npm run bench          (BENCH_RUNS=7 by default)
 *
 * Setup (servers.ts): the stand-in API on its own origin (:3100) with one fixture (fixture.json: name, email, two
 * departments, two public custom fields), host pages on :5174 (ours.html: the README's snippet with phone and
 * question hidden; official.html: Rocket.Chat's install snippet), and ONE static origin (:5175) serving both
 * widgets' files gzipped alike (level 9): our loader.js and widget/, and the official widget's build under
 * /livechat, its index.html carrying `SERVER_URL` as Rocket.Chat writes it. That is the static origin itself, which
 * forwards /api to the stand-in: in Rocket.Chat the widget's iframe and the API share one origin, and cross-origin
 * each of its JSON requests would wait for a CORS preflight. Ours calls the stand-in cross-origin, as designed (simple
 * requests, no preflight). Both forms show Name, Email, Department (Sales, Support), Plan and Company ID. The official widget's iframe (:5175 in a :5174 page)
 * is same-site, so Chromium keeps it in the page's renderer process (site isolation is per site, not per origin):
 * its script time, heap and CPU throttling are the page's; the benchmark checks that no out-of-process iframe
 * target exists and warns otherwise.
 *
 * Per profile (desktop: unthrottled; mobile: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU slowdown via
 * CDP), BENCH_RUNS rounds of: ours, official (each clicked as soon as its launcher shows), then ours again clicked
 * after 3 s idle (by then the loader has mounted our form, closed). One browser process, a fresh context
 * (cold cache) per run. Per run (run.ts):
 *   launcher visible    the page's navigation start (`performance.timeOrigin`) → the first animation frame in which
 *                       the launcher is rendered (ours: "Open chat" in our shadow root; official: the button of its
 *                       #rocketchat-iframe), stamped in the page by an init script, so Playwright's polling is not
 *                       counted
 *   click → Name usable Playwright clicks the launcher as soon as it shows, then types one "x" into the Name field
 *                       (retrying until Node reads it back from the field's value); timed in the widget's frame:
 *                       the click's own time stamp (`event.timeStamp`: when the browser took the click in, so a
 *                       click left waiting behind busy script counts) → the last `input` event that put the "x"
 *                       in, so Playwright's round trips after the click and after typing are not counted (its
 *                       wait for the field to be visible, stable and editable before it types still is: up to a
 *                       few hundred ms on mobile, both widgets)
 *   after idle preload  the same, ours only, clicked after 3 s idle
 *   page load → usable  the page's navigation start (`performance.timeOrigin`) → that `input` event, in the
 *                       click-at-once run (the iframe's stamps are on the same wall clock); unlike the click
 *                       column, it includes Playwright's checks before it clicks (visible, stable, hit target)
 *   script ms           CDP Performance.getMetrics ScriptDuration once Node has read the "x" back (main-thread JS
 *                       since navigation, the same-process iframe included)
 *   KB before click     encodedDataLength of the responses from the widget origins (:5175, :3100) finished before
 *                       the click: compressed bodies plus headers, host page excluded, WebSocket frames excluded.
 *                       Chromium reports a script it compiles while streaming (widget.js, vite.config.ts) finished
 *                       only once compiled: clicked at once, ours often counts without it though it has arrived
 *   heap MB             JSHeapUsedSize at the same moment (no forced GC)
 * The table gives each widget's median and the ratio row: the median of the per-round ratios ours/official (the
 * idle column: ours after idle / official at once). Then, per preset department of ours (none, by `_id`, by
 * name), the GET livechat/config requests before the launcher and in all until Name is usable: Rocket.Chat answers
 * config about a department by `_id` only, so a preset given by name costs one more, after the click.
 * Numbers on a shared machine are noisy: compare the ratios, and runs made back to back.
 */
import { chromium } from '@playwright/test';
import { countConfigRequests, profiles, run, type Sample, widgets } from './run.ts';
import { HOSTS, startServers } from './servers.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const IDLE_MS = 3000;
const PRESETS = {
  'no preset': `${HOSTS}/basic.html`,
  'by _id': `${HOSTS}/options.html?options=${encodeURIComponent(JSON.stringify({ department: 'dept-support' }))}`,
  'by name': `${HOSTS}/options.html?options=${encodeURIComponent(JSON.stringify({ department: 'Support' }))}`,
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const COLUMNS = [
  ['launcher visible', 'launcher'],
  ['click → Name usable', 'clickToUsable'],
  ['… after idle preload', 'idle'],
  ['page load → usable', 'loadToUsable'],
  ['script ms', 'scriptMs'],
  ['KB before click', 'kbBeforeClick'],
  ['heap MB', 'heapMb'],
] as const;
type Column = (typeof COLUMNS)[number][1];
type Round = { ours: Sample; official: Sample; idle: number };

function table(profile: string, rounds: Round[]): string {
  const value = (round: Round, who: 'ours' | 'official', column: Column) =>
    column === 'idle' ? (who === 'ours' ? round.idle : Number.NaN) : round[who][column];
  const format = (n: number, column: Column) =>
    Number.isNaN(n) ? '—' : column === 'heapMb' || column === 'kbBeforeClick' ? n.toFixed(1) : n.toFixed(0);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    row(['profile', '', ...COLUMNS.map(([title]) => title)]),
    row(['---', '---', ...COLUMNS.map(() => '---:')]),
  ];
  for (const who of ['ours', 'official'] as const)
    lines.push(
      row([
        who === 'ours' ? profile : '',
        who,
        ...COLUMNS.map(([, column]) => format(median(rounds.map((r) => value(r, who, column))), column)),
      ]),
    );
  const ratio = (column: Column) =>
    median(
      rounds.map((r) => value(r, 'ours', column) / r.official[column === 'idle' ? 'clickToUsable' : column]),
    );
  lines.push(
    row(['', 'ratio ours/official', ...COLUMNS.map(([, column]) => `${ratio(column).toFixed(2)}×`)]),
  );
  return lines.join('\n');
}

async function main() {
  const stop = await startServers();
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
    console.log(
      `side-by-side benchmark: ${RUNS} cold runs per widget and profile, Chromium ${browser.version()}`,
    );
    for (const [name, profile] of Object.entries(profiles)) {
      const rounds: Round[] = [];
      for (let i = 0; i < RUNS; i++) {
        const ours = await run(browser, widgets.ours, profile);
        const official = await run(browser, widgets.official, profile);
        const idle = (await run(browser, widgets.ours, profile, IDLE_MS)).clickToUsable;
        rounds.push({ ours, official, idle });
        process.stderr.write('.');
      }
      process.stderr.write('\n');
      console.log(`\n${table(name, rounds)}`);
    }
    await checkSameProcess(browser);
    console.log('\n| preset (ours, desktop) | config GETs before the launcher | until Name usable |');
    console.log('| --- | ---: | ---: |');
    for (const [preset, url] of Object.entries(PRESETS)) {
      const [beforeLauncher, total] = await countConfigRequests(browser, url);
      console.log(`| ${preset} | ${beforeLauncher} | ${total} |`);
    }
  } finally {
    await browser.close();
    stop();
  }
}

/** The official widget's iframe must share the page's renderer process, or its script time and heap go uncounted. */
async function checkSameProcess(browser: import('@playwright/test').Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(widgets.official.url);
  await widgets.official.launcher(widgets.official.scope(page)).waitFor();
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const oopifs = targetInfos.filter((target) => target.type === 'iframe');
  console.log(
    oopifs.length
      ? `\nWARNING: the official widget's iframe runs out of process (${oopifs.map((t) => t.url).join(', ')}): its script time and heap are not counted`
      : "\nThe official widget's iframe shares the page's renderer process (no out-of-process iframe target).",
  );
  await cdp.detach();
  await context.close();
}

await main();
