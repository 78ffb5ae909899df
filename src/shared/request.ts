/**
 * The one way both bundles talk to Rocket.Chat: fetch with a timer that aborts a request that takes too long.
 * A timer rather than AbortSignal.timeout(): test clocks (Playwright's page.clock, fake timers) control it. It
 * covers the body too: a server that sends headers and then stalls is as dead as one that never answers.
 */

/** Registration and room: long enough for a slow mobile network, short enough that a visitor is not left waiting. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** GET livechat/config, which the launcher waits for: a dead server should not keep the launcher away for long. */
export const CONFIG_TIMEOUT_MS = 8_000;

/**
 * Resolves with the response and its whole body as text. Rejects, when no answer came, with an Error whose
 * message says why: `timeout` (the timer ran out) or `network` (offline, refused, dropped, or a CORS refusal).
 */
export async function fetchText(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ response: Response; text: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return { response, text: await response.text() };
  } catch {
    // Only the timer aborts this controller.
    throw new Error(controller.signal.aborted ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
  }
}
