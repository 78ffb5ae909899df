import { onlineManager } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';

/** True while the browser says it is offline: the mutation pauses until it is back, instead of failing. */
function holdWhileOffline(error: unknown): boolean {
  if (!(error instanceof ApiError && error.kind === 'network' && !navigator.onLine)) return false;
  onlineManager.setOnline(false);
  return true;
}

/**
 * Registration, room and first message: retry a dropped connection or a 5xx twice with backoff (each is
 * idempotent: an upsert by token, the open room, a message with a fixed `_id`). A request that failed because
 * the browser is offline is retried for as long as it takes: marking the network offline pauses the mutation.
 */
export const registrationRetry = {
  retry: (failures: number, error: unknown) =>
    error instanceof ApiError && error.retryable && (holdWhileOffline(error) || failures < 2),
  retryDelay: (attempt: number) => 1000 * 2 ** attempt,
};

/**
 * An offline message is a mail: sent twice, it arrives twice, and Rocket.Chat lets one through per 5 s
 * (CONTRACT.md §14). So it is held while the browser is offline (it never left), retried once after a dropped
 * connection or a 5xx, past the limiter's window — and never after a timeout, which may have been delivered:
 * the visitor sees the error with their text kept and decides.
 */
export const offlineMessageRetry = {
  retry: (failures: number, error: unknown) =>
    error instanceof ApiError &&
    (holdWhileOffline(error) || (failures < 1 && (error.kind === 'network' || error.kind === 'unavailable'))),
  retryDelay: () => 5000,
};
