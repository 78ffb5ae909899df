import { logError } from '../../shared/log.ts';

/** The Livechat widget's queue (`RocketChat(function () { this.… })`), for the `rocketchat` hand-off. */
type RocketChatQueue = (
  fn: (this: {
    setLanguage(language: string): void;
    setGuestToken(token: string): void;
    maximizeWidget(): void;
  }) => void,
) => void;

/**
 * `handoff: 'rocketchat'`: pass the registered visitor's token to Rocket.Chat's official Livechat widget on the
 * page, which resumes that visitor (its own `setGuestToken`) and opens. False when that widget is not there.
 * It is told the form's language first: left to itself it knows nothing of the page and puts the server's
 * `Language` setting before the browser's, so a visitor who just read the form in Portuguese would continue in
 * the agents' English (CONTRACT.md §9).
 */
export function handOffToLivechat(token: string, locale: string): boolean {
  const rocketChat = (window as Window & { RocketChat?: RocketChatQueue }).RocketChat;
  if (typeof rocketChat !== 'function') {
    logError(
      'handoff "rocketchat": window.RocketChat is not on this page; add the Livechat widget snippet, or use handoff "event"',
    );
    return false;
  }
  rocketChat(function () {
    this.setLanguage(locale);
    this.setGuestToken(token);
    this.maximizeWidget();
  });
  return true;
}
