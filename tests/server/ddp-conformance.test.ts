/** The DDP cases of tests/server/conformance/ddp-cases.json, each its own test, against one stand-in. */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDdpCases, runDdpCase } from '../../src/server/conformance/ddp-runner.ts';
import { type RunningStandin, startStandin } from '../../src/server/start.ts';

const cases = loadDdpCases(fileURLToPath(new URL('./conformance/ddp-cases.json', import.meta.url)));

let standin: RunningStandin;
beforeAll(async () => {
  standin = await startStandin({ port: 0, control: true });
});
afterAll(async () => {
  await standin.close();
});

describe('ddp-cases.json', () => {
  it('holds cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const testCase of cases) {
    it(testCase.id, async () => {
      expect(await runDdpCase(standin.url, testCase)).toEqual([]);
    });
  }
});
