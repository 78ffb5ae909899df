/**
 * Where this browser keeps what it knows of the visitor, for both bundles. The loader reads the token for the
 * config request (so Rocket.Chat can recognise a returning visitor before the form loads) and forgets everything
 * on `reset`, whether or not the form has loaded; the widget's stores create, adopt and replace each part.
 */
export const TOKEN_STORAGE_KEY = 'rocketchat-prechat:token';
/** What the visitor typed, per tab, until the chat starts (sessionStorage). */
export const DRAFT_STORAGE_KEY = 'rocketchat-prechat:draft';
/** The token handed to Rocket.Chat's own widget (`handoff: 'rocketchat'`): that visitor continues there. */
export const HANDOFF_STORAGE_KEY = 'rocketchat-prechat:handed-off';

/** The stored token, or null when there is none or storage is blocked. Not validated: callers check the shape. */
export function readStoredToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Forgets this visitor (a site's logout, a shared computer): token, hand-off and draft. Blocked storage has
 * nothing to forget.
 */
export function forgetVisitor(): void {
  try {
    localStorage.removeItem(TOKEN_STORAGE_KEY);
    localStorage.removeItem(HANDOFF_STORAGE_KEY);
    sessionStorage.removeItem(DRAFT_STORAGE_KEY);
  } catch {}
}
