import type { PrefillValues } from '../../types/public-api.ts';
import type { WidgetLanguage } from '../i18n/widget-language.ts';

/** State the host's commands change from outside React: open/closed, the language, prefills, resets. */
export interface WidgetState {
  open: boolean;
  /** Chosen at mount and again at each open (the page may have switched language in between). */
  language: WidgetLanguage;
  prefill: PrefillValues;
  /** Bumped by `reset`: the form starts over with a new visitor token. */
  generation: number;
}

export type WidgetStore = ReturnType<typeof createWidgetStore>;

export function createWidgetStore(initial: WidgetState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(patch: Partial<WidgetState>) {
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
