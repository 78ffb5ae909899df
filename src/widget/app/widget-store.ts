import type { PrefillValues } from '../../types/public-api.ts';

/** State the host's commands change from outside React: open/closed, prefills, resets. */
export interface WidgetState {
  open: boolean;
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
      return () => listeners.delete(listener);
    },
  };
}
