import type { EventName } from '../types/public-api.ts';

// A record, not a list: adding an event to EventMap without naming it here (or naming one EventMap lacks) is a
// compile error, so the loader's `on` check and the npm callbacks can never drift from the public type.
const EVENTS: Record<EventName, true> = {
  ready: true,
  open: true,
  close: true,
  submit: true,
  registered: true,
  room: true,
  error: true,
};

export const isEventName = (name: unknown): name is EventName => Object.hasOwn(EVENTS, String(name));
