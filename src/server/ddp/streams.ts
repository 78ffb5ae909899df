/**
 * The three streams the official widget subscribes to, with Rocket.Chat's read rules (CONTRACT.md §13.6,
 * `notifications.module.ts`). A visitor proves it owns a room with the token in the subscription's `args[0]`:
 * `visitorToken` for room messages and livechat-room events, `token` for notify-room (typing).
 */
import type { StandinState } from '../state.ts';
import { messageToEjson } from './ejson.ts';
import type { RoomEvents } from './room-events.ts';

export type StreamContext = {
  state: StandinState;
  roomEvents: RoomEvents;
  socketId: string;
  /** Sends `{ msg: 'changed', collection, id: 'id', fields: { eventName, args } }` to this socket. */
  push: (eventName: string, args: unknown[]) => void;
};

type Extra = Record<string, unknown> | undefined;

type Stream = {
  canRead: (state: StandinState, eventName: string, extra: Extra) => boolean;
  /** Starts delivering events; returns what stops it. */
  attach: (context: StreamContext, eventName: string) => () => void;
};

function ownsRoom(state: StandinState, rid: string, token: unknown): boolean {
  const room = state.store.roomById(rid);
  return !!room && room.t === 'l' && typeof token === 'string' && room.v.token === token;
}

export const STREAMS: Record<string, Stream> = {
  'stream-room-messages': {
    // canAccessRoom for a livechat room: the visitor token must be the room's.
    canRead: (state, rid, extra) => ownsRoom(state, rid, extra?.visitorToken),
    attach: ({ state, push }, rid) =>
      state.messages.listen(rid, (message) => push(rid, [messageToEjson(message)])),
  },
  'stream-notify-room': {
    canRead: (state, eventName, extra) => {
      const [rid = '', event] = eventName.split('/');
      if (event === 'webrtc') return true;
      return ownsRoom(state, rid, extra?.token);
    },
    attach: ({ roomEvents, socketId, push }, eventName) =>
      roomEvents.listen(eventName, { socketId, deliver: (args) => push(eventName, args) }),
  },
  'stream-livechat-room': {
    canRead: (state, rid, extra) => ownsRoom(state, rid, extra?.visitorToken),
    // Agent changes and queue positions: the synthetic agent never changes, so nothing is ever sent.
    attach: () => () => {},
  },
};
