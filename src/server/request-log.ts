/**
 * The `/api/**` requests since the last reset, in arrival order (control route `GET /_standin/requests`). Kept only
 * for the control routes, and only the latest `capacity` of them: a stand-in left running (the demo, a site
 * owner's test server) must not grow without end — bodies may be up to 1 MB each.
 */

export const LOGGED_HEADERS = [
  'origin',
  'content-type',
  'access-control-request-method',
  'access-control-request-headers',
  'cookie',
] as const;

export type LoggedRequest = {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
  /** The status answered; `null` while in flight or when the connection was dropped on purpose. */
  status: number | null;
};

/** Enough for any one test's traffic, and at most a few hundred MB even with bodies at their 1 MB cap. */
export const REQUEST_LOG_CAPACITY = 500;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  /** 0 keeps nothing (no control routes to read it). */
  constructor(private readonly capacity = REQUEST_LOG_CAPACITY) {}

  /** Records `entry` (the oldest one goes when full) and returns it, for its status to be filled in later. */
  add(entry: LoggedRequest): LoggedRequest {
    if (this.capacity === 0) return entry;
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    return entry;
  }

  all(): LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
