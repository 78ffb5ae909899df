import type { Page } from '@playwright/test';
import { fillPrechat } from '../src/npm/testing.ts';
import { expect, hostUrl, resetStandin, standinRequests, standinState, test } from './support/test.ts';

const VISITOR = '/api/v1/livechat/visitor';

async function openForm(page: Page) {
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('dialog', { name: 'Rocket.Chat' })).toBeVisible();
}

// Our own tests use the helpers site owners get from `rocketchat-prechat/testing`.
async function fillForm(page: Page) {
  await fillPrechat(page, {
    name: 'Ada Lovelace',
    email: 'Ada@Example.com',
    phone: '+1 201 555 0123',
    department: 'Support',
    customFields: { Plan: 'Pro', 'Company ID': 'AC-1234' },
  });
}

const storedToken = (page: Page) => page.evaluate(() => localStorage.getItem('rocketchat-prechat:token'));

test('open, fill, submit: one POST carries every field and the stored token, then the room opens', async ({
  page,
  events,
  consoleErrors,
}) => {
  await page.goto(hostUrl('basic'));
  await events.waitFor('ready');
  await openForm(page);
  await fillForm(page);
  await page.getByRole('button', { name: 'Start chat' }).click();

  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
  const token = await storedToken(page);
  expect(token).toMatch(/^[0-9a-f]{64}$/);

  const posts = await standinRequests({ method: 'POST', path: VISITOR });
  expect(posts).toHaveLength(1);
  expect(posts[0]?.body).toEqual({
    visitor: {
      token,
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      phone: '+12015550123',
      department: 'dept-support',
      customFields: [
        { key: 'plan', value: 'Pro', overwrite: true },
        { key: 'company_id', value: 'AC-1234', overwrite: true },
      ],
    },
  });
  expect(posts[0]?.headers.origin).toBe('http://127.0.0.1:5174');

  const registered = await events.waitFor('registered');
  expect(registered.token).toBe(token);
  const room = await events.waitFor('room');
  expect(room).toMatchObject({ token, newRoom: true, room: { t: 'l', v: { token } } });

  const state = await standinState();
  expect(state.visitors).toHaveLength(1);
  expect(state.visitors[0]).toMatchObject({
    token,
    visitorEmails: [{ address: 'ada@example.com' }],
    department: 'dept-support',
    livechatData: { plan: 'Pro', company_id: 'AC-1234' },
  });
  expect(state.rooms).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
});

test('a returning visitor keeps the same token: no second visitor after a reload', async ({
  page,
  events,
}) => {
  await page.goto(hostUrl('basic'));
  await openForm(page);
  await fillForm(page);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await events.waitFor('room');
  const token = await storedToken(page);

  await page.reload();
  await events.waitFor('ready');
  // The loader's config request names the stored token, so Rocket.Chat recognises the visitor.
  const configs = await standinRequests({ method: 'GET', path: '/api/v1/livechat/config' });
  expect(configs.at(-1)?.query.token).toBe(token);
  await openForm(page);
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace'); // config.guest pre-fills the form
  await page.getByLabel('Plan').selectOption('Free');
  await page.getByRole('button', { name: 'Start chat' }).click();
  const room = await events.waitFor('room');
  expect(room).toMatchObject({ token, newRoom: false });

  const posts = await standinRequests({ method: 'POST', path: VISITOR });
  expect(posts.map((post) => (post.body as { visitor: { token: string } }).visitor.token)).toEqual([
    token,
    token,
  ]);
  expect((await standinState()).visitors).toHaveLength(1);
});

test('the form bundle loads on demand, the phone metadata only when the phone field is used', async ({
  page,
}) => {
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/widget/')) loaded.push(new URL(request.url()).pathname);
  });
  await page.goto(hostUrl('basic'));
  await openForm(page);
  expect(loaded).toContain('/widget/widget.js');
  expect(loaded).not.toContain('/widget/phone.js');
  await page.getByLabel('Phone').focus();
  await expect.poll(() => loaded).toContain('/widget/phone.js');
});

test('with the optional preload tag, widget.js is fetched once, with the page, and the form works as without it', async ({
  page,
  consoleErrors,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/widget/widget.js')) fetched.push(request.url());
  });
  await page.goto(hostUrl('preload'));
  await openForm(page);
  await fillForm(page);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
  // The loader's own preload and script tag reuse the page's download.
  expect(fetched).toHaveLength(1);
  expect(await standinRequests({ method: 'POST', path: VISITOR })).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
});

test('errors show at the fields and nothing is sent; fixing them sends', async ({ page, events }) => {
  await page.goto(hostUrl('basic'));
  await openForm(page);
  await page.getByLabel('Email').fill('not an email');
  await page.getByLabel('Phone').fill('12');
  await page.getByLabel('Company ID').fill('acme');
  await page.getByRole('button', { name: 'Start chat' }).click();

  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Name')).toBeFocused();
  await expect(page.getByText('Please enter a valid email address, like name@example.com.')).toBeVisible();
  await expect(page.getByText(/Please enter a valid phone number/)).toBeVisible();
  await expect(page.getByText('Company ID is not in the expected format.')).toBeVisible();
  await expect(page.getByText('Please choose Plan.')).toBeVisible();
  expect(await standinRequests({ method: 'POST', path: VISITOR })).toHaveLength(0);

  await fillForm(page);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await events.waitFor('room');
});

