/** Every console line of the loader starts with this, so a site owner can filter for it. */
export const LOG = '[RocketChatPrechat]';

export const logError = (...parts: unknown[]) => console.error(LOG, ...parts);
export const logWarn = (...parts: unknown[]) => console.warn(LOG, ...parts);
