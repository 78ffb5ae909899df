/**
 * `rocketchat-prechat/testing`: Playwright helpers for a site's own end-to-end tests. They find everything by
 * role and accessible label, as a visitor (or a screen reader) does; Playwright's locators pierce the form's
 * open shadow root, so no test id is needed.
 *
 * ```ts
 * import { fillPrechat, openPrechat, submitPrechat } from 'rocketchat-prechat/testing';
 * await openPrechat(page);
 * await fillPrechat(page, { name: 'Ada Lovelace', email: 'ada@example.com', department: 'Support' });
 * await submitPrechat(page);
 * ```
 *
 * Only types come from `@playwright/test` (an optional peer dependency): this module imports nothing at run time.
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';

/** Where to look: a page, or a frame or element that contains the form. */
export type PrechatScope = Page | FrameLocator | Locator;

/**
 * The labels the helpers look for. Pass the same `labels` you gave the form (catalog keys, see the `labels`
 * option), or the strings of the form's language. Missing keys fall back to English.
 */
export interface PrechatTestLabels {
  openChat?: string;
  nameLabel?: string;
  emailLabel?: string;
  phoneLabel?: string;
  departmentLabel?: string;
  messageLabel?: string;
  submit?: string;
  /** The offline form's button (shown instead of the chat form when nobody is online). */
  offlineSubmit?: string;
  connectedTitle?: string;
  registeredTitle?: string;
  offlineSentTitle?: string;
}

/** What `fillPrechat` fills in. Fields left out are not touched. */
export interface PrechatFillValues {
  name?: string;
  email?: string;
  phone?: string;
  /** The department's name as shown, or its `_id`. */
  department?: string;
  /** By the field's visible label: `{ Plan: 'Pro', 'Company ID': 'AC-1234' }`. A select is chosen by option label or value. */
  customFields?: Record<string, string>;
  /** The visitor's question ("How can we help?"); on the offline form, the message. */
  message?: string;
  /** Tick (true) or untick (false) the consent checkbox. */
  consent?: boolean;
}

export interface PrechatHelperOptions {
  labels?: PrechatTestLabels;
}

const EN = {
  openChat: 'Open chat',
  nameLabel: 'Name',
  emailLabel: 'Email',
  phoneLabel: 'Phone',
  departmentLabel: 'Department',
  messageLabel: 'How can we help?',
  submit: 'Start chat',
  offlineSubmit: 'Send message',
  connectedTitle: 'You are connected',
  registeredTitle: 'Thank you',
  offlineSentTitle: 'Message sent',
} satisfies Required<PrechatTestLabels>;

const label = (key: keyof PrechatTestLabels, options?: PrechatHelperOptions) =>
  options?.labels?.[key] ?? EN[key];

/**
 * The whole label, optionally followed by the required star: getByLabel matches the label's text, star included
 * (it is hidden from the accessible name only), and a substring match would let "Name" find "Company name".
 */
function labelPattern(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`);
}

/** Fills a text field, or chooses in a select (by option label or value). */
async function setField(field: Locator, value: string): Promise<void> {
  const tag = await field.evaluate((element) => element.tagName);
  if (tag === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}

/**
 * Opens the form behind the launcher (the script-tag embed) and waits for it: the chat form, or the offline
 * form when nobody is online. An inline form (`container`, or `<PrechatForm>`) is already open: do not call this
 * for it.
 */
export async function openPrechat(scope: PrechatScope, options?: PrechatHelperOptions): Promise<void> {
  // The loader names the launcher in English (or `labels.openChat`) until the form has mounted, when the browser
  // is idle; from then on it speaks the visitor's language. Either name is this one launcher.
  const named = (name: string) => scope.getByRole('button', { name, exact: true });
  await named(label('openChat', options)).or(named(EN.openChat)).click();
  const chat = scope.getByRole('button', { name: label('submit', options), exact: true });
  const offline = scope.getByRole('button', { name: label('offlineSubmit', options), exact: true });
  await chat.or(offline).waitFor();
}

/** Fills the form by its labels. Fields absent from `values` are left as they are. */
export async function fillPrechat(
  scope: PrechatScope,
  values: PrechatFillValues,
  options?: PrechatHelperOptions,
): Promise<void> {
  const byLabel = (text: string) => scope.getByLabel(labelPattern(text));
  if (values.name !== undefined) await byLabel(label('nameLabel', options)).fill(values.name);
  if (values.email !== undefined) await byLabel(label('emailLabel', options)).fill(values.email);
  if (values.phone !== undefined) await byLabel(label('phoneLabel', options)).fill(values.phone);
  if (values.department !== undefined)
    await byLabel(label('departmentLabel', options)).selectOption(values.department);
  for (const [fieldLabel, value] of Object.entries(values.customFields ?? {})) {
    await setField(byLabel(fieldLabel), value);
  }
  if (values.message !== undefined) await byLabel(label('messageLabel', options)).fill(values.message);
  if (values.consent !== undefined) await scope.getByRole('checkbox').setChecked(values.consent);
}

/** Clicks "Start chat" (or `labels.submit`). */
export async function submitPrechat(scope: PrechatScope, options?: PrechatHelperOptions): Promise<void> {
  await scope.getByRole('button', { name: label('submit', options), exact: true }).click();
}

/**
 * Waits until the form says the chat started: "You are connected", or "Thank you" when `startRoom` is false.
 * Throws (Playwright's timeout error) when it does not, e.g. because the form shows an error.
 */
export async function expectPrechatConnected(
  scope: PrechatScope,
  options?: PrechatHelperOptions & { timeout?: number },
): Promise<void> {
  const connected = scope.getByRole('heading', { name: label('connectedTitle', options), exact: true });
  const registered = scope.getByRole('heading', { name: label('registeredTitle', options), exact: true });
  await connected.or(registered).waitFor({ timeout: options?.timeout });
}

/** Sends the offline form ("Send message", or `labels.offlineSubmit`) and waits until it says the message was sent. */
export async function sendOfflineMessage(
  scope: PrechatScope,
  options?: PrechatHelperOptions & { timeout?: number },
): Promise<void> {
  await scope.getByRole('button', { name: label('offlineSubmit', options), exact: true }).click();
  await scope
    .getByRole('heading', { name: label('offlineSentTitle', options), exact: true })
    .waitFor({ timeout: options?.timeout });
}
