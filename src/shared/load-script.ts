import { documentGetter } from './dom-clobbering.ts';

/**
 * Adds a classic `<script src>` and resolves when it ran. Classic scripts, not modules: a module or
 * `import()` from another origin needs CORS headers, and the widget files must work from any static host.
 */
export function loadScript(src: string, nonce: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    if (nonce) script.nonce = nonce;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load ${src}`));
    };
    documentGetter('head').append(script);
  });
}

/** Starts downloading a script now, without running it: `loadScript` later finds it in the cache. */
export function preloadScript(href: string, nonce: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.href = href;
  if (nonce) link.nonce = nonce;
  documentGetter('head').append(link);
}

/** Runs `callback` when the browser is idle (after 1.5 s where there is no requestIdleCallback). */
export function whenIdle(callback: () => void): void {
  (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1500)))(callback);
}
