/**
 * Every console line of ours — loader, form, npm package — starts with this, so a site owner can filter for it.
 * The loader and the widget are separate bundles: each carries this little module.
 */
export const LOG_PREFIX = '[RocketChatPrechat]';

export const logError = (...parts: unknown[]) => console.error(LOG_PREFIX, ...parts);
export const logWarn = (...parts: unknown[]) => console.warn(LOG_PREFIX, ...parts);
