/**
 * Security: everything from the server or the host page is rendered as text, the widget runs under a strict
 * Content-Security-Policy with zero violations, and the visitor token goes nowhere it does not have to.
 */
import type { Page } from '@playwright/test';
import { fillPrechat } from '../src/npm/testing.ts';
import { expect, hostUrl, resetStandin, standinRequests, test } from './support/test.ts';

const PAYLOAD = `<img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=1</script>`;
const payload = (where: string) => `${where} ${PAYLOAD}`;

type XssWindow = Window & { __xss?: number; __cspViolations?: unknown[] };

/** Elements that would only exist if some string had been parsed as HTML. */
const injectedElements = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-rocketchat-prechat]')?.shadowRoot;
    return root
      ? root.querySelectorAll('img, script, iframe, object, embed, a[href^="javascript"]').length
      : -1;
  });

test('XSS payloads from the server and from the host page render inert, as text', async ({
  page,
  events,
}) => {
  await resetStandin({
    settings: {
      Livechat_title: payload('Title'),
      Livechat_registration_form_message: payload('Intro'),
    },
    departments: [
      {
        _id: 'dept-x',
        name: payload('Dept'),
        enabled: true,
        showOnRegistration: true,
        showOnOfflineForm: true,
        numAgents: 1,
      },
    ],
    customFields: [
      {
        _id: 'plan',
        label: payload('Plan'),
        scope: 'visitor',
        visibility: 'visible',
        public: true,
        type: 'select',
        required: true,
        regexp: '',
        options: `Free,${payload('Option')}`,
      },
      {
        _id: 'note',
        label: 'Note',
        scope: 'visitor',
        visibility: 'visible',
        public: true,
        type: 'input',
        required: false,
        regexp: '',
        defaultValue: payload('Default'),
      },
    ],
  });
  await page.goto(hostUrl('basic'));
  await page.evaluate((p) => {
    window.RocketChatPrechat?.('prefill', { name: `Name ${p}`, email: `${p}@example.com` });
  }, PAYLOAD);
  await page.getByRole('button', { name: 'Open chat' }).click();

  await expect(page.getByRole('heading', { name: payload('Title') })).toBeVisible();
  await expect(page.getByText(payload('Intro'))).toBeVisible();
  await expect(page.getByRole('option', { name: payload('Dept') })).toBeAttached();
  await expect(page.getByRole('option', { name: payload('Option') })).toBeAttached();
  await expect(page.getByLabel(payload('Plan'))).toBeVisible();
  await expect(page.getByLabel('Note')).toHaveValue(payload('Default'));
  await expect(page.getByLabel('Name')).toHaveValue(`Name ${PAYLOAD}`);

  // The server's answer carries the payload back too (the error text is shown to the visitor).
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel(payload('Plan')).selectOption({ label: payload('Option') });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await events.waitFor('room');

  expect(await injectedElements(page)).toBe(0);
  expect(await page.evaluate(() => (window as XssWindow).__xss)).toBeUndefined();
  const posted = (await standinRequests({ method: 'POST', path: '/api/v1/livechat/visitor' }))[0]?.body;
  expect(JSON.stringify(posted)).toContain(JSON.stringify(payload('Option')).slice(1, -1));
});

test('an error text from the server renders as text', async ({ page }) => {
  await page.goto(hostUrl('basic'));
  await page.route('**/api/v1/livechat/visitor', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify({ success: false, error: PAYLOAD }),
    }),
  );
  await page.getByRole('button', { name: 'Open chat' }).click();
  await fillPrechat(page, { name: 'Ada', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByText(`The chat service could not start your chat: ${PAYLOAD}`)).toBeVisible();
  expect(await injectedElements(page)).toBe(0);
  expect(await page.evaluate(() => (window as XssWindow).__xss)).toBeUndefined();
});

