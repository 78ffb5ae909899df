/** The value checks both bundles apply: the loader before it draws anything, the widget's option schema after. */

/** A theme colour as Rocket.Chat stores it and CSS takes it: `#rrggbb`. */
export const HEX_COLOUR = /^#[\da-f]{6}$/i;
export const isHexColour = (value: unknown): value is string =>
  typeof value === 'string' && HEX_COLOUR.test(value);

/** A Rocket.Chat server address: http(s) with a host. Anything else (`javascript:`, a bare path) is refused. */
export const SERVER_URL = /^https?:\/\/[^/]/i;

/** The address with no trailing slash, so `${serverUrl}/api/v1/…` never has two. */
export const trimServerUrl = (url: string): string => url.replace(/\/+$/, '');
