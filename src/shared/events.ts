import type { EventName } from '../types/public-api.ts';

/** Every event of the public API, in the order a visitor meets them (the loader's `on` check, the e2e harness). */
export const EVENT_NAMES = [
  'ready',
  'open',
  'close',
  'submit',
  'registered',
  'room',
  'offline-message',
  'error',
] as const satisfies readonly EventName[];

// Naming an event EventMap lacks fails the `satisfies` above; forgetting one EventMap has fails here.
type Unlisted = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
export const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;

export const isEventName = (name: unknown): name is EventName =>
  (EVENT_NAMES as readonly unknown[]).includes(name);
