import type { EventHandler, EventMap, EventName } from '../types/public-api.ts';
import { logError } from './log.ts';

const EVENT_NAMES: readonly EventName[] = ['ready', 'open', 'close', 'submit', 'registered', 'room', 'error'];

/** A tiny typed event hub. A throwing host handler is reported, never allowed to break the widget. */
export function createEmitter() {
  const handlers = new Map<string, Set<EventHandler>>();
  return {
    on(name: unknown, handler: unknown, remove?: boolean): void {
      if (!EVENT_NAMES.includes(name as EventName) || typeof handler !== 'function') {
        throw new Error(`unknown event ${String(name)}`);
      }
      const set = handlers.get(name as string) ?? new Set();
      handlers.set(name as string, set);
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
