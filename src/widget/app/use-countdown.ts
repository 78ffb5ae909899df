import { useEffect, useState } from 'react';

/**
 * Whole seconds left until a deadline, ticking once a second (a rate-limited button comes back by itself).
 * `start(seconds)` sets the deadline; `onDone` runs once when it passes.
 */
export function useCountdown(onDone: () => void) {
  const [deadline, setDeadline] = useState(0);
  const [now, setNow] = useState(Date.now);
  const remaining = Math.max(0, Math.ceil((deadline - now) / 1000));
  useEffect(() => {
    if (!deadline) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: onDone is the caller's latest callback
  useEffect(() => {
    if (deadline && remaining === 0) {
      setDeadline(0);
      onDone();
    }
  }, [deadline, remaining]);
  return {
    remaining,
    start(seconds: number) {
      // One reading of the clock: two could differ by a millisecond and show one second too many.
      const at = Date.now();
      setNow(at);
      setDeadline(at + seconds * 1000);
    },
  };
}
