/**
 * Rocket.Chat's error envelope (CONTRACT.md §0.3): every failure is `{ success: false, error, errorType?, details? }`.
 * The classes below mirror what Rocket.Chat's handlers throw, so a route can `throw` the same thing the real
 * server throws and `failureOf()` renders it exactly as `ApiClass.ts#failure()` does.
 */

/** `new Meteor.Error(code, reason?, details?)` → `"<reason> [<code>]"` or `"[<code>]"`, errorType = code. */
export class MeteorError extends Error {
  constructor(
    readonly code: string,
    readonly reason?: string,
    readonly details?: unknown,
  ) {
    super(reason ? `${reason} [${code}]` : `[${code}]`);
  }
}

/** Meteor `check()` failure: `"Match error: <msg>[ in field <path>]"`, no errorType. */
export class MatchError extends Error {}

/** AJV `validateParams` on a legacy `addRoute` route (§0.3): `"<msg> [invalid-params]"`, errorType `invalid-params`. */
export class LegacyParamsError extends MeteorError {
  constructor(message: string) {
    super('invalid-params', message);
  }
}

/** Query validation of a typed route (§0.3): errorType `error-invalid-params`, no suffix on the message. */
export class TypedQueryError extends Error {}

/** Body validation of a typed route (§0.3): errorType `invalid-params`, no suffix on the message. */
export class TypedBodyError extends Error {}

export type Failure = { status: number; body: Record<string, unknown> };

/** Renders anything a handler threw as Rocket.Chat would answer it. A plain `Error` keeps its bare message. */
export function failureOf(err: unknown): Failure {
  if (err instanceof TypedQueryError) {
    return { status: 400, body: { success: false, errorType: 'error-invalid-params', error: err.message } };
  }
  if (err instanceof TypedBodyError) {
    return { status: 400, body: { success: false, errorType: 'invalid-params', error: err.message } };
  }
  if (err instanceof MeteorError) {
    // §0.5: the limiter's Meteor.Error becomes a bare 429 `{success:false, error}` (API.v1.tooManyRequests).
    if (err.code === 'error-too-many-requests') {
      return { status: 429, body: { success: false, error: err.message } };
    }
    const status = err.code === 'unauthorized' || err.code === 'error-unauthorized' ? 403 : 400;
    const body: Record<string, unknown> = { success: false, error: err.message, errorType: err.code };
    if (err.details !== undefined) body.details = err.details;
    return { status, body };
  }
  if (err instanceof Error) {
    return { status: 400, body: { success: false, error: err.message } };
  }
  return { status: 400, body: { success: false, error: String(err) } };
}
