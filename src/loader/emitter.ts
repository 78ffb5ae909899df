import { isEventName } from '../shared/events.ts';
import { logError } from '../shared/log.ts';
import type { EventHandler, EventMap, EventName } from '../types/public-api.ts';

/** A tiny typed event hub. A throwing host handler is reported, never allowed to break the widget. */
export function createEmitter() {
  const handlers = new Map<EventName, Set<EventHandler>>();
  return {
    on(name: unknown, handler: unknown, remove?: boolean): void {
      if (!isEventName(name) || typeof handler !== 'function')
        throw new Error(`unknown event ${String(name)}`);
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set);
      set[remove ? 'delete' : 'add'](handler as EventHandler);
    },
    emit<E extends EventName>(name: E, detail: EventMap[E]): void {
      for (const handler of handlers.get(name) ?? []) {
        try {
          (handler as EventHandler<E>)(detail);
        } catch (error) {
          logError(`${name} handler:`, error);
        }
      }
    },
  };
}
