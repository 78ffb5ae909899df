import { errorResponseSchema } from '../../livechat/schemas.ts';
import type { z } from '../../livechat/zod.ts';
import { fetchText, REQUEST_TIMEOUT_MS } from '../../shared/request.ts';
import { ApiError } from './api-error.ts';

/**
 * One request to the Rocket.Chat REST API. Every answer is parsed with zod: a server of another version,
 * a proxy's HTML error page or a truncated body becomes an ApiError, never a crash.
 */
export async function requestJson<S extends z.ZodMiniType>(
  url: string,
  init: RequestInit,
  schema: S,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<z.infer<S>> {
  let response: Response;
  let text: string;
  try {
    ({ response, text } = await fetchText(url, init, timeoutMs));
  } catch (error) {
    throw new ApiError((error as Error).message === 'timeout' ? 'timeout' : 'network', {});
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
  const envelope = errorResponseSchema().safeParse(body);
  const serverError = envelope.success ? envelope.data.error : '';
  if (status === 429) {
    // The X-RateLimit-* headers are not exposed to cross-origin scripts, but the body says how long to wait.
    // Capped at 10 minutes: a proxy or a misconfigured server cannot lock the button for hours.
    const seconds = Math.min(Number(/wait (\d+) seconds/.exec(serverError)?.[1] ?? 60), 600);
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
