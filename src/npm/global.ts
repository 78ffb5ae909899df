/**
 * `rocketchat-prechat/global`: types the script-tag embed's command queue for a TypeScript site.
 *
 * ```ts
 * /// <reference types="rocketchat-prechat/global" />
 * RocketChatPrechat('init', { serverUrl: 'https://chat.example.com' });
 * window.RocketChatPrechat?.('on', 'room', ({ token, room }) => …);
 * ```
 *
 * (`import type {} from 'rocketchat-prechat/global'` works too.) Types only; there is no JavaScript behind it.
 */
import type { RocketChatPrechatApi } from '../types/public-api.ts';

export type * from './types.ts';

declare global {
  /** The command queue of loader.js: `RocketChatPrechat('init', options)`, `RocketChatPrechat('on', 'room', fn)`, … */
  var RocketChatPrechat: RocketChatPrechatApi;
}
