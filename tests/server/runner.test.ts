/** The conformance runner must be able to fail: each expectation kind is checked against a wrong expectation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExpectation, partialMismatch } from '../../src/server/conformance/expectations.ts';
import { runCase } from '../../src/server/conformance/runner.ts';
import type { ConformanceCase, HttpAnswer } from '../../src/server/conformance/types.ts';
import type { RunningStandin } from '../../src/server/start.ts';
import { withStandin } from './helpers.ts';

const answer = (body: unknown, status = 200, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  headers: new Headers(headers),
  text: JSON.stringify(body),
  body,
});

describe('expectations', () => {
  it('bodyIncludes is a deep partial match with arrays of the same length', () => {
    expect(partialMismatch({ a: [1, 2], b: 1 }, { a: [1, 2] })).toBeUndefined();
    expect(partialMismatch({ a: [1, 2] }, { a: [1] })).toMatch(/expected 1 element/);
    expect(partialMismatch({ a: { b: 1 } }, { a: { b: 2 } })).toMatch(/a\.b: expected 2, got 1/);
    expect(partialMismatch({}, { a: null })).toMatch(/a: missing/);
  });

  it.each([
    [{ status: 201 }, /status/],
    [{ errorMatches: '^nope$' }, /errorMatches/],
    [{ bodyExcludes: ['list'] }, /bodyExcludes list/],
    [{ fieldMatches: { 'list[0]._id': '^b$' } }, /fieldMatches/],
    [{ arrayLengths: { list: 3 } }, /arrayLengths/],
    [{ arrayContains: { list: [{ _id: 'z' }] } }, /arrayContains/],
    [{ arrayNotContainsIds: { list: ['a'] } }, /arrayNotContainsIds/],
    [{ elementKeysSubsetOf: { list: ['name'] } }, /elementKeysSubsetOf/],
    [{ typesOf: { list: 'object' } }, /typesOf/],
    [{ headersPresent: ['X-Missing'] }, /headersPresent/],
    [{ headersInclude: { 'content-type': 'text/html' } }, /headersInclude/],
    [{ textMatches: '^<html' }, /textMatches/],
    [{ sameAsPrior: { 'list[0]._id': 'priorRequests[0].id' } }, /sameAsPrior/],
  ])('%j fails on a body it does not describe', (expectation, message) => {
    const body = { error: 'x', list: [{ _id: 'a', name: 'A' }] };
    const failures = checkExpectation(
      expectation,
      answer(body, 200, { 'content-type': 'application/json' }),
      [{ id: 'b' }],
    );
    expect(failures).toEqual([expect.stringMatching(message)]);
  });
});

describe('runCase', () => {
  let standin: RunningStandin;
  beforeAll(async () => {
    standin = await withStandin();
  });
  afterAll(() => standin.close());

  const base: ConformanceCase = {
    id: 'self-test',
    request: { method: 'GET', path: '/api/v1/livechat/visitor/nobody' },
    expect: { status: 400, bodyIncludes: { error: '[invalid-token]' } },
  };

  it('passes a true case on the default expectation', async () => {
    expect(await runCase(standin.url, base)).toMatchObject({
      passed: true,
      matched: 'default',
      failures: [],
    });
  });

  it('fails a wrong case, and reports a variant that matched instead of the default', async () => {
    const wrong = {
      ...base,
      expect: { status: 400, bodyIncludes: { error: 'Invalid token [invalid-token]' } },
    };
    const failed = await runCase(standin.url, wrong);
    expect(failed.passed).toBe(false);
    expect(failed.failures[0]).toMatch(/bodyIncludes error/);
    const viaVariant = await runCase(standin.url, { ...wrong, variants: { released: base.expect } });
    expect(viaVariant).toMatchObject({ passed: true, matched: 'released' });
  });

  it('fails when a followUp does not hold', async () => {
    const result = await runCase(standin.url, {
      ...base,
      expect: { ...base.expect, followUp: { request: base.request, expect: { status: 200 } } },
    });
    expect(result.passed).toBe(false);
    expect(result.failures[0]).toMatch(/^followUp GET/);
  });
});
