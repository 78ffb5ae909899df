/**
 * No visitor turned away: when nobody is online (on the whole server, in the preset department or in the one the
 * visitor picks), the visitor leaves a message on the offline form — POST livechat/offline.message, answered by
 * the stand-in as Rocket.Chat answers it (its settings, its one-per-5-s limit, its one failure text). The built
 * bundle on the host page, the stand-in on its own origin: CORS is real.
 */
import type { Page } from '@playwright/test';
import { fillPrechat, openPrechat, sendOfflineMessage } from '../src/npm/testing.ts';
import {
  defaultFixture,
  expect,
  hostUrl,
  injectFault,
  resetStandin,
  standinRequests,
  standinState,
  test,
} from './support/test.ts';

const OFFLINE = '/api/v1/livechat/offline.message';
const VISITOR = '/api/v1/livechat/visitor';
const withOptions = (options: Record<string, unknown>) =>
  hostUrl('options', `?options=${encodeURIComponent(JSON.stringify(options))}`);
const dialog = (page: Page) => page.getByRole('dialog');
const sendButton = (page: Page) => page.getByRole('button', { name: 'Send message' });

/** The default fixture with one department's agents away. */
const departmentAway = (id: string) => ({
  departments: defaultFixture().departments?.map((department) =>
    department._id === id ? { ...department, agentsOnline: false } : department,
  ),
});

test('server offline: the offline form with the admin’s title, colour and instructions; one message sent', async ({
  page,
  events,
  consoleErrors,
}) => {
  await resetStandin({
    agentsOnline: false,
    settings: {
      Livechat_offline_title: 'Write to us',
      Livechat_offline_title_color: '#004d40',
      Livechat_offline_message: 'We answer within one working day.',
      Livechat_offline_success_message: 'Thanks, we will write back soon.',
    },
  });
  await page.goto(hostUrl('basic'));
  await openPrechat(page);
  await expect(dialog(page).getByRole('heading', { name: 'Write to us' })).toBeVisible();
  await expect(dialog(page).getByText('No one is available to chat right now.')).toBeVisible();
  await expect(dialog(page).getByText('We answer within one working day.')).toBeVisible();
  const header = dialog(page).locator('.rcp-header');
  await expect(header).toHaveCSS('background-color', 'rgb(0, 77, 64)');
  // Only the departments shown on the offline form; no phone, no custom fields (offline.message has no slot).
  await expect(page.getByLabel('Phone')).toHaveCount(0);
  await expect(page.getByLabel('Plan')).toHaveCount(0);

  await fillPrechat(page, {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    department: 'Sales',
    message: 'Do you ship to Norway?',
  });
  // A double click is still one message.
  await sendButton(page).dblclick();
  await expect(dialog(page).getByRole('heading', { name: 'Message sent' })).toBeVisible();
  await expect(dialog(page).getByText('Thanks, we will write back soon.')).toBeVisible();

  const posts = await standinRequests({ method: 'POST', path: OFFLINE });
  expect(posts).toHaveLength(1);
  expect(posts[0]?.body).toEqual({
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    message: 'Do you ship to Norway?',
    department: 'dept-sales',
    host: 'http://127.0.0.1:5174',
  });
  expect(posts[0]?.headers.origin).toBe('http://127.0.0.1:5174');
  const { offlineMessages } = await standinState();
  expect(offlineMessages).toEqual([
    expect.objectContaining({
      name: 'Ada Lovelace',
      message: 'Do you ship to Norway?',
      to: 'support@example.com',
    }),
  ]);
  expect(await events.of('offline-message')).toEqual([posts[0]?.body]);
  // Nobody to chat with: no registration, no room.
  expect(await standinRequests({ method: 'POST', path: VISITOR })).toHaveLength(0);
  expect(consoleErrors).toEqual([]);
});

test('preset department offline (by name): its offline form, named, the message sent to it', async ({
  page,
}) => {
  await resetStandin(departmentAway('dept-sales'));
  await page.goto(withOptions({ department: 'Sales' }));
  await openPrechat(page);
  await expect(dialog(page).getByText('No one from Sales is available right now.')).toBeVisible();
  await expect(page.getByLabel('Department')).toHaveValue('dept-sales');
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', message: 'A quote, please.' });
  await sendOfflineMessage(page);
  const [post] = await standinRequests({ method: 'POST', path: OFFLINE });
  expect(post?.body).toMatchObject({ department: 'dept-sales', message: 'A quote, please.' });
});

test('unknown preset with nobody online: one warning naming it, the offline form for the whole server', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await resetStandin({ agentsOnline: false });
  await page.goto(withOptions({ department: 'No Such Department' }));
  await openPrechat(page);
  await expect(dialog(page).getByText('No one is available to chat right now.')).toBeVisible();
  expect(warnings.filter((text) => text.includes('"No Such Department"'))).toHaveLength(1);
});

test('picked department offline: said before submit, asked once per department, values carried', async ({
  page,
}) => {
  await resetStandin(departmentAway('dept-sales'));
  await page.goto(hostUrl('basic'));
  await openPrechat(page);
  await fillPrechat(page, {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+1 201 555 0123',
    customFields: { Plan: 'Pro' },
    message: 'Bulk pricing?',
  });
  await page.getByLabel('Department').selectOption({ label: 'Sales' });
  const notice = dialog(page).getByText('No one from Sales is available right now.');
  await expect(notice).toBeVisible();
  await page.getByLabel('Department').selectOption({ label: 'Support' });
  await expect(notice).toHaveCount(0);
  await page.getByLabel('Department').selectOption({ label: 'Sales' });
  await expect(notice).toBeVisible();
  const asked = (await standinRequests({ method: 'GET', path: '/api/v1/livechat/config' })).map(
    (request) => request.query.department ?? null,
  );
  expect(asked).toEqual([null, 'dept-sales', 'dept-support']);

  await dialog(page).getByRole('button', { name: 'Leave a message' }).click();
  await expect(sendButton(page)).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Email')).toHaveValue('ada@example.com');
  await expect(page.getByLabel('Department')).toHaveValue('dept-sales');
  await expect(page.getByLabel('How can we help?')).toHaveValue('Bulk pricing?');
  // Back: the chat form still has the phone and the plan, which the offline form has no place for.
  await dialog(page).getByRole('button', { name: 'Back to the chat form' }).click();
  await expect(page.getByLabel('Phone')).toHaveValue('+1 201 555 0123');
  await expect(page.getByLabel('Plan')).toHaveValue('Pro');
});

