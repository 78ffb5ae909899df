/**
 * Runs conformance cases against a stand-in (or any server with the `/_standin/reset` control route):
 * reset with the case's fixture, send `priorRequests`, send `request`, check the expectation; variants are
 * alternatives (e.g. Rocket.Chat 7.x where 8.x differs), tried only when the default expectation fails.
 * Requests may name values from earlier answers with `{{priorRequests[N].path}}` (placeholders.ts).
 */
import { readFileSync } from 'node:fs';
import { checkExpectation } from './expectations.ts';
import { fillPlaceholders } from './placeholders.ts';
import type { CaseRequest, CaseResult, ConformanceCase, Expectation, HttpAnswer } from './types.ts';

const REQUEST_TIMEOUT_MS = 10_000;

export function loadCases(file: string): ConformanceCase[] {
  const cases: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(cases)) throw new Error(`${file}: expected a JSON array of cases`);
  for (const [index, item] of cases.entries()) {
    const candidate = item as Partial<ConformanceCase>;
    if (typeof candidate?.id !== 'string' || !candidate.request || !candidate.expect) {
      throw new Error(`${file}: case ${index} needs id, request and expect`);
    }
  }
  return cases as ConformanceCase[];
}

export async function send(baseUrl: string, request: CaseRequest): Promise<HttpAnswer> {
  const url = new URL(request.path, baseUrl);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.append(key, value);
  const headers = new Headers(request.headers);
  let body: string | undefined;
  if (request.rawBody !== undefined) body = request.rawBody;
  else if (request.body !== undefined) body = JSON.stringify(request.body);
  if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(url, {
    method: request.method,
    headers,
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** The fixture posted to `/_standin/reset`; the limiter is off unless the case turns it on (Rocket.Chat TEST_MODE). */
export function fixtureOf(
  testCase: Pick<ConformanceCase, 'setup'>,
  extraSettings: Record<string, unknown> = {},
): object {
  const { priorRequests: _prior, settings, ...rest } = testCase.setup ?? {};
  return { ...rest, settings: { API_Enable_Rate_Limiter: false, ...settings, ...extraSettings } };
}

async function evaluate(
  baseUrl: string,
  expect: Expectation,
  answer: HttpAnswer,
  priorBodies: unknown[],
): Promise<string[]> {
  const failures = checkExpectation(expect, answer, priorBodies);
  if (failures.length > 0 || !expect.followUp) return failures;
  const followAnswer = await send(baseUrl, fillPlaceholders(expect.followUp.request, priorBodies));
  const followFailures = await evaluate(baseUrl, expect.followUp.expect, followAnswer, priorBodies);
  return followFailures.map(
    (failure) => `followUp ${expect.followUp?.request.method} ${expect.followUp?.request.path}: ${failure}`,
  );
}

export type RunOptions = {
  /** Merged into the case's fixture settings, e.g. `{ StandIn_Compat_Version: '7' }`. */
  extraSettings?: Record<string, unknown>;
};

export async function runCase(
  baseUrl: string,
  testCase: ConformanceCase,
  options: RunOptions = {},
): Promise<CaseResult> {
  const result: CaseResult = {
    id: testCase.id,
    passed: false,
    matched: null,
    failures: [],
    variantFailures: {},
  };
  const reset = await send(baseUrl, {
    method: 'POST',
    path: '/_standin/reset',
    body: fixtureOf(testCase, options.extraSettings),
  });
  if (reset.status !== 200) {
    result.failures.push(`reset failed: HTTP ${reset.status} ${reset.text.slice(0, 300)}`);
    return result;
  }
  const priorBodies: unknown[] = [];
  for (const prior of testCase.setup?.priorRequests ?? [])
    priorBodies.push((await send(baseUrl, fillPlaceholders(prior, priorBodies))).body);

  const answer = await send(baseUrl, fillPlaceholders(testCase.request, priorBodies));
  result.failures = await evaluate(baseUrl, testCase.expect, answer, priorBodies);
  if (result.failures.length === 0) {
    result.passed = true;
    result.matched = 'default';
    return result;
  }
  for (const [name, variant] of Object.entries(testCase.variants ?? {})) {
    const failures = await evaluate(baseUrl, variant, answer, priorBodies);
    result.variantFailures[name] = failures;
    if (failures.length === 0) {
      result.passed = true;
      result.matched = name;
      return result;
    }
  }
  return result;
}

export async function runCases(
  baseUrl: string,
  cases: ConformanceCase[],
  options: RunOptions = {},
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const testCase of cases) results.push(await runCase(baseUrl, testCase, options));
  return results;
}
