/** Every expectation kind of the case format (tests/server/conformance/README.md), each returning the reasons it failed. */
import { getPath } from './paths.ts';
import type { Expectation, HttpAnswer } from './types.ts';

const show = (value: unknown) => JSON.stringify(value);

/** Deep partial match: objects by key, arrays element by element AND of the same length, scalars strictly. */
export function partialMismatch(actual: unknown, expected: unknown, path = ''): string | undefined {
  const where = path || '(body)';
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${where}: expected an array, got ${show(actual)}`;
    if (actual.length !== expected.length) {
      return `${where}: expected ${expected.length} element(s), got ${actual.length}`;
    }
    for (const [index, item] of expected.entries()) {
      const problem = partialMismatch(actual[index], item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${where}: expected an object, got ${show(actual)}`;
    }
    for (const [key, value] of Object.entries(expected)) {
      const child = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(actual, key)) return `${child}: missing (expected ${show(value)})`;
      const problem = partialMismatch((actual as Record<string, unknown>)[key], value, child);
      if (problem) return problem;
    }
    return undefined;
  }
  return Object.is(actual, expected)
    ? undefined
    : `${where}: expected ${show(expected)}, got ${show(actual)}`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function arrayAt(body: unknown, path: string, failures: string[]): unknown[] | undefined {
  const { found, value } = getPath(body, path);
  if (!found || !Array.isArray(value)) {
    failures.push(`${path}: expected an array, got ${found ? show(value) : 'nothing'}`);
    return undefined;
  }
  return value;
}

/** `priorBodies[i]` is the parsed body of `priorRequests[i]` (for `sameAsPrior`). */
export function checkExpectation(expect: Expectation, answer: HttpAnswer, priorBodies: unknown[]): string[] {
  const failures: string[] = [];
  const { body } = answer;
  if (expect.status !== undefined && answer.status !== expect.status) {
    failures.push(`status: expected ${expect.status}, got ${answer.status} (${answer.text.slice(0, 300)})`);
  }
  if (expect.bodyIncludes !== undefined) {
    const problem = partialMismatch(body, expect.bodyIncludes);
    if (problem) failures.push(`bodyIncludes ${problem}`);
  }
  if (expect.errorMatches !== undefined) {
    const error = (body as { error?: unknown } | undefined)?.error;
    if (typeof error !== 'string' || !new RegExp(expect.errorMatches).test(error)) {
      failures.push(`errorMatches /${expect.errorMatches}/: got ${show(error)}`);
    }
  }
  for (const path of expect.bodyExcludes ?? []) {
    if (getPath(body, path).found)
      failures.push(`bodyExcludes ${path}: present (${show(getPath(body, path).value)})`);
  }
  for (const [path, pattern] of Object.entries(expect.fieldMatches ?? {})) {
    const { found, value } = getPath(body, path);
    const text = typeof value === 'string' ? value : show(value);
    if (!found || !new RegExp(pattern).test(text)) {
      failures.push(`fieldMatches ${path} /${pattern}/: got ${found ? show(value) : 'nothing'}`);
    }
  }
  for (const [path, length] of Object.entries(expect.arrayLengths ?? {})) {
    const array = arrayAt(body, path, failures);
    if (array && array.length !== length)
      failures.push(`arrayLengths ${path}: expected ${length}, got ${array.length}`);
  }
  for (const [path, items] of Object.entries(expect.arrayContains ?? {})) {
    const array = arrayAt(body, path, failures);
    for (const item of array ? items : []) {
      if (!array?.some((element) => partialMismatch(element, item) === undefined)) {
        failures.push(`arrayContains ${path}: no element matches ${show(item)}`);
      }
    }
  }
  for (const [path, ids] of Object.entries(expect.arrayNotContainsIds ?? {})) {
    const array = arrayAt(body, path, failures);
    for (const element of array ?? []) {
      const id = (element as { _id?: unknown } | null)?._id;
      if (typeof id === 'string' && ids.includes(id))
        failures.push(`arrayNotContainsIds ${path}: contains ${id}`);
    }
  }
  for (const [path, allowed] of Object.entries(expect.elementKeysSubsetOf ?? {})) {
    const array = arrayAt(body, path, failures);
    for (const element of array ?? []) {
      const extra = Object.keys(element ?? {}).filter((key) => !allowed.includes(key));
      if (extra.length > 0)
        failures.push(`elementKeysSubsetOf ${path}: unexpected key(s) ${extra.join(', ')}`);
    }
  }
  for (const [path, type] of Object.entries(expect.typesOf ?? {})) {
    const { found, value } = getPath(body, path);
    if (!found || typeName(value) !== type) {
      failures.push(`typesOf ${path}: expected ${type}, got ${found ? typeName(value) : 'nothing'}`);
    }
  }
  for (const name of expect.headersPresent ?? []) {
    if (!answer.headers.has(name)) failures.push(`headersPresent ${name}: absent`);
  }
  for (const [name, expected] of Object.entries(expect.headersInclude ?? {})) {
    const value = answer.headers.get(name);
    if (value === null || !value.includes(expected)) {
      failures.push(`headersInclude ${name}: expected to include ${show(expected)}, got ${show(value)}`);
    }
  }
  if (expect.textMatches !== undefined && !new RegExp(expect.textMatches).test(answer.text)) {
    failures.push(`textMatches /${expect.textMatches}/: got ${show(answer.text.slice(0, 300))}`);
  }
  for (const [path, reference] of Object.entries(expect.sameAsPrior ?? {})) {
    const match = /^priorRequests\[(\d+)\]\.(.+)$/.exec(reference);
    if (!match) {
      failures.push(`sameAsPrior ${path}: cannot read reference ${reference}`);
      continue;
    }
    const prior = getPath(priorBodies[Number(match[1])], match[2] as string);
    const actual = getPath(body, path);
    if (!prior.found || !actual.found || !deepEqual(prior.value, actual.value)) {
      failures.push(`sameAsPrior ${path}: got ${show(actual.value)}, ${reference} is ${show(prior.value)}`);
    }
  }
  return failures;
}
