/**
 * HTML injected into a host page — no script needed — can shadow `document.currentScript`, `document.body`
 * and `document.head` (`<img name="currentScript" src="https://evil.example/">`: a named element wins over
 * Document's own properties, "DOM clobbering"), and any global we look up by name (`<div id="…">` is
 * `window.…` until a script defines it). The getters on Document.prototype and a check of what a global *is*
 * cannot be shadowed that way.
 */

/** `document[name]` as the browser defines it, whatever elements the page holds. */
export const documentGetter = <K extends 'currentScript' | 'body' | 'head'>(name: K): Document[K] =>
  // Every engine defines these three as getters on Document.prototype (checked in Chromium, Firefox, WebKitGTK).
  (
    (Object.getOwnPropertyDescriptor(Document.prototype, name) as PropertyDescriptor).get as () => Document[K]
  ).call(document);

// What our classic scripts define on window (the IIFE names in vite.config.ts) — or a page element of that name.
declare global {
  interface Window {
    RocketChatPrechatWidget?: unknown;
    RocketChatPrechatPhone?: unknown;
  }
}

/** A global one of our classic scripts defined, or undefined while only a page element answers to its name. */
export const ownGlobal = <T>(
  name: 'RocketChatPrechatWidget' | 'RocketChatPrechatPhone',
  method: keyof T,
): T | undefined => {
  const value = window[name] as T | undefined;
  // A page element answering to the name has no method called `mount` or `parsePhoneNumberFromString`, and
  // HTML cannot give it one.
  return value?.[method] instanceof Function ? value : undefined;
};
