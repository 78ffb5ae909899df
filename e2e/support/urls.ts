/**
 * The three origins of the end-to-end setup. They are deliberately three different origins, as in
 * production: a site's page, the CDN that serves dist/, and the Rocket.Chat server. The browser therefore
 * enforces CORS between them for real, and the loader has to work cross-origin without CORS headers.
 *
 * The host pages in e2e/hosts/ are static files and hard-code these same ports; change both together.
 */

/** The Rocket.Chat stand-in (`npm run server -- --control --fixture e2e/fixtures/standin.json`). */
export const STANDIN_PORT = 3100;
export const STANDIN_URL = `http://127.0.0.1:${STANDIN_PORT}`;

/** The site owner's pages: e2e/hosts/ served as plain static files. */
export const HOSTS_PORT = 5174;
export const HOSTS_URL = `http://127.0.0.1:${HOSTS_PORT}`;

/** The "CDN": the built dist/ served as plain static files with no CORS headers. */
export const CDN_PORT = 5175;
export const CDN_URL = `http://127.0.0.1:${CDN_PORT}`;

/** The host pages that exist in e2e/hosts/. */
export type HostPage =
  | 'basic'
  | 'preload'
  | 'attributes'
  | 'department-attribute'
  | 'inline'
  | 'double'
  | 'hostile'
  | 'hostile-builtins'
  | 'clobbering'
  | 'clobbering-document'
  | 'csp'
  | 'csp-nonce'
  | 'options'
  | 'language'
  | 'handoff-livechat'
  | 'livechat'
  | 'blank';

/** The URL of a host page, e.g. `hostUrl('basic')` → http://127.0.0.1:5174/basic.html. */
export function hostUrl(page: HostPage, query = ''): string {
  return `${HOSTS_URL}/${page}.html${query ? `?${query.replace(/^\?/, '')}` : ''}`;
}
