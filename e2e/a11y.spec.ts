/**
 * Accessibility of the pre-chat form, proven in the built widget on a host page:
 *  - axe (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA) finds nothing in any state, on desktop and on a 375 px phone;
 *  - labels, required fields, errors, focus on error, live regions, autocomplete and input types;
 *  - the whole flow with the keyboard alone, visible focus, a focus trap on small screens;
 *  - 16 px inputs, 24×24 px targets, reduced motion, text contrast whatever theme colour the site picks.
 * Everything is read through the open shadow root, as assistive technology reads it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import {
  defaultFixture,
  type EventLog,
  expect,
  hostUrl,
  injectFault,
  resetStandin,
  standinRequests,
  test,
} from './support/test.ts';

const VISITOR = '/api/v1/livechat/visitor';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 720 } },
  { name: 'mobile 375×667', size: { width: 375, height: 667 } },
] as const;
/** The form's focusable controls from top to bottom, by accessible name (default fixture). */
const FORM_ORDER = [
  'Name',
  'Email',
  'Phone',
  'Department',
  'Plan',
  'Company ID',
  'How can we help?',
  'Start chat',
];

// ---------------------------------------------------------------------------------------------------------
// In-page helpers, installed before any page script runs so every `evaluate` can use them.

interface FocusInfo {
  name: string;
  tag: string;
  inPanel: boolean;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
}
interface A11yProbe {
  /** The element that has focus, through open shadow roots; null when it is the body (focus lost). */
  deepActive(): Element | null;
  /** A close approximation of the accessible name: aria-label, else the label without aria-hidden parts, else the text. */
  nameOf(element: Element): string;
  focusInfo(): FocusInfo | null;
  /** The first opaque background behind `element`, walking out through shadow hosts. */
  backgroundOf(element: Element): string;
  /** WCAG contrast ratio of two CSS rgb()/rgba() colours. */
  contrast(a: string, b: string): number;
}
type ProbeWindow = Window & { __a11y: A11yProbe };

function installProbe() {
  const parse = (css: string) => {
    const numbers = css.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return { r: numbers[0] ?? 0, g: numbers[1] ?? 0, b: numbers[2] ?? 0, a: numbers[3] ?? 1 };
  };
  const luminance = (css: string) => {
    const { r, g, b } = parse(css);
    const [R = 0, G = 0, B = 0] = [r, g, b].map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const probe: A11yProbe = {
    deepActive() {
      let element: Element | null = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element === document.body || element === document.documentElement ? null : element;
    },
    nameOf(element) {
      const label = element.getAttribute('aria-label');
      if (label) return label.trim();
      const labels = (element as HTMLInputElement).labels;
      const source = labels?.[0] ?? element;
      const clone = source.cloneNode(true) as Element;
      for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    },
    focusInfo() {
      const element = probe.deepActive();
      if (!element) return null;
      const style = getComputedStyle(element);
      return {
        name: probe.nameOf(element),
        tag: element.tagName.toLowerCase(),
        inPanel: !!element.closest('[role="dialog"]'),
        outlineStyle: style.outlineStyle,
        outlineWidth: style.outlineWidth,
        outlineColor: style.outlineColor,
        boxShadow: style.boxShadow,
      };
    },
    backgroundOf(element) {
      let current: Element | null = element;
      while (current) {
        const background = getComputedStyle(current).backgroundColor;
        if (parse(background).a > 0) return background;
        current = current.parentElement ?? ((current.getRootNode() as ShadowRoot).host || null);
      }
      return 'rgb(255, 255, 255)';
    },
    contrast(a, b) {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (light + 0.05) / (dark + 0.05);
    },
  };
  (window as unknown as ProbeWindow).__a11y = probe;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(installProbe);
});

const focusInfo = (page: Page) => page.evaluate(() => (window as unknown as ProbeWindow).__a11y.focusInfo());
const focusedName = async (page: Page) => (await focusInfo(page))?.name ?? '(nothing: focus is on the body)';

/** A focus indicator the visitor can see: an outline, or a box-shadow ring. */
function hasVisibleFocus(info: FocusInfo | null): boolean {
  if (!info) return false;
  const outline = info.outlineStyle !== 'none' && Number.parseFloat(info.outlineWidth) > 0;
  return outline || info.boxShadow !== 'none';
}

