import { afterEach, describe, expect, it } from 'vitest';
import { toJson } from '../../src/widget/api/to-json.ts';

type Patched = { toJSON?: () => string };

afterEach(() => {
  delete (Array.prototype as Patched).toJSON;
  delete (Object.prototype as Patched).toJSON;
});

describe('toJson', () => {
  const body = { visitor: { token: 't', customFields: [{ key: 'plan', value: 'Pro', overwrite: true }] } };
  const expected = '{"visitor":{"token":"t","customFields":[{"key":"plan","value":"Pro","overwrite":true}]}}';

  it('writes JSON as JSON defines it', () => {
    expect(toJson(body)).toBe(expected);
  });

  it('is not changed by a toJSON a host page added (Prototype.js: arrays as strings)', () => {
    (Array.prototype as Patched).toJSON = function (this: unknown[]) {
      return `[${this.map((item) => JSON.stringify(item)).join(', ')}]`;
    };
    expect(JSON.stringify(body)).not.toBe(expected); // the patch is in effect
    expect(toJson(body)).toBe(expected);
    (Object.prototype as Patched).toJSON = () => 'nope';
    expect(toJson(body)).toBe(expected);
  });
});
