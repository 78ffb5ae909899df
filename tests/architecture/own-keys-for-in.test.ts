import { describe, expect, it } from 'vitest';
import { rewriteForIn } from '../../src/dev/own-keys-for-in.ts';

/** Runs `code` (which fills `seen`) on a realm whose Object.prototype has an enumerable extra, as a page's may. */
function keysSeen(code: string): string[] {
  const seen: string[] = [];
  const proto = Object.prototype as { polluted?: string };
  proto.polluted = 'yes';
  try {
    new Function('seen', code)(seen);
  } finally {
    delete proto.polluted;
  }
  return seen;
}

describe('own-keys-for-in (the build step for widget.js and the npm package)', () => {
  const loops = [
    'for (const k in { a: 1, b: 2 }) seen.push(k);',
    // minified: a comma expression as the object, a var declared by the loop
    'var r; for (var a in r = {}, { a: 1, b: 2 }) seen.push(a);',
    'for (const k in null) seen.push(k); for (const k in { a: 1, b: 2 }) seen.push(k);',
  ];

  it('walks own keys only, where for…in also walks a page’s additions to Object.prototype', () => {
    for (const loop of loops) {
      expect(keysSeen(loop)).toContain('polluted');
      const { code, loops: count } = rewriteForIn(loop);
      expect(count).toBeGreaterThan(0);
      expect(keysSeen(code)).toEqual(['a', 'b']);
    }
  });

  it('leaves code without for…in as it was', () => {
    const code = 'for (const k of [1, 2]) seen.push(String(k)); const x = "a" in {};';
    expect(rewriteForIn(code)).toEqual({ code, loops: 0 });
  });
});
