/**
 * What site owners reach for: prefill modes, known visitors who are not asked again, getVisitor, provable
 * consent. (The hand-off to Rocket.Chat's own Livechat widget has its own spec, with the real widget: handoff.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { fillPrechat } from '../src/npm/testing.ts';
import {
  expect,
  hostUrl,
  resetStandin,
  standinRequests,
  standinState,
  test,
  visitorField,
} from './support/test.ts';

const VISITOR = '/api/v1/livechat/visitor';
const page_ = (options: Record<string, unknown> = {}, prefill?: Record<string, unknown>) =>
  hostUrl(
    'options',
    `?options=${encodeURIComponent(JSON.stringify(options))}${prefill ? `&prefill=${encodeURIComponent(JSON.stringify(prefill))}` : ''}`,
  );
const posts = () => standinRequests({ method: 'POST', path: VISITOR });
const openChat = (page: Page) => page.getByRole('button', { name: 'Open chat' }).click();
const visitorOf = (body: unknown) => (body as { visitor: Record<string, unknown> }).visitor;

test('prefill modes: readonly is shown and locked, hidden is sent but not shown', async ({
  page,
  events,
}) => {
  await page.goto(
    page_(
      {},
      {
        name: { value: 'Ada Lovelace', mode: 'readonly' },
        email: { value: 'ada@example.com', mode: 'hidden' },
        phone: '+1 201 555 0123',
        customFields: { company_id: { value: 'AC-1234', mode: 'hidden' } },
      },
    ),
  );
  await openChat(page);
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Name')).not.toBeEditable();
  await expect(page.getByLabel('Email')).toHaveCount(0);
  await expect(page.getByLabel('Company ID')).toHaveCount(0);
  await expect(page.getByLabel('Phone')).toBeEditable();
  await page.getByLabel('Phone').fill('+44 20 7946 0958');
  await page.getByLabel('Plan').selectOption('Pro');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await events.waitFor('room');
  expect(visitorOf((await posts())[0]?.body)).toMatchObject({
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+442079460958',
    customFields: [
      { key: 'company_id', value: 'AC-1234', overwrite: true },
      { key: 'plan', value: 'Pro', overwrite: true },
    ],
  });
});

test('every required field known from prefill: no form, straight to the room', async ({ page, events }) => {
  await page.goto(
    page_(
      {},
      {
        name: 'Ada Lovelace',
        email: { value: 'ada@example.com', mode: 'hidden' },
        customFields: { plan: 'Pro' },
      },
    ),
  );
  await openChat(page);
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start chat' })).toHaveCount(0);
  expect(await posts()).toHaveLength(1);
  expect(await events.names()).toEqual(['ready', 'open', 'submit', 'registered', 'room']);
});

test('a returning visitor the server knows (config.guest) is recognised and goes straight to the room', async ({
  page,
  events,
}) => {
  await resetStandin({ customFields: [] }); // nothing required beyond name and email
  await page.goto(hostUrl('basic'));
  await openChat(page);
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com' });
  await page.getByRole('button', { name: 'Start chat' }).click();
  const first = await events.waitFor('room');

  await page.reload();
  await openChat(page);
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
  const again = await events.waitFor('room');
  expect(again).toMatchObject({
    token: first.token,
    newRoom: false,
    room: { _id: (first.room as { _id: string })._id },
  });
  expect(await posts()).toHaveLength(1); // recognised: no second registration
  expect((await standinState()).visitors).toHaveLength(1);
});

test('getVisitor lets the host read the token and the visitor', async ({ page, events }) => {
  await page.goto(hostUrl('basic'));
  await events.waitFor('ready');
  const getVisitor = () =>
    page.evaluate(
      () =>
        new Promise<{ token: string | null; visitor: unknown }>((resolve) =>
          window.RocketChatPrechat?.('getVisitor', resolve),
        ),
    );
  expect(await getVisitor()).toEqual({ token: null, visitor: null });

  await openChat(page);
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', customFields: { Plan: 'Pro' } });
  await page.getByRole('button', { name: 'Start chat' }).click();
  const { token } = await events.waitFor('registered');
  expect(await getVisitor()).toMatchObject({
    token,
    visitor: { token, name: 'Ada Lovelace', username: expect.stringMatching(/^guest-/) },
  });

  await page.reload();
  await events.waitFor('ready');
  // After a reload the server's config.guest answers for the stored token.
  expect(await getVisitor()).toMatchObject({ token, visitor: { token, name: 'Ada Lovelace' } });
});

const CONSENT_FIELDS = [
  visitorField('plan', 'Plan', { type: 'select', options: 'Free,Pro' }),
  // Not public: the form does not show them, registration stores them.
  visitorField('consent_version', 'Consent version', { public: false }),
  visitorField('consent_at', 'Consent given at', { public: false }),
];

test('consent: unticked by default, required, and recorded as custom fields in the one request', async ({
  page,
  events,
}) => {
  await resetStandin({ customFields: CONSENT_FIELDS });
  await page.goto(
    page_({
      consent: {
        text: 'I accept the [privacy policy](https://example.com/privacy), not [this](javascript:alert(1)).',
        version: '2026-11',
      },
    }),
  );
  await openChat(page);
  const checkbox = page.getByRole('checkbox', { name: /I accept the privacy policy/ });
  await expect(checkbox).not.toBeChecked();
  await expect(page.getByRole('link', { name: 'privacy policy' })).toHaveAttribute(
    'href',
    'https://example.com/privacy',
  );
  await expect(page.getByRole('link', { name: 'this' })).toHaveCount(0); // not an http(s) link: plain text
  await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com' });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(checkbox).toHaveAccessibleDescription('Please accept this to start the chat.');
  expect(await posts()).toHaveLength(0);

  await checkbox.check();
  const before = Date.now();
  await page.getByRole('button', { name: 'Start chat' }).click();
  await events.waitFor('room');
  const sent = visitorOf((await posts())[0]?.body).customFields as { key: string; value: string }[];
  expect(sent.find((f) => f.key === 'consent_version')?.value).toBe('2026-11');
  const at = Date.parse(sent.find((f) => f.key === 'consent_at')?.value ?? '');
  expect(at).toBeGreaterThanOrEqual(before - 60_000);
  expect(at).toBeLessThanOrEqual(Date.now() + 60_000);
  expect((await standinState()).visitors[0]).toMatchObject({
    livechatData: { consent_version: '2026-11', consent_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
  });
});

test("consent forced by the server's setting shows the server's text", async ({ page }) => {
  await resetStandin({
    customFields: CONSENT_FIELDS,
    settings: {
      Livechat_force_accept_data_processing_consent: true,
      Livechat_data_processing_consent_text: 'We store your chat to help you. See https://example.com/gdpr',
    },
  });
  await page.goto(hostUrl('basic'));
  await openChat(page);
  await expect(page.getByRole('checkbox', { name: /We store your chat to help you/ })).not.toBeChecked();
  await expect(page.getByRole('link', { name: 'https://example.com/gdpr' })).toBeVisible();
});
