import { logError } from '../../shared/log.ts';
import { HANDOFF_STORAGE_KEY } from '../../shared/visitor-token.ts';
import type { LauncherHandle } from '../../shared/widget-context.ts';

/** The part of Rocket.Chat's Livechat widget API (`RocketChat(function () { this.… })`) the hand-off uses. */
interface LivechatWidgetApi {
  setGuestToken(token: string): void;
  showWidget(): void;
  hideWidget(): void;
  maximizeWidget(): void;
  /** Current Rocket.Chat; the 1.13.3 npm build has only `initialize({ language })`, which both understand. */
  setLanguage?: (language: string) => void;
  initialize(params: { language?: string }): void;
}
type LivechatQueue = (fn: (this: LivechatWidgetApi) => void) => void;

/** Rocket.Chat's widget queue, when its snippet is on the page (its stub queues calls until it has booted). */
function livechatQueue(): LivechatQueue | undefined {
  const queue = (window as Window & { RocketChat?: unknown }).RocketChat;
  return typeof queue === 'function' ? (queue as LivechatQueue) : undefined;
}

function handedOffToken(): string | null {
  try {
    return localStorage.getItem(HANDOFF_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * `handoff: 'rocketchat'`, when the form mounts (the loader mounts it when the page is idle): one launcher at a
 * time. A visitor already handed off continues in Rocket.Chat's widget, so ours stays hidden and theirs shows;
 * anyone else sees only ours until the hand-off (theirs would sit on the same corner of the page).
 */
export function showOneLauncher(token: string | null, launcher: LauncherHandle | undefined): void {
  const queue = livechatQueue();
  if (!queue) return; // not on this page: nothing to coordinate (the hand-off itself says so)
  const continuing = token !== null && handedOffToken() === token;
  launcher?.setHidden(continuing);
  queue(function () {
    if (continuing) this.showWidget();
    else this.hideWidget();
  });
}

/**
 * Passes the registered visitor to Rocket.Chat's own widget: its language first (left to itself it puts the
 * server's `Language` before the browser's, CONTRACT.md §9), then the token (`setGuestToken` resumes that visitor
 * — no second form, no new visitor), then it shows and opens; our launcher goes away for good for this visitor.
 * False when that widget is not on the page.
 */
export function handOffToLivechat(
  token: string,
  locale: string,
  launcher: LauncherHandle | undefined,
): boolean {
  const queue = livechatQueue();
  if (!queue) {
    logError(
      'handoff "rocketchat": window.RocketChat is not on this page; add the Livechat widget snippet, or use handoff "event"',
    );
    return false;
  }
  queue(function () {
    if (typeof this.setLanguage === 'function') this.setLanguage(locale);
    else this.initialize({ language: locale });
    this.setGuestToken(token);
    this.showWidget();
    this.maximizeWidget();
  });
  try {
    localStorage.setItem(HANDOFF_STORAGE_KEY, token);
  } catch {
    // Blocked storage: the next page view shows our launcher again, and the visitor is recognised by the server.
  }
  launcher?.setHidden(true);
  return true;
}
