import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './support/msw-server.ts';

// jsdom has constructable stylesheets but not ShadowRoot.adoptedStyleSheets; keep the array so the
// widget's styling code runs as in a browser (the look itself is checked end to end in Chromium).
if (!('adoptedStyleSheets' in ShadowRoot.prototype)) {
  const sheets = new WeakMap<ShadowRoot, CSSStyleSheet[]>();
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
    get(this: ShadowRoot) {
      return sheets.get(this) ?? [];
    },
    set(this: ShadowRoot, value: CSSStyleSheet[]) {
      sheets.set(this, value);
    },
  });
}

// In the browser phone.js is a lazy classic script that registers this global; here it is present up front.
(window as Window & { RocketChatPrechatPhone?: unknown }).RocketChatPrechatPhone = {
  parsePhoneNumberFromString,
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  document.body.replaceChildren();
});
afterAll(() => server.close());
