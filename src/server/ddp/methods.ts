/**
 * The DDP methods the official widget calls (CONTRACT.md §13.6). Each returns the method's result (`undefined`
 * for none) or throws a `DdpError`; an unknown method is Meteor's 404.
 */
import type { StandinState } from '../state.ts';
import { type DdpError, MATCH_FAILED } from './errors.ts';
import type { RoomEvents } from './room-events.ts';

export type MethodContext = {
  state: StandinState;
  roomEvents: RoomEvents;
  socketId: string;
  /** `this.connection.livechatToken`: set once by `livechat:setUpConnection`. */
  livechatToken: string | undefined;
  setLivechatToken: (token: string) => void;
};

type Method = (context: MethodContext, params: unknown[]) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class MethodError extends Error {
  constructor(readonly ddpError: DdpError) {
    super(ddpError.message);
  }
}

export const METHODS: Record<string, Method> = {
  // check(data, { token: String }); the first token is kept, and the visitor goes offline when the socket closes.
  'livechat:setUpConnection': (context, [data]) => {
    if (!isRecord(data) || typeof data.token !== 'string' || Object.keys(data).length !== 1) {
      throw new MethodError(MATCH_FAILED);
    }
    if (!context.livechatToken) context.setLivechatToken(data.token);
    return undefined;
  },

  // The streamer's write method: only `<rid>/typing` (or user-activity) from the room's own visitor is passed on;
  // anything else is dropped without an error, as Rocket.Chat's `allowWrite` returning false does.
  'stream-notify-room': ({ state, roomEvents, socketId }, [eventName, ...args]) => {
    if (typeof eventName !== 'string') return undefined;
    const [rid = '', event] = eventName.split('/');
    if (event !== 'typing' && event !== 'user-activity') return undefined;
    const extra = args.at(-1);
    const room = state.store.roomById(rid);
    const token = isRecord(extra) ? extra.token : undefined;
    if (room?.t !== 'l' || typeof token !== 'string' || room.v.token !== token) return undefined;
    roomEvents.emit(eventName, args, socketId);
    // Old and new clients listen to different events; Rocket.Chat emits the other one too.
    const [username, activity] = args;
    if (event === 'typing') {
      roomEvents.emit(`${rid}/user-activity`, [username, activity ? ['user-typing'] : [], extra], socketId);
    } else if (Array.isArray(activity) && (activity.length === 0 || activity.includes('user-typing'))) {
      roomEvents.emit(`${rid}/typing`, [username, activity.includes('user-typing')], socketId);
    }
    return undefined;
  },
};
