import { describe, expect, it } from 'vitest';
import { check, Match } from '../../src/server/match.ts';

const VISITOR = {
  visitor: Match.ObjectIncluding({
    token: Match.String,
    name: Match.Maybe(Match.String),
    customFields: Match.Maybe(
      Match.ArrayOf(
        Match.ObjectIncluding({ key: Match.String, value: Match.String, overwrite: Match.Boolean }),
      ),
    ),
  }),
};

const messageOf = (value: unknown, pattern: Parameters<typeof check>[1] = VISITOR) => {
  try {
    check(value, pattern);
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('Meteor check() wording (CONTRACT.md §0.3)', () => {
  it('accepts a matching value and extra keys inside ObjectIncluding', () => {
    expect(messageOf({ visitor: { token: 't', anything: 1 } })).toBe('ok');
  });

  it('reports the first offending key in the value order: unknown key before missing key', () => {
    expect(messageOf({ extra: 1 })).toBe('Match error: Unknown key in field extra');
    expect(messageOf({})).toBe("Match error: Missing key 'visitor'");
  });

  it('Maybe inside an object only makes the key optional: null is tested against the pattern', () => {
    expect(messageOf({ visitor: { token: 't', name: null } })).toBe(
      'Match error: Expected string, got null in field visitor.name',
    );
    expect(messageOf({ visitor: { token: 't' } })).toBe('ok');
  });

  it('a standalone Maybe accepts null and undefined', () => {
    expect(messageOf(null, Match.Maybe(Match.String))).toBe('ok');
    expect(messageOf(undefined, Match.Maybe(Match.String))).toBe('ok');
    expect(messageOf(3, Match.Maybe(Match.String))).toBe(
      'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation',
    );
  });

  it('builds paths with array indices and quotes odd keys', () => {
    expect(messageOf({ visitor: { token: 't', customFields: [{ key: 'k', value: 'v' }] } })).toBe(
      "Match error: Missing key 'overwrite' in field visitor.customFields[0]",
    );
    expect(messageOf({ 'a-b': { c: 1 } }, { 'a-b': { c: Match.String } })).toBe(
      'Match error: Expected string, got number in field ["a-b"].c',
    );
  });

  it('prints the offending value as JSON for arrays, and refuses non-plain objects', () => {
    expect(messageOf({ visitor: { token: 't', customFields: { a: 1 } } })).toBe(
      'Match error: Expected array, got {"a":1} in field visitor.customFields',
    );
    expect(messageOf([], VISITOR)).toBe('Match error: Expected plain object');
  });
});
