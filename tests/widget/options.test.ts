import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { PrechatOptions } from '../../src/types/public-api.ts';
import { type AcceptedOptions, resolveOptions } from '../../src/widget/options.ts';

describe('init options', () => {
  it('applies the defaults', () => {
    const options = resolveOptions({ serverUrl: 'https://chat.example.com/' }, vi.fn());
    expect(options).toEqual({
      serverUrl: 'https://chat.example.com',
      department: undefined,
      locale: undefined,
      theme: { color: undefined, position: 'right' },
      fields: { name: {}, email: {}, phone: {}, message: {} },
      customFields: [],
      startRoom: true,
      nonce: undefined,
      labels: {},
      customFieldLabels: {},
      customFieldOptions: {},
      consent: undefined,
      handoff: 'event',
    });
  });

  it('reports each bad option once, by name, and keeps the good ones', () => {
    const log = vi.fn();
    const options = resolveOptions(
      {
        serverUrl: 'https://chat.example.com',
        theme: { color: 'red', position: 'left' },
        fields: { phone: { required: 'yes' } },
        startRoom: false,
        colour: '#fff',
      },
      log,
    );
    // Unknown names first, then bad values, each in the order given.
    expect(log.mock.calls.map(([message]) => message)).toEqual([
      'init: unknown option "colour" (ignored)',
      expect.stringMatching(/^init: option "theme\.color" must be a colour like "#1d74f5"/),
      expect.stringMatching(/^init: option "fields\.phone\.required" /),
    ]);
    expect(options.theme.position).toBe('right'); // the whole bad option falls back
    expect(options.startRoom).toBe(false);
  });
});

describe('one source for the options', () => {
  it('accepts every value the public PrechatOptions type allows (checked by the type checker)', () => {
    // The schema `satisfies` PrechatOptions in src/widget/options.ts: every option is named in both, and what
    // it parses to is what the public type promises. This is the other direction: nothing the public type lets
    // a site owner write is refused by the schema's types.
    expectTypeOf<PrechatOptions>().toExtend<AcceptedOptions>();
    expectTypeOf<keyof AcceptedOptions>().toEqualTypeOf<keyof PrechatOptions>();
    expect(Object.keys(resolveOptions({ serverUrl: 'https://chat.example.com' }, vi.fn())).sort()).toEqual(
      [
        'consent',
        'customFieldLabels',
        'customFieldOptions',
        'customFields',
        'department',
        'fields',
        'handoff',
        'labels',
        'locale',
        'nonce',
        'serverUrl',
        'startRoom',
        'theme',
      ].sort(),
    );
  });

  it('treats Object.prototype names as unknown options, not as schemas', () => {
    const log = vi.fn();
    const options = resolveOptions(
      { serverUrl: 'https://chat.example.com', constructor: 1, toString: 'x', hasOwnProperty: true },
      log,
    );
    expect(log.mock.calls.map(([message]) => message)).toEqual([
      'init: unknown option "constructor" (ignored)',
      'init: unknown option "toString" (ignored)',
      'init: unknown option "hasOwnProperty" (ignored)',
    ]);
    expect(options.serverUrl).toBe('https://chat.example.com');
  });
});
