import { performance } from 'node:perf_hooks';

export interface BurstResult {
  /** Answer statuses (or the error name of a request that got none) and how often each came. */
  statuses: Map<number | string, number>;
  /** Per-request latency in ms, sorted ascending. */
  latencies: number[];
  totalMs: number;
}

/**
 * `count` concurrent POST livechat/visitor with distinct tokens against `url` — the burst behind `npm run load`
 * and tests/server/load.test.ts. Bounded by `count` and by `signal`; loopback targets only.
 */
export async function registrationBurst(
  url: string,
  count: number,
  signal: AbortSignal,
): Promise<BurstResult> {
  const latencies: number[] = [];
  const statuses = new Map<number | string, number>();
  const register = async (i: number) => {
    const started = performance.now();
    let status: number | string;
    try {
      const response = await fetch(`${url}/api/v1/livechat/visitor`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ visitor: { token: `load-${i}-${'x'.repeat(40)}`, name: `Load ${i}` } }),
        signal,
      });
      await response.arrayBuffer();
      status = response.status;
    } catch (err) {
      status = (err as Error).name;
    }
    latencies.push(performance.now() - started);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => register(i)));
  const totalMs = performance.now() - began;
  latencies.sort((a, b) => a - b);
  return { statuses, latencies, totalMs };
}