// ---------------------------------------------------------------------------------------------------------
// Driving the widget.

const launcher = (page: Page) => page.getByRole('button', { name: 'Open chat' });
const dialog = (page: Page) => page.getByRole('dialog');
/** A form control by its accessible name, which starts with its label (a required marker may follow). */
const field = (page: Page, name: string) => {
  const accessibleName = new RegExp(`^${name}(?!\\w)`);
  return page
    .getByRole('textbox', { name: accessibleName })
    .or(page.getByRole('combobox', { name: accessibleName }));
};
const startChat = (page: Page) => page.getByRole('button', { name: /^(Start chat|Starting chat…)$/ });

/** Waits until every animation in the widget's shadow root has come to rest (axe measures final colours). */
async function settle(page: Page) {
  await page.evaluate(async () => {
    const roots = [...document.querySelectorAll('[data-rocketchat-prechat]')].map((host) => host.shadowRoot);
    const animations = roots.flatMap((root) => root?.getAnimations() ?? []);
    await Promise.all(animations.map((animation) => animation.finished.catch(() => undefined)));
  });
}

async function loadHost(page: Page, events: EventLog) {
  await page.goto(hostUrl('basic'));
  await events.waitFor('ready');
  await expect(launcher(page)).toBeVisible();
}

async function openForm(page: Page, events: EventLog) {
  await loadHost(page, events);
  await launcher(page).click();
  await expect(dialog(page)).toBeVisible();
  await settle(page);
}

async function fillForm(page: Page) {
  await field(page, 'Name').fill('Ada Lovelace');
  await field(page, 'Email').fill('ada@example.com');
  await field(page, 'Phone').fill('+1 201 555 0123');
  await field(page, 'Department').selectOption({ label: 'Support' });
  await field(page, 'Plan').selectOption('Pro');
  await field(page, 'Company ID').fill('AC-1234');
}

