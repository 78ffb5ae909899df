/**
 * Firefox ESR (Debian's /usr/bin/firefox-esr) over WebDriver BiDi with puppeteer-core: Playwright 1.65 cannot
 * drive it (every new context fails on an unknown BiDi command).
 */
import puppeteer from 'puppeteer-core';
import { IN_PAGE } from './in-page.mjs';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

export async function openFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
  });
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return {
    name: 'firefox',
    consoleErrors,
    async goto(url) {
      consoleErrors.length = 0;
      await page.goto(url);
    },
    run: (expression) =>
      page.evaluate(`(() => { if (!window.__rcp) ${IN_PAGE}; return (${expression}); })()`),
    pressEscape: () => page.keyboard.press('Escape'),
    close: () => browser.close(),
  };
}
