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

export function assertUsableBuiltins(): void {
  const broken = brokenBuiltin();
  if (broken)
    throw new Error(`this page changed ${broken} so that it no longer works; the chat form cannot run here`);
}
