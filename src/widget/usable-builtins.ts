import { toJson } from './api/to-json.ts';

/**
 * Built-ins the form cannot do without, checked once at mount. A host page may change them (old polyfills,
 * monkey-patching libraries); where one is broken beyond use the form says which, in one console error,
 * instead of failing somewhere later in silence. Changes that still work — a wrapped fetch, a replaced Promise,
 * extra enumerable properties, Prototype.js's Array.prototype.toJSON — pass.
 */
export function brokenBuiltin(): string | undefined {
  if (typeof fetch !== 'function') return 'window.fetch';
  try {
    if (toJson({ a: [1] }) !== '{"a":[1]}') return 'JSON.stringify';
    if (JSON.parse('{"a":[1]}').a[0] !== 1) return 'JSON.parse';
  } catch {
    return 'JSON';
  }
  return undefined;
}

/**
 * What React calls on the page's own document (every node it creates, its root event listeners, its window).
 * HTML injected into a page — no script needed — shadows any of them with an element of that name
 * (`<img name="createTextNode">`: Document lets named elements win over its own properties), and React then
 * throws from deep inside a render. `documentGetter` cannot help here: React reads the document itself.
 */
const SHADOWABLE = [
  'createElement',
  'createElementNS',
  'createTextNode',
  'addEventListener',
  'removeEventListener',
  'defaultView',
] as const;

/**
 * The first of those names an element of the page shadows: the document then answers with that element, a
 * collection of them, or a named iframe's window. A page's own working wrapper (a function in place of a
 * method) is not counted.
 */
export function shadowedDocumentName(): string | undefined {
  return SHADOWABLE.find((name) => {
    const value: unknown = Reflect.get(document, name);
    return name === 'defaultView' ? value !== window : typeof value !== 'function';
  });
}

export function assertUsableBuiltins(): void {
  const broken = brokenBuiltin();
  if (broken)
    throw new Error(`this page changed ${broken} so that it no longer works; the chat form cannot run here`);
  const shadowed = shadowedDocumentName();
  if (shadowed)
    throw new Error(
      `an element named "${shadowed}" on this page hides document.${shadowed} (DOM clobbering); the chat form cannot run here`,
    );
}