/** axe's WCAG violations on the whole page (open shadow roots included), in a readable form. */
async function axeViolations(page: Page, rules?: string[]) {
  const builder = new AxeBuilder({ page });
  if (rules) builder.withRules(rules);
  else builder.withTags(WCAG_TAGS);
  const { violations } = await builder.analyze();
  return violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map(
      (node) => `${JSON.stringify(node.target)}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
    ),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// 1. axe in every state, on desktop and on a phone.

interface State {
  name: string;
  /** Brings the page into the state; returns a check that the state still held after the scan. */
  reach(page: Page, events: EventLog): Promise<(() => Promise<void>) | undefined>;
}

const STATES: State[] = [
  {
    name: 'launcher closed',
    async reach(page, events) {
      await loadHost(page, events);
      await expect(dialog(page)).toHaveCount(0);
      return undefined;
    },
  },
  {
    name: 'form open and empty',
    async reach(page, events) {
      await openForm(page, events);
      await expect(field(page, 'Name')).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'form with validation errors',
    async reach(page, events) {
      await openForm(page, events);
      await startChat(page).click();
      await expect(dialog(page).getByRole('alert')).toBeVisible();
      await expect(field(page, 'Name')).toHaveAttribute('aria-invalid', 'true');
      return undefined;
    },
  },
  {
    name: 'submitting',
    async reach(page, events) {
      // Long enough that a slow axe scan still sees the submitting state; the test ends before the answer.
      await injectFault({ method: 'POST', path: VISITOR, delayMs: 15_000 });
      await openForm(page, events);
      await fillForm(page);
      await startChat(page).click();
      await expect(startChat(page)).toHaveText('Starting chat…');
      // The scan must have seen the submitting state, not what came after it.
      return () => expect(startChat(page)).toHaveText('Starting chat…', { timeout: 0 });
    },
  },
  {
    name: 'connected',
    async reach(page, events) {
      await openForm(page, events);
      await fillForm(page);
      await startChat(page).click();
      await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'agents unavailable (no offline form)',
    async reach(page, events) {
      await resetStandin({ agentsOnline: false, settings: { Livechat_display_offline_form: false } });
      await openForm(page, events);
      await expect(dialog(page).getByText('No agents are available right now.')).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'offline form',
    async reach(page, events) {
      await resetStandin({ agentsOnline: false });
      await openForm(page, events);
      await expect(dialog(page).getByRole('button', { name: 'Send message' })).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'offline form with validation errors',
    async reach(page, events) {
      await resetStandin({ agentsOnline: false });
      await openForm(page, events);
      await dialog(page).getByRole('button', { name: 'Send message' }).click();
      await expect(dialog(page).getByText('Please fill in How can we help?.')).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'offline message sent',
    async reach(page, events) {
      await resetStandin({ agentsOnline: false });
      await openForm(page, events);
      await dialog(page).getByLabel('Name').fill('Ada Lovelace');
      await dialog(page).getByLabel('Email').fill('ada@example.com');
      await dialog(page).getByLabel('How can we help?').fill('Call me back, please.');
      await dialog(page).getByRole('button', { name: 'Send message' }).click();
      await expect(dialog(page).getByRole('heading', { name: 'Message sent' })).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'picked department has nobody online',
    async reach(page, events) {
      await resetStandin({
        departments: defaultFixture().departments?.map((department) =>
          department._id === 'dept-sales' ? { ...department, agentsOnline: false } : department,
        ),
      });
      await openForm(page, events);
      await dialog(page).getByLabel('Department').selectOption({ label: 'Sales' });
      await expect(dialog(page).getByRole('button', { name: 'Leave a message' })).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'server error (400)',
    async reach(page, events) {
      await injectFault({
        method: 'POST',
        path: VISITOR,
        status: 400,
        body: { success: false, error: 'Something odd [odd-error]' },
      });
      await openForm(page, events);
      await fillForm(page);
      await startChat(page).click();
      await expect(dialog(page).getByRole('alert')).toContainText('Something odd');
      return undefined;
    },
  },
  {
    name: 'server unavailable (503, retry offered)',
    async reach(page, events) {
      await injectFault({ method: 'POST', path: VISITOR, status: 503, times: 5 });
      await openForm(page, events);
      await fillForm(page);
      await startChat(page).click();
      await expect(dialog(page).getByRole('alert')).toBeVisible({ timeout: 15_000 });
      await expect(startChat(page)).toHaveText('Start chat');
      return undefined;
    },
  },
];

for (const viewport of VIEWPORTS) {
  test.describe(`axe, ${viewport.name}`, () => {
    test.use({ viewport: viewport.size });
    for (const state of STATES) {
      test(`no WCAG 2.2 AA violations: ${state.name}`, async ({ page, events }) => {
        const stillThere = await state.reach(page, events);
        await settle(page);
        expect(await axeViolations(page)).toEqual([]);
        await stillThere?.();
      });
    }
  });
}

test('axe: no WCAG 2.2 AA violations in the inline form, empty and with errors', async ({ page, events }) => {
  await page.goto(hostUrl('inline'));
  await events.waitFor('ready');
  const region = page.locator('#chat-form').getByRole('region');
  await expect(region.getByLabel('Name')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await region.getByRole('button', { name: 'Start chat' }).click();
  await expect(region.getByRole('alert')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('axe: no violations with a consent checkbox and a link, empty and with errors, right to left too', async ({
  page,
  events,
}) => {
  for (const locale of ['en', 'ar']) {
    const options = {
      locale,
      consent: { text: 'I accept the [privacy policy](https://example.com/privacy).' },
    };
    await page.goto(hostUrl('options', `?options=${encodeURIComponent(JSON.stringify(options))}`));
    await events.waitFor('ready');
    // Named in the page's language once the form has mounted (when the browser is idle), in English before.
    await page.getByRole('button', { name: /^(Open chat|فتح المحادثة)$/ }).click();
    const checkbox = page.getByRole('checkbox');
    await expect(checkbox).toBeVisible();
    await settle(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: locale === 'ar' ? 'بدء المحادثة' : 'Start chat' }).click();
    await expect(checkbox).toHaveAttribute('aria-invalid', 'true');
    await settle(page);
    expect(await axeViolations(page)).toEqual([]);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 2. Labels, required fields, errors, live regions, autocomplete.

/** Each control's own label element, as the visitor sees it. */
async function labelOf(control: Locator) {
  return control.evaluate((element) => {
    const label = (element as HTMLInputElement).labels?.[0];
    if (!label) return null;
    const box = label.getBoundingClientRect();
    const style = getComputedStyle(label);
    return {
      text: (label.textContent ?? '').replace(/\s+/g, ' ').trim(),
      visible: box.width > 1 && box.height > 1 && style.visibility === 'visible' && style.opacity !== '0',
    };
  });
}

test('every field has a visible label; required ones are marked visibly and with aria-required', async ({
  page,
  events,
}) => {
  await openForm(page, events);
  const controls = dialog(page).locator('input:not([type="hidden"]), select, textarea');
  const names: string[] = [];
  for (const control of await controls.all()) {
    const label = await labelOf(control);
    expect(label, `a <label> for ${await control.evaluate((e) => e.outerHTML)}`).not.toBeNull();
    expect(label?.visible, `label "${label?.text}" is visible`).toBe(true);
    const name = await control.evaluate((e) => (window as unknown as ProbeWindow).__a11y.nameOf(e));
    // The accessible name starts with the visible label's words (WCAG 2.5.3 label in name).
    expect(label?.text.replace(/\s*\*$/, '')).toBe(name);
    await expect(control).toHaveAccessibleName(new RegExp(`^${name}`));
    names.push(name);
  }
  expect(names).toEqual(FORM_ORDER.slice(0, -1));

  const required = ['Name', 'Email', 'Plan'];
  for (const name of names) {
    const control = field(page, name);
    const label = await labelOf(control);
    if (required.includes(name)) {
      await expect(control, `${name} is required`).toHaveAttribute('aria-required', 'true');
      expect(label?.text, `${name}'s visible label carries the required marker`).toMatch(/\*$/);
    } else {
      await expect(control, `${name} is optional`).not.toHaveAttribute('aria-required', 'true');
      expect(label?.text, `${name}'s label has no required marker`).not.toMatch(/\*/);
    }
  }
  // The marker is explained in words, not left to the visitor to guess.
  await expect(dialog(page).getByText(/\*.*required/)).toBeVisible();
});

