/**
 * "What happens when…" (README): every fault a browser and a network can produce, provoked for real — through
 * the stand-in's fault routes, Rocket.Chat's own rules and limiter, Playwright's offline mode and clock — and
 * checked by what the visitor sees and what went over the wire.
 */
import type { Page } from '@playwright/test';
import { fillPrechat, openPrechat, submitPrechat } from '../src/npm/testing.ts';
import {
  expect,
  hostUrl,
  injectFault,
  resetStandin,
  STANDIN_URL,
  standinRequests,
  standinState,
  test,
  visitorField,
} from './support/test.ts';

const VISITOR = '/api/v1/livechat/visitor';
const posts = () => standinRequests({ method: 'POST', path: VISITOR });

async function openAndFill(page: Page) {
  await openPrechat(page);
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
}
const startChat = (page: Page) => submitPrechat(page);
const connected = (page: Page) =>
  expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();

test.describe('400 answers (CONTRACT.md §1.7)', () => {
  test('missing required custom fields the form cannot show are named above the button', async ({ page }) => {
    // A required visitor field that is not public: config does not list it, registration demands it.
    await resetStandin({
      customFields: [
        visitorField('plan', 'Plan', { type: 'select', options: 'Free,Pro', required: true }),
        visitorField('crm_id', 'CRM id', { public: false, required: true }),
      ],
    });
    await page.goto(hostUrl('basic'));
    await openAndFill(page);
    await startChat(page);
    await expect(
      page.getByRole('alert').filter({ hasText: 'The chat server also needs: crm_id.' }),
    ).toBeVisible();
    await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
    expect((await posts())[0]?.status).toBe(400);
  });

  test('an invalid department is shown at the department field', async ({ page, events }) => {
    await injectFault({
      method: 'POST',
      path: VISITOR,
      status: 400,
      body: { success: false, error: 'error-invalid-department' },
    });
    await page.goto(hostUrl('basic'));
    await openAndFill(page);
    await page.getByLabel('Department').selectOption({ label: 'Sales' });
    await startChat(page);
    await expect(page.getByLabel('Department')).toHaveAccessibleDescription(
      'This department is not available. Please choose another one.',
    );
    await expect(page.getByLabel('Department')).toBeFocused();
    expect(await events.of('error')).toEqual([expect.objectContaining({ code: 'error-invalid-department' })]);
  });

  test('7.x invalid email is shown at the email field', async ({ page }) => {
    await injectFault({
      method: 'POST',
      path: VISITOR,
      status: 400,
      body: {
        success: false,
        error: 'Invalid email ada@example.com [error-invalid-email]',
        errorType: 'error-invalid-email',
        details: { function: 'Livechat.validateEmail', email: 'ada@example.com' },
      },
    });
    await page.goto(hostUrl('basic'));
    await openAndFill(page);
    await startChat(page);
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
      'Please enter a valid email address, like name@example.com.',
    );
  });

  test('any other server message is shown as text, above the button', async ({ page }) => {
    await injectFault({
      method: 'POST',
      path: VISITOR,
      status: 400,
      body: {
        success: false,
        error: 'Token cannot be empty [error-invalid-token]',
        errorType: 'error-invalid-token',
      },
    });
    await page.goto(hostUrl('basic'));
    await openAndFill(page);
    await startChat(page);
    await expect(
      page.getByText(
        'The chat service could not start your chat: Token cannot be empty [error-invalid-token]',
      ),
    ).toBeVisible();
  });
});

