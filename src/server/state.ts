/** Everything a running stand-in holds: the loaded fixture, the data (messages and offline messages in memory only), limiter counters, faults and the request log. */
import { FaultQueue } from './faults.ts';
import type { Fixture } from './fixture.ts';
import { MessageLog } from './messages.ts';
import { RateLimiter } from './rate-limiter.ts';
import { RequestLog } from './request-log.ts';
import type { Settings } from './settings.ts';
import type { Store } from './store.ts';

/**
 * An offline message as Rocket.Chat would have mailed it (CONTRACT.md §14): the form's fields (`department` and
 * `host` only when sent non-empty) and `to`, the recipient — the department's `email` or `Livechat_offline_email`.
 */
export type OfflineMessage = {
  _id: string;
  name: string;
  email: string;
  message: string;
  department?: string;
  host?: string;
  to: string;
  ts: string;
};

export class StandinState {
  readonly limiter = new RateLimiter();
  readonly faults = new FaultQueue();
  readonly requests: RequestLog;
  readonly messages = new MessageLog();
  /** Kept in memory only, like `messages`; a reset empties it. */
  offlineMessages: OfflineMessage[] = [];

  constructor(
    public fixture: Fixture,
    readonly store: Store,
    { logRequests = true }: { logRequests?: boolean } = {},
  ) {
    this.requests = new RequestLog(logRequests ? undefined : 0);
  }

  get settings(): Settings {
    return this.fixture.settings;
  }

  /** Control reset: drop all visitors, rooms, messages, offline messages, counters, faults and logged requests, then load `fixture`. */
  reset(fixture: Fixture): void {
    this.fixture = fixture;
    this.store.load({ guestCount: fixture.settings.Livechat_guest_count, visitors: [], rooms: [] });
    this.store.changed();
    this.limiter.reset();
    this.faults.clear();
    this.requests.clear();
    this.messages.clear();
    this.offlineMessages = [];
  }
}
