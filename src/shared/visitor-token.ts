/**
 * Where the visitor token lives. The loader reads it for the config request (so Rocket.Chat can recognise a
 * returning visitor before the form loads) and forgets it on `reset`; the widget's TokenStore creates, adopts
 * and replaces it. One key, one module, for both bundles.
 */
export const TOKEN_STORAGE_KEY = 'rocketchat-prechat:token';

/** The stored token, or null when there is none or storage is blocked. Not validated: callers check the shape. */
export function readStoredToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Forgets the token (a site's logout); blocked storage has nothing to forget. */
export function forgetStoredToken(): void {
  try {
    localStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {}
}