test('429 from the real limiter: the wait from the answer, then the button comes back by itself', async ({
  page,
}) => {
  await resetStandin({ settings: { API_Enable_Rate_Limiter: true } });
  // Use up this IP's 5 registrations a minute (the browser shares 127.0.0.1 with this test).
  for (let i = 0; i < 5; i++) {
    await fetch(`${STANDIN_URL}${VISITOR}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ visitor: { token: `burn-${i}` } }),
    });
  }
  await page.clock.install();
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await startChat(page);
  const message = page.getByText(/^Too many attempts — try again in \d+ s\.$/);
  await expect(message).toBeVisible();
  const seconds = Number(/in (\d+) s/.exec((await message.textContent()) ?? '')?.[1]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60);
  await expect(page.getByRole('button', { name: 'Start chat' })).toHaveAttribute('aria-disabled', 'true');
  await page.clock.fastForward((seconds + 1) * 1000);
  await expect(message).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start chat' })).not.toHaveAttribute('aria-disabled');
  const answered = await posts();
  expect(answered.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
});

test('5xx: retried with backoff, then "Try again" sends the same details', async ({ page, events }) => {
  await injectFault({
    method: 'POST',
    path: VISITOR,
    status: 503,
    body: '<html>Service Unavailable</html>',
    contentType: 'text/html',
    times: 3,
  });
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await startChat(page);
  await expect(page.getByText('Chat is unavailable right now. Please try again later.')).toBeVisible();
  expect((await posts()).map((r) => r.status)).toEqual([503, 503, 503]);
  await page.getByRole('button', { name: 'Try again' }).click();
  await connected(page);
  const sent = await posts();
  expect(sent.map((r) => r.status)).toEqual([503, 503, 503, 200]);
  expect(new Set(sent.map((r) => JSON.stringify(r.body))).size).toBe(1);
  expect(await events.of('registered')).toHaveLength(1);
});

test('a dropped connection is retried and the visitor never notices', async ({ page }) => {
  await injectFault({ method: 'POST', path: VISITOR, drop: true, times: 2 });
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await startChat(page);
  await connected(page);
  expect((await posts()).map((r) => r.status)).toEqual([null, null, 200]);
  expect((await standinState()).visitors).toHaveLength(1);
});

test('connection refused: a clear error, and "Try again" once the server is back', async ({ page }) => {
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  // Nothing listens on this port: every attempt is refused.
  await page.route(`${STANDIN_URL}${VISITOR}`, (route) => route.abort('connectionrefused'));
  await startChat(page);
  await expect(page.getByText('Chat is unavailable right now. Please try again later.')).toBeVisible({
    timeout: 15_000,
  });
  await page.unroute(`${STANDIN_URL}${VISITOR}`);
  await page.getByRole('button', { name: 'Try again' }).click();
  await connected(page);
});

test('no answer within 15 s: the request is aborted and retried', async ({ page }) => {
  await injectFault({ method: 'POST', path: VISITOR, delayMs: 60_000, times: 1 });
  await page.clock.install();
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await startChat(page);
  await expect(page.getByRole('button', { name: 'Starting chat…' })).toBeVisible();
  await expect.poll(async () => (await posts()).length).toBe(1); // the first request hangs
  await page.clock.fastForward(15_000); // the timeout aborts it…
  await page.clock.fastForward(2_000); // …and the retry goes out after its backoff
  await connected(page);
  expect(await posts()).toHaveLength(2);
  expect((await standinState()).visitors).toHaveLength(1);
});

test('offline: the submit waits, says so, and goes out when the browser is back online', async ({
  page,
  context,
}) => {
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await context.setOffline(true);
  await startChat(page);
  await expect(
    page.getByText('You are offline. Your details will be sent as soon as you are back online.'),
  ).toBeVisible();
  expect(await posts()).toHaveLength(0);
  await context.setOffline(false);
  await connected(page);
  expect(await posts()).toHaveLength(1);
});

test.describe('answers that are not the JSON of the contract', () => {
  for (const [what, body, contentType] of [
    ['an HTML error page', '<!doctype html><title>Oops</title><h1>Oops</h1>', 'text/html'],
    ['a truncated body', '{"visitor":{"_id":"abc","tok', 'application/json'],
    ['the wrong shape', '{"ok":true,"data":{"id":1}}', 'application/json'],
  ] as const) {
    test(`${what}: a clear error, never a crash or a blank panel`, async ({ page, consoleErrors }) => {
      await injectFault({ method: 'POST', path: VISITOR, status: 200, body, contentType });
      await page.goto(hostUrl('basic'));
      await openAndFill(page);
      await startChat(page);
      await expect(page.getByText(/sent an answer we could not understand/)).toBeVisible();
      await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
      expect(consoleErrors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    });
  }
});

test('CORS refused: the visitor reads chat is unavailable, the console names the setting', async ({
  page,
  consoleErrors,
}) => {
  await resetStandin({ settings: { API_Enable_CORS: false } });
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await startChat(page);
  await expect(page.getByText('Chat is unavailable right now. Please try again later.')).toBeVisible({
    timeout: 15_000,
  });
  expect(consoleErrors.join('\n')).toMatch(/Enable CORS.*API_Enable_CORS/);
  const preflights = await standinRequests({ method: 'OPTIONS', path: VISITOR });
  expect(preflights.map((r) => r.status)).toContain(405);
  expect(await posts()).toHaveLength(0);
});

test.describe('localStorage that cannot be used', () => {
  for (const [what, script] of [
    [
      'throws (blocked, private mode)',
      `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`,
    ],
    [
      'is full',
      `Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };`,
    ],
  ] as const) {
    test(`localStorage ${what}: the form works from memory and says so quietly`, async ({ page }) => {
      await page.addInitScript(script);
      await page.goto(hostUrl('basic'));
      await openAndFill(page);
      await expect(
        page.getByText('This device will not remember you after you leave the page.'),
      ).toBeVisible();
      await startChat(page);
      await connected(page);
      const sent = (await posts())[0]?.body as { visitor?: { token?: string } } | undefined;
      expect(sent?.visitor?.token).toMatch(/^[0-9a-f]{64}$/);
    });
  }

  test('a corrupt stored token is replaced by a fresh one', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('rocketchat-prechat:token', '{not a token}');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(hostUrl('basic'));
    await openAndFill(page);
    await startChat(page);
    await connected(page);
    const sent = (await posts())[0]?.body as { visitor?: { token?: string } } | undefined;
    expect(sent?.visitor?.token).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.evaluate(() => localStorage.getItem('rocketchat-prechat:token'))).toBe(
      sent?.visitor?.token,
    );
  });
});

test('double click, Enter held down, submit while pending: one request', async ({ page }) => {
  await injectFault({ method: 'POST', path: VISITOR, delayMs: 4000 });
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await page.getByRole('button', { name: 'Start chat' }).dblclick();
  await page.getByLabel('Name').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Starting chat…' }).click({ force: true });
  await page.getByRole('button', { name: 'Starting chat…' }).click({ force: true });
  await connected(page);
  expect(await posts()).toHaveLength(1);
});

test('reload while typing, and while submitting: values come back, still one visitor', async ({
  page,
  events,
}) => {
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await page.getByLabel('Company ID').fill('AC-1234');
  await page.reload();
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Plan')).toHaveValue('Pro');
  await expect(page.getByLabel('Company ID')).toHaveValue('AC-1234');

  // Reload while the registration is on its way (the server answers after the page is gone).
  await injectFault({ method: 'POST', path: VISITOR, delayMs: 1000 });
  await startChat(page);
  await expect(page.getByRole('button', { name: 'Starting chat…' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
  await startChat(page);
  await events.waitFor('room');
  // The request cut off by the reload may or may not have reached the server; whatever did carried the same token.
  const tokens = (await posts())
    .map((r) => (r.body as { visitor?: { token?: string } } | null)?.visitor?.token)
    .filter(Boolean);
  expect(tokens.length).toBeGreaterThanOrEqual(1);
  expect(new Set(tokens).size).toBe(1);
  expect((await standinState()).visitors).toHaveLength(1);
});

test('config unreachable: the launcher and the form still work, the department note says why', async ({
  page,
}) => {
  await injectFault({ method: 'GET', path: '/api/v1/livechat/config', drop: true, times: 3 });
  await page.goto(hostUrl('basic'));
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(
    page.getByText('We could not load the departments. You can still start a chat.'),
  ).toBeVisible();
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill('ada@example.com');
  await startChat(page);
  // Without the config the form does not know "plan" is required: Rocket.Chat only checks required fields
  // when customFields are sent, so the registration goes through.
  await connected(page);
});

test('a returning visitor the server no longer knows is registered again, then the room opens', async ({
  page,
  events,
}) => {
  await injectFault({
    method: 'GET',
    path: '/api/v1/livechat/room',
    status: 400,
    body: { success: false, error: 'invalid-token' },
  });
  await page.goto(hostUrl('basic'));
  await openAndFill(page);
  await startChat(page);
  await connected(page);
  expect(await posts()).toHaveLength(2);
  const rooms = await standinRequests({ method: 'GET', path: '/api/v1/livechat/room' });
  expect(rooms.map((r) => r.status)).toEqual([400, 200]);
  expect(await events.of('room')).toHaveLength(1);
});

test('widget.js unreachable (CDN down): one error event, the launcher stays, and a click once it is back opens the form', async ({
  page,
  events,
  consoleErrors,
}) => {
  let cdnDown = true;
  await page.route('**/widget/widget.js', (route) =>
    cdnDown ? route.abort('connectionrefused') : route.fallback(),
  );
  await page.goto(hostUrl('basic'));
  await events.waitFor('ready');
  // The idle mount could not load the form: said once, and the launcher is still there to try again.
  const { code, message } = await events.waitFor('error');
  expect(code).toBe('widget-load-failed');
  expect(message).toMatch(/could not load http:\/\/127\.0\.0\.1:5175\/widget\/widget\.js/);
  const launcher = page.getByRole('button', { name: 'Open chat' });
  await expect(launcher).toBeVisible();

  cdnDown = false;
  await launcher.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await startChat(page);
  await connected(page);
  expect(await events.of('error')).toHaveLength(1);
  // The browser's own lines for the refused requests (the preload and the script), and ours, once.
  expect(consoleErrors.filter((line) => line.startsWith('[RocketChatPrechat]'))).toHaveLength(1);
});
