/**
 * The testing helpers as a site's own Playwright suite uses them (type-checked only).
 */
import type { Page } from '@playwright/test';
import {
  expectPrechatConnected,
  fillPrechat,
  openPrechat,
  type PrechatFillValues,
  submitPrechat,
} from 'rocketchat-prechat/testing';

export async function startChat(page: Page): Promise<void> {
  await openPrechat(page);
  const values: PrechatFillValues = { name: 'Ada', department: 'Support', customFields: { Plan: 'Pro' } };
  await fillPrechat(page, values);
  await submitPrechat(page, { labels: { submit: 'Chat starten' } });
  await expectPrechatConnected(page.locator('main'), { timeout: 5000 });
  // @ts-expect-error custom field values are strings
  await fillPrechat(page, { customFields: { Plan: 3 } });
  // @ts-expect-error a page, frame or locator, not a string
  await submitPrechat('page');
}
