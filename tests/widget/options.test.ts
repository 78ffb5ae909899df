import { describe, expect, it, vi } from 'vitest';
import { resolveOptions } from '../../src/widget/options.ts';

describe('init options', () => {
  it('applies the defaults', () => {
    const options = resolveOptions({ serverUrl: 'https://chat.example.com/' }, vi.fn());
    expect(options).toEqual({
      serverUrl: 'https://chat.example.com',
      department: undefined,
      locale: undefined,
      theme: { color: undefined, position: 'right' },
      fields: { name: {}, email: {}, phone: {} },
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
    expect(log.mock.calls.map(([message]) => message)).toEqual([
      expect.stringMatching(/^init: option "theme\.color" must be a colour like "#1d74f5"/),
      expect.stringMatching(/^init: option "fields\.phone\.required" /),
      'init: unknown option "colour" (ignored)',
    ]);
    expect(options.theme.position).toBe('right'); // the whole bad option falls back
    expect(options.startRoom).toBe(false);
  });
});
