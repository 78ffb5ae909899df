import { CONFIG_TIMEOUT_MS } from './request.ts';

/**
 * GET livechat/config (CONTRACT.md §2): asked once by the loader before anything is drawn, and again by the
 * widget only when that first answer is missing or the visitor asks to check again. A simple GET: no preflight.
 */
export function configUrl(serverUrl: string, params: { token?: string | null; department?: string }): string {
  const query = new URLSearchParams();
  if (params.token) query.set('token', params.token);
  if (params.department) query.set('department', params.department);
  // Always a `?`, even with nothing after it: Rocket.Chat reads an empty query as none, and the loader saves bytes.
  return `${serverUrl}/api/v1/livechat/config?${query}`;
}

/**
 * The config answer as JSON; rejects when there is none (the launcher is drawn anyway). Not validated here.
 * Leaner than fetchText (request.ts), because it ships in loader.js: every failure means the same thing here, so
 * none is told apart. The same time limit, body included; a timer, not AbortSignal.timeout(), for test clocks.
 */
export function fetchConfigJson(url: string): Promise<unknown> {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), CONFIG_TIMEOUT_MS);
  return fetch(url, { signal: controller.signal }).then((response) => response.json());
}

/** The few config fields the loader needs. */
export interface LoaderConfig {
  /** False only when the server says livechat is off; unknown (no answer) counts as on. */
  enabled: boolean;
  /** The server's theme colour as sent: the loader uses it only when it is a `#rrggbb` (`isHexColour`). */
  color: unknown;
  /** The server's launcher side (`Livechat_widget_position`), used when the site names none. */
  position: unknown;
  /** Rocket.Chat's visitor document for the token sent, for `getVisitor` (passed on as it came). */
  guest?: unknown;
}

/**
 * The loader's one look inside the config JSON, field by field (the loader carries no zod: the widget parses the
 * whole answer with the livechat schema when it mounts). Anything of another shape reads as absent.
 */
export function readLoaderConfig(json: unknown): LoaderConfig {
  // Object(x) is {} for null and undefined, a wrapper for other primitives: reading a property is always safe.
  const config: { enabled?: unknown; theme?: unknown; guest?: unknown } = Object(Object(json).config);
  const theme = Object(config.theme);
  return {
    enabled: config.enabled !== false,
    color: theme.color,
    position: theme.position,
    guest: config.guest,
  };
}
