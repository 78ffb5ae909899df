/**
 * `npm run load`: 500 concurrent visitor registrations against a fresh stand-in on loopback.
 * Bounded on purpose: exactly REQUESTS requests, one burst, a hard time limit, 127.0.0.1 only, rate limiter off.
 * Checks through the control state route that every registration produced its own visitor with a unique
 * `guest-N` username, prints the figures, and exits non-zero on any loss.
 */
import { startStandin } from '../server/start.ts';
import { registrationBurst } from './registration-burst.ts';

const REQUESTS = 500;
const TIME_LIMIT_MS = 30_000;
const HOST = '127.0.0.1';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<number> {
  const standin = await startStandin({
    port: 0,
    host: HOST,
    control: true,
    fixture: { settings: { API_Enable_Rate_Limiter: false } },
  });
  const signal = AbortSignal.timeout(TIME_LIMIT_MS);
  try {
    const { statuses, latencies, totalMs } = await registrationBurst(standin.url, REQUESTS, signal);

    const state = (await (await fetch(`${standin.url}/_standin/state`, { signal })).json()) as {
      visitors: { token: string; username: string }[];
    };
    const usernames = new Set(state.visitors.map((visitor) => visitor.username));
    const tokens = new Set(state.visitors.map((visitor) => visitor.token));

    console.log(`stand-in load test: ${REQUESTS} concurrent POST /api/v1/livechat/visitor on ${standin.url}`);
    console.log(
      `  answers:          ${[...statuses].map(([status, count]) => `${status} × ${count}`).join(', ')}`,
    );
    console.log(`  total time:       ${totalMs.toFixed(0)} ms`);
    console.log(
      `  latency:          p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
    );
    console.log(`  throughput:       ${((REQUESTS / totalMs) * 1000).toFixed(0)} req/s`);
    console.log(
      `  visitors stored:  ${state.visitors.length} (unique usernames ${usernames.size}, unique tokens ${tokens.size})`,
    );

    const ok =
      statuses.get(200) === REQUESTS &&
      state.visitors.length === REQUESTS &&
      usernames.size === REQUESTS &&
      tokens.size === REQUESTS;
    console.log(
      ok ? 'OK: no lost or duplicated registrations' : 'FAIL: registrations were lost or duplicated',
    );
    return ok ? 0 : 1;
  } finally {
    await standin.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`load test failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