for (const host of ['csp', 'csp-nonce'] as const) {
  test(`strict CSP (${host}): the whole flow with zero securitypolicyviolation events`, async ({
    page,
    events,
    consoleErrors,
  }) => {
    await page.goto(hostUrl(host));
    await events.waitFor('ready');
    await page.getByRole('button', { name: 'Open chat' }).click();
    // The widget's own styles applied (constructable stylesheets are not subject to style-src).
    const inputFont = await page.getByLabel('Name').evaluate((input) => getComputedStyle(input).fontSize);
    expect(inputFont).toBe('16px');
    await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com' });
    await page.getByLabel('Phone').fill('+1 201 555 0123'); // loads phone.js, another script
    await page.getByLabel('Plan').selectOption('Pro');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await events.waitFor('room');
    await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
    expect(await page.evaluate(() => (window as XssWindow).__cspViolations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const posted = (await standinRequests({ method: 'POST', path: '/api/v1/livechat/visitor' }))[0]?.body as {
      visitor: { phone: string };
    };
    expect(posted.visitor.phone).toBe('+12015550123');
  });
}

test('the token appears only in the query strings Rocket.Chat requires, and is never logged', async ({
  page,
  events,
}) => {
  const urls: string[] = [];
  const logs: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('console', (message) => logs.push(message.text()));
  await page.goto(hostUrl('basic'));
  await page.getByRole('button', { name: 'Open chat' }).click();
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByRole('button', { name: 'Start chat' }).click();
  const { token } = await events.waitFor('room');
  await page.reload();
  await events.waitFor('ready');

  const withToken = urls.filter((url) => url.includes(token)).map((url) => new URL(url).pathname);
  expect(withToken.length).toBeGreaterThan(0);
  expect(new Set(withToken)).toEqual(new Set(['/api/v1/livechat/room', '/api/v1/livechat/config']));
  expect(logs.filter((line) => line.includes(token))).toEqual([]);
});

test('injected HTML that clobbers currentScript, body, head and our globals: nothing from another origin, the form works', async ({
  page,
  events,
  consoleErrors,
}) => {
  const ours = ['http://127.0.0.1:5174', 'http://127.0.0.1:5175', 'http://127.0.0.1:3100'];
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const { origin } = new URL(request.url());
    // The injected <img> loads its own src as an image; anything else from there would be ours.
    if (!ours.includes(origin) && request.resourceType() !== 'image') elsewhere.push(request.url());
  });
  // Read before any of the page's scripts ran: the page really is clobbered, each name answers with the injected
  // element (the form, mounted when the browser is idle, replaces the clobbered global with its own right after).
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      Reflect.set(window, '__clobbered', [
        String(document.currentScript),
        String(document.body),
        String(document.head),
        String(Reflect.get(window, 'RocketChatPrechatWidget')),
      ]);
    });
  });
  await page.goto(hostUrl('clobbering'));
  expect(await page.evaluate(() => Reflect.get(window, '__clobbered'))).toEqual([
    '[object HTMLImageElement]',
    '[object HTMLImageElement]',
    '[object HTMLImageElement]',
    '[object HTMLDivElement]',
  ]);
  await events.waitFor('ready');
  await page.getByRole('button', { name: 'Open chat' }).click();
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByLabel('Phone').fill('+1 201 555 0123'); // phone.js, looked up as RocketChatPrechatPhone
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();

  const posted = (await standinRequests({ method: 'POST', path: '/api/v1/livechat/visitor' }))[0]?.body as {
    visitor: { phone: string };
  };
  expect(posted.visitor.phone).toBe('+12015550123');
  // The launcher went into the real body (visible), widget.js and phone.js came from the CDN.
  expect(
    await page.evaluate(() => document.querySelector('[data-rocketchat-prechat]')?.parentElement?.tagName),
  ).toBe('BODY');
  expect(await page.evaluate(() => (window as { __evilRan?: boolean }).__evilRan)).toBeUndefined();
  expect(elsewhere).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('injected HTML that hides a document method React uses: one console error names it, one error event, the launcher goes, nothing sent', async ({
  page,
  events,
  consoleErrors,
}) => {
  await page.goto(hostUrl('clobbering-document'));
  expect(await page.evaluate(() => String(Reflect.get(document, 'createTextNode')))).toBe(
    '[object HTMLImageElement]',
  );
  // The loader itself does not call createTextNode: the launcher is drawn, and the form's check speaks when it
  // mounts (at idle); the launcher then goes, since it would open nothing.
  await events.waitFor('ready');
  const { code, message } = await events.waitFor('error');
  expect(code).toBe('widget-load-failed');
  const named =
    'an element named "createTextNode" on this page hides document.createTextNode (DOM clobbering); the chat form cannot run here';
  expect(message).toBe(named);
  await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
  await expect(page.locator('[data-rocketchat-prechat]')).toHaveCount(0);
  await page.waitForTimeout(500); // a second error (an unhandled rejection) would arrive by now
  expect(consoleErrors).toHaveLength(1);
  expect(consoleErrors[0]).toContain(`[RocketChatPrechat] Error: ${named}`);
  expect(await standinRequests({ method: 'POST' })).toEqual([]);
});
