import { useCallback, useInsertionEffect, useRef } from 'react';

/**
 * A function that keeps its identity for the component's life and always runs the latest `callback`. For the
 * submit handlers: they read this render's state, so as `useCallback`s they changed on nearly every render, and
 * the memoised form re-rendered whole each time the panel opened.
 */
export function useLatestCallback<Args extends unknown[], Result>(
  callback: (...args: Args) => Result,
): (...args: Args) => Result {
  const latest = useRef(callback);
  // Swapped in at commit, before any effect of that commit can call it; never from a render React may discard.
  useInsertionEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: Args) => latest.current(...args), []);
}