test('a failed submit: aria-invalid, errors tied with aria-describedby, focus on the first, a summary alert', async ({
  page,
  events,
}) => {
  await openForm(page, events);
  await field(page, 'Email').fill('not an email');
  await startChat(page).click();

  const expected: Record<string, RegExp> = {
    Name: /Name/,
    Email: /valid email address/,
    Plan: /Plan/,
  };
  await expect(field(page, 'Name')).toBeFocused();
  for (const name of FORM_ORDER.slice(0, -1)) {
    const control = field(page, name);
    const message = expected[name];
    if (!message) {
      await expect(control, `${name} is valid`).not.toHaveAttribute('aria-invalid', 'true');
      continue;
    }
    await expect(control, `${name} is invalid`).toHaveAttribute('aria-invalid', 'true');
    const described = await control.evaluate((element) => {
      const root = element.getRootNode() as Document | ShadowRoot;
      const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return ids.map((id) => {
        const target = root.getElementById(id) as HTMLElement | null;
        const box = target?.getBoundingClientRect();
        return {
          id,
          text: target?.textContent?.trim() ?? null,
          visible: !!box && box.width > 1 && box.height > 1,
        };
      });
    });
    expect(described.length, `${name} has aria-describedby`).toBeGreaterThan(0);
    for (const reference of described) expect(reference.text, `#${reference.id} exists`).not.toBeNull();
    const error = described.find((reference) => message.test(reference.text ?? ''));
    expect(error, `${name}'s description ${JSON.stringify(described)} is its error`).toBeDefined();
    expect(error?.visible, `${name}'s error is shown next to it`).toBe(true);
    await expect(control).toHaveAccessibleDescription(message);
  }
  const summary = dialog(page).getByRole('alert');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Please correct the highlighted fields (3).');
  expect(await standinRequests({ method: 'POST', path: VISITOR })).toHaveLength(0);
});

