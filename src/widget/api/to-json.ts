/**
 * JSON text of a request body, as JSON itself defines it — whatever `toJSON` methods the host page added.
 *
 * Prototype.js (still on many old shops) sets `Array.prototype.toJSON` to return a *string*, so
 * `JSON.stringify({ customFields: [...] })` sends `"customFields": "[…]"` and Rocket.Chat refuses the
 * registration. JSON.stringify calls `toJSON` before the replacer, but the replacer sees the holder: handing back
 * the holder's own value for every object undoes any `toJSON` (our bodies are plain data; none needs one).
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, converted: unknown) {
    const own = this[key];
    return typeof own === 'object' && own !== null ? own : converted;
  });
}
