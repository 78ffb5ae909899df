/** One cold run of one widget: a fresh browser context, CDP throttling and counters, timings from Node. */
import type {
  Browser,
  BrowserContext,
  CDPSession,
  Frame,
  FrameLocator,
  Locator,
  Page,
} from '@playwright/test';
import { HOSTS } from './servers.ts';

export type Profile = { latency: number; download: number; upload: number; cpu: number } | undefined;

export const profiles: Record<string, Profile> = {
  desktop: undefined,
  // Lighthouse's mobile ("slow 4G"): 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU slowdown.
  mobile: { latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8, cpu: 4 },
};

type Scope = Page | FrameLocator;

export type Widget = {
  url: string;
  /** Where the widget draws: the page (our shadow root, which locators pierce) or the official widget's iframe. */
  scope(page: Page): Scope;
  /** The frame whose clock stamps the click and the typed character (run.ts, `stampEvents`). */
  frame(page: Page): Frame | undefined;
  launcher(scope: Scope): Locator;
};

export const widgets = {
  ours: {
    url: `${HOSTS}/ours.html`,
    scope: (page) => page,
    frame: (page) => page.mainFrame(),
    launcher: (scope) => scope.getByRole('button', { name: 'Open chat' }),
  },
  // Rocket.Chat's snippet adds an iframe (#rocketchat-iframe); minimised, it shows only its launcher, a button
  // named after the widget's title initial ("R").
  official: {
    url: `${HOSTS}/official.html`,
    scope: (page) => page.frameLocator('#rocketchat-iframe'),
    frame: (page) => page.frames().find((frame) => frame.url().endsWith('/livechat')),
    launcher: (scope) => scope.getByRole('button', { name: 'R', exact: true }),
  },
} satisfies Record<string, Widget>;

export type Sample = {
  launcher: number;
  clickToUsable: number;
  loadToUsable: number;
  scriptMs: number;
  kbBeforeClick: number;
  heapMb: number;
};

async function instrument(page: Page, profile: Profile): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.download,
      uploadThroughput: profile.upload,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  return cdp;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

type Stamps = { launcher?: number; click?: number; typed?: number };

/**
 * In every frame, before any of its scripts: the wall-clock time (`performance.timeOrigin + now()`, one clock
 * for the page and its iframe) of the first animation frame in which the launcher is rendered (ours: the button in
 * our shadow root; official: the first button of its /livechat iframe, which is all it shows when minimised), of
 * the first click (its `timeStamp`, when the browser took it in, not when a busy page got round to dispatching it),
 * and of the last `input` event that put an "x" in a field. Stamped in the page, so neither
 * Playwright's polling for the launcher nor its round trips after the click and after the typing are counted.
 */
async function stampEvents(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx would wrap a function's inner functions in a `__name` helper the page lacks.
  await context.addInitScript(`{
    const now = () => performance.timeOrigin + performance.now();
    const stamps = (window.__benchStamps = {});
    const launcher = () =>
      document.querySelector('[data-rocketchat-prechat]')?.shadowRoot?.querySelector('.rcp-launcher') ??
      (location.pathname.endsWith('/livechat') ? document.querySelector('button') : null);
    const watch = () => {
      const button = launcher();
      if (button && button.getClientRects().length && getComputedStyle(button).visibility !== 'hidden')
        stamps.launcher = now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    addEventListener('click', (event) => (stamps.click ??= performance.timeOrigin + event.timeStamp), true);
    addEventListener('input', (event) => {
      const field = event.composedPath()[0];
      if (field instanceof HTMLInputElement && field.value.includes('x')) stamps.typed = now();
    }, true);
  }`);
}

/** Types one character into the Name field, until it shows in the field's value. */
async function typeIntoName(scope: Scope): Promise<void> {
  const name = scope.getByRole('textbox', { name: /^Name/ });
  for (;;) {
    await name.pressSequentially('x', { timeout: 30_000 });
    if ((await name.inputValue()).includes('x')) return;
  }
}

/**
 * Navigation → launcher rendered (the page's own stamp); click as soon as Playwright sees it (or after
 * `idleMs`) → a character typed into Name shows (the page's own stamps, once Node has read the "x" back). Bytes are what the widget's origins sent (the static origin and the API: not the host page) before the
 * click, as Chromium counts them (`encodedDataLength`: compressed body and headers).
 */
export async function run(browser: Browser, widget: Widget, profile: Profile, idleMs = 0): Promise<Sample> {
  const context = await browser.newContext();
  try {
    await stampEvents(context);
    const page = await context.newPage();
    const cdp = await instrument(page, profile);
    const urls = new Map<string, string>();
    let bytes = 0;
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    cdp.on('Network.loadingFinished', (event) => {
      if (!urls.get(event.requestId)?.startsWith(HOSTS)) bytes += event.encodedDataLength;
    });
    const scope = widget.scope(page);
    await page.goto(widget.url, { waitUntil: 'commit' });
    await widget.launcher(scope).waitFor();
    if (idleMs) await page.waitForTimeout(idleMs);
    const kbBeforeClick = bytes / 1024;
    await widget.launcher(scope).click();
    await typeIntoName(scope);
    const { ScriptDuration = Number.NaN, JSHeapUsedSize = Number.NaN } = await metrics(cdp);
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const {
      launcher = Number.NaN,
      click = Number.NaN,
      typed = Number.NaN,
    } = (await widget.frame(page)?.evaluate(() => Reflect.get(window, '__benchStamps') as Stamps)) ?? {};
    return {
      launcher: launcher - navigationStart,
      clickToUsable: typed - click,
      loadToUsable: typed - navigationStart,
      scriptMs: ScriptDuration * 1000,
      kbBeforeClick,
      heapMb: JSHeapUsedSize / 1024 / 1024,
    };
  } finally {
    await context.close();
  }
}

/** GET livechat/config requests: before the launcher shows, and in all until Name is usable. */
export async function countConfigRequests(browser: Browser, url: string): Promise<[number, number]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let count = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/livechat/config')) count++;
    });
    await page.goto(url, { waitUntil: 'commit' });
    await widgets.ours.launcher(page).waitFor();
    const beforeLauncher = count;
    await widgets.ours.launcher(page).click();
    await typeIntoName(page);
    return [beforeLauncher, count];
  } finally {
    await context.close();
  }
}
