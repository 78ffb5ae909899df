/** One cold run of one widget: a fresh browser context, CDP throttling and counters, timings from Node. */
import { performance } from 'node:perf_hooks';
import type { Browser, CDPSession, FrameLocator, Locator, Page } from '@playwright/test';
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
  launcher(scope: Scope): Locator;
};

export const widgets = {
  ours: {
    url: `${HOSTS}/ours.html`,
    scope: (page) => page,
    launcher: (scope) => scope.getByRole('button', { name: 'Open chat' }),
  },
  // Rocket.Chat's snippet adds an iframe (#rocketchat-iframe); minimised, it shows only its launcher, a button
  // named after the widget's title initial ("R").
  official: {
    url: `${HOSTS}/official.html`,
    scope: (page) => page.frameLocator('#rocketchat-iframe'),
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

/** Types one character into the Name field, until it shows in the field's value. */
async function typeIntoName(scope: Scope): Promise<void> {
  const name = scope.getByRole('textbox', { name: /^Name/ });
  for (;;) {
    await name.pressSequentially('x', { timeout: 30_000 });
    if ((await name.inputValue()).includes('x')) return;
  }
}

/**
 * Navigation → launcher visible; click as soon as it shows (or after `idleMs`) → a character typed into Name
 * shows. Bytes are what the widget's origins sent (the static origin and the API: not the host page) before the
 * click, as Chromium counts them (`encodedDataLength`: compressed body and headers).
 */
export async function run(browser: Browser, widget: Widget, profile: Profile, idleMs = 0): Promise<Sample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await instrument(page, profile);
    const urls = new Map<string, string>();
    let bytes = 0;
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    cdp.on('Network.loadingFinished', (event) => {
      if (!urls.get(event.requestId)?.startsWith(HOSTS)) bytes += event.encodedDataLength;
    });
    const scope = widget.scope(page);
    const began = performance.now();
    await page.goto(widget.url, { waitUntil: 'commit' });
    await widget.launcher(scope).waitFor();
    const launcherShown = performance.now();
    if (idleMs) await page.waitForTimeout(idleMs);
    const kbBeforeClick = bytes / 1024;
    const clicked = performance.now();
    await widget.launcher(scope).click();
    await typeIntoName(scope);
    const usable = performance.now();
    const { ScriptDuration = Number.NaN, JSHeapUsedSize = Number.NaN } = await metrics(cdp);
    return {
      launcher: launcherShown - began,
      clickToUsable: usable - clicked,
      loadToUsable: usable - began,
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
