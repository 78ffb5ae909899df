/**
 * The `test` every spec imports. Compared with Playwright's own it:
 *  - resets the stand-in to e2e/fixtures/standin.json before each test (specs that need other settings call
 *    `resetStandin(overrides)` again), so no test sees another's visitors, rooms or faults;
 *  - gives `events`: the widget events the host page recorded into `window.__events`;
 *  - gives `consoleErrors`: every console.error and uncaught page error, for specs to assert on.
 */
import { test as base, type Page } from '@playwright/test';
import { EVENT_NAMES } from '../../src/shared/events.ts';
import type { EventMap, EventName } from '../../src/types/public-api.ts';
import { resetStandin } from './standin.ts';

export { expect } from '@playwright/test';
export * from './standin.ts';
export * from './urls.ts';

/** Every event of the public API; e2e/hosts/record-events.js subscribes to this same list. */
export const WIDGET_EVENTS = EVENT_NAMES;

/** What e2e/hosts/*.html push for each event: a JSON copy of the detail (undefined becomes null). */
export interface RecordedEvent<E extends EventName = EventName> {
  name: E;
  detail: EventMap[E];
}

// The host pages' globals, typed here rather than in a global declaration so src/ never sees them.
type HostWindow = Window & { __events?: RecordedEvent[] };

/** Reads the events the host page has recorded so far. A navigation starts a new, empty log. */
export class EventLog {
  constructor(private readonly page: Page) {}

  all(): Promise<RecordedEvent[]> {
    return this.page.evaluate(() => (window as HostWindow).__events ?? []);
  }

  async names(): Promise<EventName[]> {
    return (await this.all()).map((event) => event.name);
  }

  /** The details of every recorded event called `name`, oldest first. */
  async of<E extends EventName>(name: E): Promise<EventMap[E][]> {
    return (await this.all())
      .filter((event) => event.name === name)
      .map((event) => event.detail as EventMap[E]);
  }

  /** Waits until `name` has fired `count` times (default once) and returns the detail of that occurrence. */
  async waitFor<E extends EventName>(
    name: E,
    { count = 1, timeout }: { count?: number; timeout?: number } = {},
  ): Promise<EventMap[E]> {
    await this.page.waitForFunction(
      ([wanted, times]) =>
        ((window as HostWindow).__events ?? []).filter((e) => e.name === wanted).length >= times,
      [name, count] as const,
      { timeout },
    );
    const details = await this.of(name);
    return details[count - 1] as EventMap[E];
  }
}

interface Fixtures {
  events: EventLog;
  consoleErrors: string[];
  resetStandinBeforeEach: undefined;
}

export const test = base.extend<Fixtures>({
  resetStandinBeforeEach: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      await resetStandin();
      await use(undefined);
    },
    { auto: true },
  ],

  events: async ({ page }, use) => {
    await use(new EventLog(page));
  },

  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      errors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(errors);
  },
});
