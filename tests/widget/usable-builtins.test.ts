import { afterEach, describe, expect, it } from 'vitest';
import { assertUsableBuiltins } from '../../src/widget/usable-builtins.ts';

const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

/** What a page's `<img name="…">` does to `document` (jsdom does not shadow Document's own names by itself). */
function shadow(name: string, value: unknown) {
  const own = Object.getOwnPropertyDescriptor(document, name);
  restore.push(() =>
    own ? Object.defineProperty(document, name, own) : Reflect.deleteProperty(document, name),
  );
  Object.defineProperty(document, name, { value, configurable: true });
}

describe('the page check at mount', () => {
  it('passes on an untouched page', () => {
    expect(() => assertUsableBuiltins()).not.toThrow();
  });

  for (const name of [
    'createElement',
    'createElementNS',
    'createTextNode',
    'addEventListener',
    'removeEventListener',
    'defaultView',
  ]) {
    it(`names document.${name} when an element of the page hides it`, () => {
      shadow(name, document.createElement('img'));
      expect(() => assertUsableBuiltins()).toThrow(
        `an element named "${name}" on this page hides document.${name} (DOM clobbering); the chat form cannot run here`,
      );
    });
  }

  it('names it when two elements share the name (the document then answers with a collection)', () => {
    shadow('createTextNode', document.getElementsByTagName('img'));
    expect(() => assertUsableBuiltins()).toThrow('document.createTextNode');
  });

  it('lets a page wrap a method with a working function of its own', () => {
    const original = document.addEventListener;
    shadow(
      'addEventListener',
      function wrapped(this: Document, ...args: Parameters<Document['addEventListener']>) {
        return original.apply(this, args);
      },
    );
    expect(() => assertUsableBuiltins()).not.toThrow();
  });
});