test('no agent online, no offline form: the room request gets its own clear message', async ({
  page,
  events,
}) => {
  const noOfflineForm = { Livechat_display_offline_form: false };
  await resetStandin({
    agentsOnline: false,
    settings: { ...noOfflineForm, Livechat_accept_chats_with_no_agents: true },
  });
  await page.goto(hostUrl('basic'));
  await openForm(page);
  // The server says online (accept-with-no-agents) ... then turns it off before the room is asked for.
  await resetStandin({ agentsOnline: false, settings: noOfflineForm });
  await fillForm(page);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByText(/All our agents are offline right now/)).toBeVisible();
  expect(await events.of('error')).toEqual([expect.objectContaining({ code: 'no-agent-online' })]);
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
});

test('agents unavailable (no offline form) is said before the visitor types anything', async ({ page }) => {
  await resetStandin({ agentsOnline: false, settings: { Livechat_display_offline_form: false } });
  await page.goto(hostUrl('basic'));
  await openForm(page);
  await expect(page.getByText('No agents are available right now. Please come back later.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveCount(0);
});

test('a disabled livechat never shows a launcher', async ({ page, events }) => {
  await resetStandin({ settings: { Livechat_enabled: false } });
  await page.goto(hostUrl('basic'));
  await events.waitFor('error');
  await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
  await expect(page.locator('[data-rocketchat-prechat]')).toHaveCount(0);
});

test('Escape closes the panel and gives focus back to the launcher', async ({ page, events }) => {
  await page.goto(hostUrl('basic'));
  await openForm(page);
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Open chat' })).toHaveAttribute('aria-expanded', 'false');
  expect(await events.names()).toEqual(['ready', 'open', 'close']);
});

test('the snippet twice and init twice give one widget', async ({ page, events }) => {
  await page.goto(hostUrl('double'));
  await events.waitFor('ready');
  await expect(page.locator('[data-rocketchat-prechat]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(1);
  await openForm(page);
  await expect(page.getByRole('dialog')).toHaveCount(1);
});

test('inline mode renders the form in the container, with no launcher', async ({ page, events }) => {
  await page.goto(hostUrl('inline'));
  await events.waitFor('ready');
  const container = page.locator('#chat-form');
  await expect(container.getByRole('region', { name: 'Rocket.Chat' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
  await fillForm(page);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await events.waitFor('room');
  // The form sits in the page flow: the content after it comes below it.
  const formBox = await container.boundingBox();
  const afterBox = await page.locator('#after-form').boundingBox();
  expect(afterBox?.y).toBeGreaterThanOrEqual((formBox?.y ?? 0) + (formBox?.height ?? 0));
});

test('attributes alone (no inline script) configure the widget', async ({ page, events }) => {
  await page.goto(hostUrl('attributes'));
  await events.waitFor('ready');
  await openForm(page);
  await fillForm(page);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await events.waitFor('room');
});

/** Computed styles of the widget's parts, for comparing two host pages. */
async function widgetLook(page: Page) {
  return page.evaluate(async () => {
    const root = document.querySelector('[data-rocketchat-prechat]')?.shadowRoot;
    // The panel slides in; measure where it comes to rest.
    await Promise.all(
      root
        ?.querySelector('.rcp-panel')
        ?.getAnimations()
        .map((a) => a.finished) ?? [],
    );
    const panelBox = root?.querySelector('.rcp-panel')?.getBoundingClientRect();
    const pick = (selector: string) => {
      const element = root?.querySelector(selector);
      if (!element || !panelBox) return null;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        fontSize: style.fontSize,
        fontFamily: style.fontFamily,
        color: style.color,
        background: style.backgroundColor,
        display: style.display,
        direction: style.direction,
        padding: style.padding,
        border: style.borderTopWidth,
        // Fixed-position offsets as computed, and every part's box relative to the panel: viewport
        // measures differ with the host page's scrollbars, which are not ours.
        right: style.right,
        bottom: style.bottom,
        width: Math.round(box.width),
        height: Math.round(box.height),
        x: Math.round(box.x - panelBox.x),
        y: Math.round(box.y - panelBox.y),
      };
    };
    return {
      launcher: pick('.rcp-launcher'),
      panel: pick('.rcp-panel'),
      title: pick('.rcp-title'),
      label: pick('.rcp-label'),
      input: pick('.rcp-input'),
      button: pick('.rcp-button'),
    };
  });
}

test('hostile host-page CSS leaves the form looking exactly the same', async ({ page }) => {
  await page.goto(hostUrl('basic'));
  await openForm(page);
  const normal = await widgetLook(page);
  expect(normal.input?.fontSize).toBe('16px');

  await page.goto(hostUrl('hostile'));
  await openForm(page);
  const hostile = await widgetLook(page);
  expect(hostile).toEqual(normal);
});
