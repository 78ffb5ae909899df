/**
 * A small port of Meteor's `check()` / `Match` (packages/check/match.js), limited to the patterns the livechat
 * routes use, so shape errors carry Rocket.Chat's exact wording (CONTRACT.md §0.3), e.g.
 * `Match error: Missing key 'token' in field visitor`.
 *
 * Two Meteor rules that matter and are easy to get wrong:
 * - A plain-object pattern rejects unknown keys; `ObjectIncluding` accepts them.
 * - Inside an object, `Match.Maybe(p)` only makes the KEY optional: a present key is tested against `p` itself,
 *   so `{ name: null }` fails with `Expected string, got null` (Meteor docs: "If used in an object, matches only
 *   if the key is not set as opposed to the value being set to undefined or null").
 */
import { MatchError } from './errors.ts';

class Maybe {
  constructor(readonly pattern: Pattern) {}
}
class ObjectIncluding {
  constructor(readonly pattern: ObjectPattern) {}
}
class ArrayOf {
  constructor(readonly pattern: Pattern) {}
}

type Atomic = 'string' | 'number' | 'boolean';
export type ObjectPattern = { [key: string]: Pattern };
export type Pattern = Atomic | Maybe | ObjectIncluding | ArrayOf | ObjectPattern;

export const Match = {
  String: 'string' as const,
  Number: 'number' as const,
  Boolean: 'boolean' as const,
  Maybe: (pattern: Pattern) => new Maybe(pattern),
  ObjectIncluding: (pattern: ObjectPattern) => new ObjectIncluding(pattern),
  ArrayOf: (pattern: Pattern) => new ArrayOf(pattern),
};

type Failure = { message: string; path: string };

/** Meteor's `stringForErrorMessage` without `onlyShowType`: EJSON text of the value (plain JSON here). */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

const JS_KEYWORDS = new Set(
  'do if in for let new try var case else enum eval false null this true void with break catch class const super throw while yield delete export import public return static switch typeof default extends finally package private continue debugger function arguments interface protected implements instanceof'.split(
    ' ',
  ),
);

/** Meteor's `_prependPath`: numeric keys become `[i]`, odd keys `["a-b"]`, others `a.b`. */
function prependPath(key: string | number, base: string): string {
  let segment: string;
  if (typeof key === 'number' || /^[0-9]+$/.test(key)) segment = `[${key}]`;
  else if (!/^[a-z_$][0-9a-z_$]*$/i.test(key) || JS_KEYWORDS.has(key)) segment = JSON.stringify([key]);
  else segment = key;
  if (base && base[0] !== '[') return `${segment}.${base}`;
  return segment + base;
}

function testSubtree(value: unknown, pattern: Pattern): Failure | false {
  if (typeof pattern === 'string') {
    if (typeof value === pattern) return false;
    return { message: `Expected ${pattern}, got ${value === null ? 'null' : typeof value}`, path: '' };
  }
  if (pattern instanceof ArrayOf) {
    if (!Array.isArray(value)) return { message: `Expected array, got ${describeValue(value)}`, path: '' };
    for (let i = 0; i < value.length; i++) {
      const result = testSubtree(value[i], pattern.pattern);
      if (result) return { message: result.message, path: prependPath(i, result.path) };
    }
    return false;
  }
  if (pattern instanceof Maybe) {
    // Standalone Maybe = OneOf(undefined, null, pattern); Meteor's wording for its failure.
    if (value === undefined || value === null || !testSubtree(value, pattern.pattern)) return false;
    return { message: 'Failed Match.OneOf, Match.Maybe or Match.Optional validation', path: '' };
  }
  const unknownKeysAllowed = pattern instanceof ObjectIncluding;
  const shape: ObjectPattern = pattern instanceof ObjectIncluding ? pattern.pattern : pattern;

  if (typeof value !== 'object') return { message: `Expected object, got ${typeof value}`, path: '' };
  if (value === null) return { message: 'Expected object, got null', path: '' };
  if (!isPlainObject(value)) return { message: 'Expected plain object', path: '' };

  const required = new Map<string, Pattern>();
  const optional = new Map<string, Pattern>();
  for (const [key, sub] of Object.entries(shape)) {
    if (sub instanceof Maybe) optional.set(key, sub.pattern);
    else required.set(key, sub);
  }
  // Keys are visited in the value's own order, so the first offending key of the body decides the message.
  for (const [key, subValue] of Object.entries(value)) {
    const sub = required.get(key) ?? optional.get(key);
    if (sub !== undefined) {
      const result = testSubtree(subValue, sub);
      if (result) return { message: result.message, path: prependPath(key, result.path) };
      required.delete(key);
    } else if (!unknownKeysAllowed) {
      // Meteor returns the raw key here (not prepended), e.g. `Unknown key in field extra`.
      return { message: 'Unknown key', path: key };
    }
  }
  const missing = required.keys().next();
  if (!missing.done) return { message: `Missing key '${missing.value}'`, path: '' };
  return false;
}

/** Throws a `MatchError` worded exactly like Meteor's `check()`. */
export function check(value: unknown, pattern: Pattern): void {
  const result = testSubtree(value, pattern);
  if (result) {
    throw new MatchError(`Match error: ${result.message}${result.path ? ` in field ${result.path}` : ''}`);
  }
}