test('submitting and connected are announced through a live region that was there before', async ({
  page,
  events,
}) => {
  await injectFault({ method: 'POST', path: VISITOR, delayMs: 3000 });
  await openForm(page, events);
  await fillForm(page);
  // A live region is only announced when it already exists before its text changes: remember them now.
  const before = await page.evaluate(() => {
    const root = document.querySelector('[data-rocketchat-prechat]')?.shadowRoot;
    const regions = [...(root?.querySelectorAll('[role="status"], [aria-live="polite"]') ?? [])];
    (window as unknown as { __regions: Element[] }).__regions = regions;
    return regions.map((region) => region.textContent ?? '');
  });
  expect(before.length, 'a polite live region is in the form before submitting').toBeGreaterThan(0);
  const announcedIn = (text: string) =>
    page.evaluate(
      (wanted) =>
        (window as unknown as { __regions: Element[] }).__regions.some(
          (region) => region.isConnected && (region.textContent ?? '').includes(wanted),
        ),
      text,
    );

  await startChat(page).click();
  await expect(startChat(page)).toHaveText('Starting chat…');
  await expect(dialog(page).getByRole('status')).toHaveText('Starting chat…');
  expect(await announcedIn('Starting chat…')).toBe(true);

  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
  await expect(dialog(page).getByRole('status')).toHaveText('You are connected');
  expect(await announcedIn('You are connected')).toBe(true);
});

test('inputs have autocomplete, the right type and inputmode', async ({ page, events }) => {
  await openForm(page, events);
  const expected = [
    { name: 'Name', type: 'text', autocomplete: 'name', inputmode: null },
    { name: 'Email', type: 'email', autocomplete: 'email', inputmode: 'email' },
    { name: 'Phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel' },
    { name: 'Company ID', type: 'text', autocomplete: null, inputmode: null },
  ];
  for (const spec of expected) {
    const control = field(page, spec.name);
    await expect(control, spec.name).toHaveAttribute('type', spec.type);
    if (spec.autocomplete)
      await expect(control, spec.name).toHaveAttribute('autocomplete', spec.autocomplete);
    if (spec.inputmode) await expect(control, spec.name).toHaveAttribute('inputmode', spec.inputmode);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 3. Keyboard only.

/** Presses Tab until the launcher has focus (the host page has nothing focusable before it). */
async function tabToLauncher(page: Page) {
  for (let presses = 0; presses < 10 && (await focusedName(page)) !== 'Open chat'; presses++) {
    await page.keyboard.press('Tab');
  }
  expect(await focusedName(page)).toBe('Open chat');
  expect(hasVisibleFocus(await focusInfo(page)), 'the launcher shows where focus is').toBe(true);
}

test('keyboard only: open, fill in visual order, choose options, submit, close', async ({ page, events }) => {
  await loadHost(page, events);
  await tabToLauncher(page);
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect.poll(() => focusedName(page)).toBe('Name');

  const order: string[] = [];
  const step = async (action: () => Promise<void>) => {
    const info = await focusInfo(page);
    order.push(info?.name ?? '(body)');
    expect(info?.inPanel, `${info?.name} is inside the panel`).toBe(true);
    expect(hasVisibleFocus(info), `${info?.name} shows a focus indicator: ${JSON.stringify(info)}`).toBe(
      true,
    );
    await action();
    await page.keyboard.press('Tab');
  };
  await step(() => page.keyboard.type('Ada Lovelace'));
  await step(() => page.keyboard.type('ada@example.com'));
  await step(() => page.keyboard.type('+1 201 555 0123'));
  await step(async () => {
    await page.keyboard.press('ArrowDown'); // Sales
    await page.keyboard.press('ArrowDown'); // Support
  });
  await step(async () => {
    await page.keyboard.press('ArrowDown'); // Free
    await page.keyboard.press('ArrowDown'); // Pro
  });
  await step(() => page.keyboard.type('AC-1234'));
  await step(async () => {}); // the question is optional: left empty here
  const last = await focusInfo(page);
  order.push(last?.name ?? '(body)');
  expect(hasVisibleFocus(last), `Start chat shows a focus indicator: ${JSON.stringify(last)}`).toBe(true);

  // The Tab order is the visual order, top to bottom.
  const visual = await dialog(page)
    .locator('form')
    .locator('input, select, textarea, button')
    .evaluateAll((elements) =>
      elements
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0)
        .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left)
        .map(({ element }) => (window as unknown as ProbeWindow).__a11y.nameOf(element)),
    );
  expect(order).toEqual(FORM_ORDER);
  expect(order).toEqual(visual);
  await expect(field(page, 'Department')).toHaveValue('dept-support');
  await expect(field(page, 'Plan')).toHaveValue('Pro');

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'You are connected' })).toBeVisible();
  const [post] = await standinRequests({ method: 'POST', path: VISITOR });
  expect(post?.body).toMatchObject({
    visitor: {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      department: 'dept-support',
      customFields: [
        { key: 'plan', value: 'Pro' },
        { key: 'company_id', value: 'AC-1234' },
      ],
    },
  });

  // The form gave way to the confirmation: a keyboard user must still be inside the panel.
  const afterSubmit = await focusInfo(page);
  expect
    .soft(
      afterSubmit?.inPanel,
      `focus stays in the panel after the form is replaced (it is on ${afterSubmit?.name ?? 'the body'})`,
    )
    .toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();
});

