/** Every `/api/**` request since the last reset, in arrival order (control route `GET /_standin/requests`). */

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

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    return entry;
  }

  all(): LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
