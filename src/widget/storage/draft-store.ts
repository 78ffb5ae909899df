/**
 * What the visitor typed, kept in sessionStorage until the chat starts: a reload or a navigation in the
 * middle of typing or submitting brings it back. Per tab, gone when the tab closes. Keyed by stable field
 * ids (`name`, `email`, …, `cf:<custom field key>`) so a change in the server's field order cannot shuffle it.
 */
import { DRAFT_STORAGE_KEY as DRAFT_KEY } from '../../shared/visitor-token.ts';

export type Draft = Record<string, string>;

/** The draft while sessionStorage refuses it (blocked, full): lost on reload, but Back and a remount find it. */
let unsaved: Draft | undefined;

export function loadDraft(): Draft {
  if (unsaved) return unsaved;
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {}; // blocked storage or a corrupt value: start empty
  }
}

export function saveDraft(draft: Draft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    unsaved = undefined;
  } catch {
    // Full or blocked: the form still works from memory, it just cannot survive a reload.
    unsaved = draft;
  }
}

export function clearDraft(): void {
  unsaved = undefined;
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {}
}
