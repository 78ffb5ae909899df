/**
 * The shared conformance cases (copied from Rocket.Chat's own tests into this repository), each as its own test,
 * against one stand-in. The DEFAULT (8.x) expectation must pass: a case that only passes through a variant fails.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases, runCase } from '../../src/server/conformance/runner.ts';
import { type RunningStandin, startStandin } from '../../src/server/start.ts';

const casesFile = (name: string) => fileURLToPath(new URL(`./conformance/${name}`, import.meta.url));

let standin: RunningStandin;
beforeAll(async () => {
  standin = await startStandin({ port: 0, control: true });
});
afterAll(async () => {
  await standin.close();
});

for (const file of ['cases.json', 'extra-cases.json']) {
  describe(file, () => {
    const cases = loadCases(casesFile(file));

    it('holds cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(file === 'cases.json' ? 30 : 20);
    });

    for (const testCase of cases) {
      it(testCase.id, async () => {
        const result = await runCase(standin.url, testCase);
        expect(result.failures).toEqual([]);
        expect(result.matched).toBe('default');
      });
    }

    // With the 7.x switch on, every case that documents a 7.x answer must get exactly that answer.
    for (const testCase of cases.filter((item) => item.variants?.['7.x'])) {
      it(`${testCase.id} (StandIn_Compat_Version 7 → 7.x variant)`, async () => {
        const result = await runCase(standin.url, testCase, {
          extraSettings: { StandIn_Compat_Version: '7' },
        });
        expect(result.matched).toBe('7.x');
      });
    }
  });
}
