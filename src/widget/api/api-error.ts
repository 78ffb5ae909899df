/** Why a request to Rocket.Chat failed, in the terms the form needs to tell the visitor. */
export type ApiErrorKind =
  /** No answer at all: offline, DNS, connection refused or dropped — or a CORS refusal, which looks the same. */
  | 'network'
  /** No answer within the time limit; the request was aborted. */
  | 'timeout'
  /** 429 from Rocket.Chat's rate limiter; `retryAfterSeconds` says how long to wait. */
  | 'rate-limited'
  /** 5xx: the server or a proxy in front of it failed. */
  | 'unavailable'
  /** A 4xx answer in Rocket.Chat's error envelope (CONTRACT.md §0.3). */
  | 'rejected'
  /** An answer that is not the JSON the contract describes (HTML error page, truncated body, wrong shape). */
  | 'invalid-response';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  /** Rocket.Chat's `error` string, e.g. `Sorry, no online agents [no-agent-online]`. */
  readonly serverError: string;
  /** Rocket.Chat's `errorType`, or the bare code for plain errors such as `invalid-token`. */
  readonly code: string;
  readonly retryAfterSeconds: number;

  constructor(
    kind: ApiErrorKind,
    init: { status?: number; serverError?: string; code?: string; retryAfter?: number },
  ) {
    super(init.serverError || kind);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = init.status ?? 0;
    this.serverError = init.serverError ?? '';
    this.code = init.code || kind;
    this.retryAfterSeconds = init.retryAfter ?? 0;
  }

  /** Registration is an idempotent upsert by token, so these are safe to send again. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'unavailable';
  }
}
