import { errorResponseSchema } from '../../livechat/schemas.ts';
import type { z } from '../../livechat/zod.ts';
import { ApiError } from './api-error.ts';

/** How long a request may take before it is aborted and treated like a dropped connection. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * One request to the Rocket.Chat REST API. Every answer is parsed with zod: a server of another version,
 * a proxy's HTML error page or a truncated body becomes an ApiError, never a crash.
 */
export async function requestJson<S extends z.ZodMiniType>(
  url: string,
  init: RequestInit,
  schema: S,
): Promise<z.infer<S>> {
  // A timer rather than AbortSignal.timeout(): test clocks (Playwright's page.clock, fake timers) control it.
  // It covers the body too: a server that sends headers and then stalls is as dead as one that never answers.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, REQUEST_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, signal: controller.signal });
    text = await response.text();
  } catch {
    throw new ApiError(timedOut ? 'timeout' : 'network', {});
  } finally {
    clearTimeout(timer);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's own 429 or 5xx page is still a 429 or a 5xx.
    if (response.status === 429 || response.status >= 500) throw toApiError(response.status, undefined);
    throw new ApiError('invalid-response', { status: response.status });
  }
  if (!response.ok) throw toApiError(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    if ((body as { success?: unknown })?.success === false) throw toApiError(400, body);
    throw new ApiError('invalid-response', { status: response.status });
  }
  return parsed.data;
}

function toApiError(status: number, body: unknown): ApiError {
  const envelope = errorResponseSchema.safeParse(body);
  const serverError = envelope.success ? envelope.data.error : '';
  if (status === 429) {
    // The X-RateLimit-* headers are not exposed to cross-origin scripts, but the body says how long to wait.
    const seconds = Number(/wait (\d+) seconds/.exec(serverError)?.[1] ?? 60);
    return new ApiError('rate-limited', {
      status,
      serverError,
      code: 'error-too-many-requests',
      retryAfter: seconds,
    });
  }
  if (status >= 500) return new ApiError('unavailable', { status, serverError });
  if (!envelope.success) return new ApiError('invalid-response', { status });
  // Plain Errors carry their code as the whole message ("invalid-token"); Meteor errors end in "[code]".
  const code = envelope.data.errorType || /\[([\w-]+)\]$/.exec(serverError)?.[1] || serverError;
  return new ApiError('rejected', { status, serverError, code });
}
