/**
 * `npm run conformance -- [cases.json] [--url http://…]`
 * Without --url it starts a stand-in with the control routes on a free loopback port. Prints one line per case
 * and `N passed, N failed`; exits 1 when any case fails.
 */
import { parseArgs } from 'node:util';
import { startStandin } from '../start.ts';
import { loadCases, runCases } from './runner.ts';

const DEFAULT_CASES = 'tests/server/conformance/cases.json';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { url: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const cases = loadCases(positionals[0] ?? DEFAULT_CASES);
  const standin = values.url ? undefined : await startStandin({ port: 0, control: true });
  const baseUrl = values.url ?? (standin?.url as string);
  try {
    const results = await runCases(baseUrl, cases);
    for (const result of results) {
      if (result.passed) {
        console.log(`PASS ${result.id}${result.matched === 'default' ? '' : ` (variant ${result.matched})`}`);
      } else {
        console.log(`FAIL ${result.id}`);
        for (const failure of result.failures) console.log(`     ${failure}`);
      }
    }
    const passed = results.filter((result) => result.passed).length;
    console.log(`${passed} passed, ${results.length - passed} failed`);
    return passed === results.length ? 0 : 1;
  } finally {
    await standin?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`conformance: ${(err as Error).message}`);
    process.exit(2);
  },
);
