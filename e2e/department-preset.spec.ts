/**
 * A preset department given by its name behaves exactly like its `_id`. Rocket.Chat answers GET livechat/config
 * about one department's agents and looks that department up by `_id` only, so a name (the README's own example)
 * must be asked about again by its `_id` — and an `_id` preset must cost no second request.
 */
import type { Page } from '@playwright/test';
import { fillPrechat } from '../src/npm/testing.ts';
import {
  defaultFixture,
  expect,
  hostUrl,
  resetStandin,
  type StandinRequest,
  standinRequests,
  test,
} from './support/test.ts';

const CONFIG = '/api/v1/livechat/config';
const VISITOR = '/api/v1/livechat/visitor';
const withOptions = (options: Record<string, unknown>) =>
  hostUrl('options', `?options=${encodeURIComponent(JSON.stringify(options))}`);
/** The `department` each GET livechat/config asked about, in order (null: the whole server). */
const configAsked = async () =>
  (await standinRequests({ method: 'GET', path: CONFIG })).map(
    (request: StandinRequest) => (request.query.department as string | undefined) ?? null,
  );
const openChat = (page: Page) => page.getByRole('button', { name: 'Open chat' }).click();
/** The `department` of the first registration that went over the wire. */
const postedDepartment = async () => {
  const [post] = await standinRequests({ method: 'POST', path: VISITOR });
  return (post?.body as { visitor?: { department?: unknown } } | undefined)?.visitor?.department;
};

async function registerAndReadDepartment(page: Page): Promise<unknown> {
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
  return postedDepartment();
}

for (const [embed, url] of [
  ['script tag (init option)', withOptions({ department: 'Support' })],
  ['data attribute', hostUrl('department-attribute')],
] as const) {
  test(`by name through the ${embed}: the form shows, Support is pre-selected and registered by _id`, async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(url);
    await openChat(page);
    await expect(page.getByLabel('Department')).toHaveValue('dept-support');
    await expect(page.getByText(/available right now/)).toHaveCount(0);
    // The loader asks with the name (Rocket.Chat: "offline"), the form asks once more by _id.
    expect(await configAsked()).toEqual(['Support', 'dept-support']);
    expect(await registerAndReadDepartment(page)).toBe('dept-support');
    expect(consoleErrors).toEqual([]);
  });
}

test('by _id: one config request, the form shows with the department pre-selected', async ({ page }) => {
  await page.goto(withOptions({ department: 'dept-support' }));
  await openChat(page);
  await expect(page.getByLabel('Department')).toHaveValue('dept-support');
  expect(await configAsked()).toEqual(['dept-support']);
  expect(await registerAndReadDepartment(page)).toBe('dept-support');
});

test('by the name of a department nobody is online for (no offline form): that department is named, not "no agents" in general', async ({
  page,
}) => {
  const fixture = defaultFixture();
  await resetStandin({
    settings: { Livechat_display_offline_form: false },
    departments: fixture.departments?.map((department) =>
      department._id === 'dept-sales' ? { ...department, agentsOnline: false } : department,
    ),
  });
  await page.goto(withOptions({ department: 'Sales' }));
  await openChat(page);
  await expect(
    page.getByText('No one from Sales is available right now. Please come back later.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start chat' })).toHaveCount(0);
  expect(await configAsked()).toEqual(['Sales', 'dept-sales']);
  // Agents of Sales come back: "Check again" asks about Sales again, and the form appears.
  await resetStandin();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByLabel('Department')).toHaveValue('dept-sales');
  expect(await configAsked()).toEqual(['dept-sales']);
});

test('an unknown preset: one console warning naming it, agents looked for on the whole server, sent as given', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(withOptions({ department: 'No Such Department' }));
  await openChat(page);
  await expect(page.getByLabel('Name')).toBeVisible();
  expect(await configAsked()).toEqual(['No Such Department', null]);
  expect(warnings.filter((text) => text.includes('No Such Department'))).toEqual([
    expect.stringContaining(
      '[RocketChatPrechat] department "No Such Department" is not among this server\'s departments ("Sales" (dept-sales), "Support" (dept-support), "Billing" (dept-billing))',
    ),
  ]);
  // Sent as given: Rocket.Chat refuses a department it does not know, at the Department field's place.
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByLabel('Department')).toHaveAccessibleDescription(
    'This department is not available. Please choose another one.',
  );
  expect(await postedDepartment()).toBe('No Such Department');
  // The visitor picks one, and the chat starts.
  await page.getByLabel('Department').selectOption({ label: 'Sales' });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
});
