/// <reference types="rocketchat-prechat/global" />
/**
 * A script-tag site that types the command queue with a triple-slash reference (type-checked only).
 */
export function initChat(): void {
  RocketChatPrechat('init', { serverUrl: 'https://chat.example.com', locale: 'de-DE' });
  RocketChatPrechat('on', 'room', ({ token, newRoom }) => console.log(token.length, newRoom));
  RocketChatPrechat('getVisitor', ({ token }) => console.log(token?.length));
  window.RocketChatPrechat?.('open');
  // @ts-expect-error not a command
  RocketChatPrechat('opne');
  // @ts-expect-error serverUrl must be a string
  RocketChatPrechat('init', { serverUrl: 42 });
  // @ts-expect-error `registered` hands { token, visitor }, not a room
  RocketChatPrechat('on', 'registered', ({ room }) => room);
}
