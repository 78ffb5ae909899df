import { logError } from '../../shared/log.ts';

/** The Livechat widget's queue (`RocketChat(function () { this.… })`), for the `rocketchat` hand-off. */
type RocketChatQueue = (
  fn: (this: { setGuestToken(token: string): void; maximizeWidget(): void }) => void,
) => void;

/**
 * `handoff: 'rocketchat'`: pass the registered visitor's token to Rocket.Chat's official Livechat widget on the
 * page, which resumes that visitor (its own `setGuestToken`) and opens. False when that widget is not there.
 */
export function handOffToLivechat(token: string): boolean {
  const rocketChat = (window as Window & { RocketChat?: RocketChatQueue }).RocketChat;
  if (typeof rocketChat !== 'function') {
    logError(
      'handoff "rocketchat": window.RocketChat is not on this page; add the Livechat widget snippet, or use handoff "event"',
    );
    return false;
  }
  rocketChat(function () {
    this.setGuestToken(token);
    this.maximizeWidget();
  });
  return true;
}