test('keyboard only: Escape from a field closes the panel and focus returns to the launcher', async ({
  page,
  events,
}) => {
  await loadHost(page, events);
  await tabToLauncher(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe('Name');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  expect(hasVisibleFocus(await focusInfo(page)), 'the launcher shows focus again').toBe(true);
});

test.describe('keyboard only, mobile 375×667', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('focus stays inside the open panel and is always visible', async ({ page, events }) => {
    await loadHost(page, events);
    await tabToLauncher(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Name');
    const focusables = await dialog(page)
      .locator('input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])')
      .count();

    // Forward, twice round: past the last focusable element focus comes back to the first, never leaves.
    const forward: string[] = [];
    for (let presses = 0; presses < focusables * 2; presses++) {
      await page.keyboard.press('Tab');
      const info = await focusInfo(page);
      forward.push(info?.name ?? '(body)');
      expect
        .soft(
          info?.inPanel,
          `Tab #${presses + 1} keeps focus in the panel (went to ${info?.name ?? 'the body: focus left the page'})`,
        )
        .toBe(true);
      if (info) expect(hasVisibleFocus(info), `${info.name} shows focus: ${JSON.stringify(info)}`).toBe(true);
    }
    expect
      .soft(forward.slice(focusables), 'the second round repeats the first')
      .toEqual(forward.slice(0, focusables));

    // Backward, twice round.
    for (let presses = 0; presses < focusables * 2; presses++) {
      await page.keyboard.press('Shift+Tab');
      const info = await focusInfo(page);
      expect
        .soft(
          info?.inPanel,
          `Shift+Tab #${presses + 1} keeps focus in the panel (went to ${info?.name ?? 'the body: focus left the page'})`,
        )
        .toBe(true);
      // Where focus is on an element, that element shows it (focus on the body is the trap's failure above).
      if (info) expect(hasVisibleFocus(info), `${info.name} shows focus: ${JSON.stringify(info)}`).toBe(true);
    }

    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(launcher(page)).toBeFocused();
  });
});

// ---------------------------------------------------------------------------------------------------------
// 4. Sizes, motion, contrast.

for (const viewport of VIEWPORTS) {
  test.describe(`sizes and motion, ${viewport.name}`, () => {
    test.use({ viewport: viewport.size });

    test('inputs are at least 16 px (no zoom on iOS)', async ({ page, events }) => {
      await openForm(page, events);
      const sizes = await dialog(page)
        .locator('input, select, textarea')
        .evaluateAll((elements) =>
          elements.map((element) => ({
            name: (window as unknown as ProbeWindow).__a11y.nameOf(element),
            fontSize: Number.parseFloat(getComputedStyle(element).fontSize),
          })),
        );
      expect(sizes.map((size) => size.name)).toEqual(FORM_ORDER.slice(0, -1));
      for (const size of sizes) expect(size.fontSize, size.name).toBeGreaterThanOrEqual(16);
    });

    test('every interactive element is at least 24×24 px', async ({ page, events }) => {
      const tooSmall: string[] = [];
      const measure = async (locator: Locator) => {
        for (const control of await locator.all()) {
          const box = await control.boundingBox();
          const name = await control.evaluate((e) => (window as unknown as ProbeWindow).__a11y.nameOf(e));
          if (!box || box.width < 24 || box.height < 24)
            tooSmall.push(`${name}: ${box ? `${box.width}×${box.height}` : 'not rendered'}`);
        }
      };
      await loadHost(page, events);
      await measure(launcher(page));
      await launcher(page).click();
      await expect(dialog(page)).toBeVisible();
      await settle(page);
      const controls = dialog(page).locator('input, select, textarea, button, a[href]');
      expect(await controls.count()).toBe(FORM_ORDER.length + 1); // + Close chat
      await measure(controls);

      await resetStandin({ agentsOnline: false, settings: { Livechat_display_offline_form: false } });
      await page.reload();
      await events.waitFor('ready');
      await launcher(page).click();
      await expect(dialog(page).getByRole('button', { name: 'Check again' })).toBeVisible();
      await settle(page);
      await measure(dialog(page).getByRole('button'));
      expect(tooSmall).toEqual([]);
    });

    test('with prefers-reduced-motion the panel opens without animation', async ({ page, events }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await loadHost(page, events);
      // Sample every frame from before the click: the opening animation lasts only a fraction of a second.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __running: string[] }).__running = seen;
        const tick = () => {
          const root = document.querySelector('[data-rocketchat-prechat]')?.shadowRoot;
          const panel = root?.querySelector('[role="dialog"]');
          for (const animation of panel?.getAnimations({ subtree: true }) ?? []) {
            if (animation.playState === 'running')
              seen.push((animation as CSSAnimation).animationName ?? animation.constructor.name);
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await launcher(page).click();
      await expect(dialog(page)).toBeVisible();
      // Let 30 more frames pass while sampling.
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            let frames = 0;
            const next = () => (++frames >= 30 ? resolve() : requestAnimationFrame(next));
            requestAnimationFrame(next);
          }),
      );
      expect(await page.evaluate(() => (window as unknown as { __running: string[] }).__running)).toEqual([]);
      const animations = await dialog(page).evaluate(
        (panel) => panel.getAnimations({ subtree: true }).length,
      );
      expect(animations).toBe(0);
    });

    test('a light theme colour (#FFEB3B) keeps text contrast at 4.5:1', async ({ page, events }) => {
      await resetStandin({ settings: { Livechat_title_color: '#FFEB3B' } });
      await loadHost(page, events);
      expect(await axeViolations(page, ['color-contrast'])).toEqual([]);
      await launcher(page).click();
      await expect(dialog(page)).toBeVisible();
      await settle(page);
      expect(await axeViolations(page, ['color-contrast'])).toEqual([]);

      const measured = async (locator: Locator) =>
        locator.evaluate((element) => {
          const probe = (window as unknown as ProbeWindow).__a11y;
          const color = getComputedStyle(element).color;
          const background = probe.backgroundOf(element);
          return { color, background, ratio: probe.contrast(color, background) };
        });
      const title = await measured(dialog(page).getByRole('heading').first());
      const button = await measured(startChat(page));
      // The theme colour really is in use (otherwise this test would prove nothing).
      expect(title.background).toBe('rgb(255, 235, 59)');
      expect(button.background).toBe('rgb(255, 235, 59)');
      expect(title.ratio, `title ${JSON.stringify(title)}`).toBeGreaterThanOrEqual(4.5);
      expect(button.ratio, `Start chat ${JSON.stringify(button)}`).toBeGreaterThanOrEqual(4.5);
    });

    test('a light theme colour (#FFEB3B) keeps the launcher and its focus ring visible (3:1)', async ({
      page,
      events,
    }) => {
      await resetStandin({ settings: { Livechat_title_color: '#FFEB3B' } });
      await loadHost(page, events);
      await tabToLauncher(page);
      const ring = await launcher(page).evaluate((element) => {
        const probe = (window as unknown as ProbeWindow).__a11y;
        const style = getComputedStyle(element);
        const page = probe.backgroundOf(document.body);
        return {
          icon: probe.contrast(style.color, style.backgroundColor),
          outline: probe.contrast(style.outlineColor, page),
          outlineColor: style.outlineColor,
          page,
        };
      });
      expect(ring.icon, 'the icon against the launcher').toBeGreaterThanOrEqual(3);
      expect(
        ring.outline,
        `the focus ring ${ring.outlineColor} against the page ${ring.page}`,
      ).toBeGreaterThanOrEqual(3);
    });
  });
}