test('no-agent-online after the chat form: the offline form, nothing typed twice', async ({
  page,
  events,
}) => {
  // Online when the form loads (accept chats with no agents), then not when the room is asked for.
  await resetStandin({ agentsOnline: false, settings: { Livechat_accept_chats_with_no_agents: true } });
  await page.goto(hostUrl('basic'));
  await openPrechat(page);
  await resetStandin({ agentsOnline: false });
  await fillPrechat(page, {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    department: 'Support',
    customFields: { Plan: 'Pro' },
    message: 'My order #42 is late.',
  });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(
    dialog(page).getByText(/The chat could not start: no one is available right now/),
  ).toBeVisible();
  expect(await events.of('error')).toEqual([expect.objectContaining({ code: 'no-agent-online' })]);
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Email')).toHaveValue('ada@example.com');
  await expect(page.getByLabel('Department')).toHaveValue('dept-support');
  await expect(page.getByLabel('How can we help?')).toHaveValue('My order #42 is late.');
  await sendOfflineMessage(page);
  const [post] = await standinRequests({ method: 'POST', path: OFFLINE });
  expect(post?.body).toMatchObject({ department: 'dept-support', message: 'My order #42 is late.' });
});

test('offline form switched off: the server’s unavailable text, and "Check again" finds agents back', async ({
  page,
}) => {
  await resetStandin({
    agentsOnline: false,
    settings: {
      Livechat_display_offline_form: false,
      Livechat_offline_form_unavailable: 'Closed for the holidays.',
    },
  });
  await page.goto(hostUrl('basic'));
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(dialog(page).getByText('Closed for the holidays.')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await resetStandin();
  await dialog(page).getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
});

test('Rocket.Chat’s one-per-5-s limit: 429 with the wait shown, the text kept, then sent', async ({
  page,
  browser,
}) => {
  await resetStandin({ agentsOnline: false, settings: { API_Enable_Rate_Limiter: true } });
  // Another visitor behind the same address sends first.
  const other = await browser.newPage();
  await other.goto(hostUrl('basic'));
  await openPrechat(other);
  await page.goto(hostUrl('basic'));
  await openPrechat(page);
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', message: 'Still there?' });
  await fillPrechat(other, { name: 'Bob', email: 'bob@example.com', message: 'Hello' });
  await sendOfflineMessage(other);
  await other.close();

  await sendButton(page).click();
  await expect(dialog(page).getByText(/Too many attempts — try again in \d s\./)).toBeVisible();
  await expect(sendButton(page)).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByLabel('How can we help?')).toHaveValue('Still there?');
  // The wait runs out, the button comes back by itself.
  await expect(sendButton(page)).not.toHaveAttribute('aria-disabled', 'true', { timeout: 10_000 });
  await sendOfflineMessage(page);
  const sent = (await standinRequests({ method: 'POST', path: OFFLINE })).map((r) => r.status);
  expect(sent).toEqual([200, 429, 200]);
});

test('faults: a 503 is retried once past the limiter’s window; a reload keeps the draft', async ({
  page,
}) => {
  await resetStandin({ agentsOnline: false });
  await page.goto(hostUrl('basic'));
  await openPrechat(page);
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', message: 'Draft survives' });
  await page.reload();
  await openPrechat(page);
  await expect(page.getByLabel('How can we help?')).toHaveValue('Draft survives');
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');

  await injectFault({ method: 'POST', path: OFFLINE, times: 1, status: 503, body: { error: 'busy' } });
  await sendOfflineMessage(page, { timeout: 15_000 });
  const statuses = (await standinRequests({ method: 'POST', path: OFFLINE })).map((r) => r.status);
  expect(statuses).toEqual([503, 200]);
  expect((await standinState()).offlineMessages).toHaveLength(1);
});

test('Rocket.Chat’s default (no offline address): its failure in plain words, the text kept, the error event', async ({
  page,
  events,
}) => {
  await resetStandin({ agentsOnline: false, settings: { Livechat_offline_email: '' } });
  await page.goto(hostUrl('basic'));
  await openPrechat(page);
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', message: 'Anyone?' });
  await sendButton(page).click();
  await expect(
    dialog(page).getByText('We could not send your message. Please try again later.'),
  ).toBeVisible();
  await expect(page.getByLabel('How can we help?')).toHaveValue('Anyone?');
  expect(await events.of('error')).toEqual([expect.objectContaining({ code: 'offline-message-failed' })]);
});

test('the offline form with the keyboard alone', async ({ page }) => {
  await resetStandin({ agentsOnline: false });
  await page.goto(hostUrl('basic'));
  await page.getByRole('button', { name: 'Open chat' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Ada Lovelace');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ada@example.com');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Department')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Typed, never clicked.');
  await page.keyboard.press('Tab');
  await expect(sendButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  // Focus follows to the confirmation.
  await expect(dialog(page).getByRole('heading', { name: 'Message sent' })).toBeFocused();
});
