/**
 * One DDP connection, as Meteor's `livedata_server` handles it (CONTRACT.md §13.6): `connect` first, then `ping`,
 * `sub`, `unsub` and `method`. A frame that is not JSON, has no `msg`, or is malformed gets Meteor's `error`
 * frame; nothing a client sends can throw out of here. `close()` stops every subscription of the socket.
 */

import type { StandinState } from '../state.ts';
import { randomId } from '../store.ts';
import { setGuestStatus } from '../visitor-status.ts';
import { meteorError } from './errors.ts';
import { METHODS, type MethodContext, MethodError } from './methods.ts';
import type { RoomEvents } from './room-events.ts';
import { STREAMS } from './streams.ts';

/** Meteor's `DDPCommon.SUPPORTED_DDP_VERSIONS`, preferred first. */
const SUPPORTED_VERSIONS = ['1', 'pre2', 'pre1'];

type Frame = Record<string, unknown> & { msg?: unknown };

export class DdpSession {
  readonly id = randomId();
  private connected = false;
  private readonly subscriptions = new Map<string, () => void>();
  private livechatToken: string | undefined;

  constructor(
    private readonly state: StandinState,
    private readonly roomEvents: RoomEvents,
    private readonly send: (frame: object) => void,
    private readonly closeSocket: () => void,
  ) {}

  /** Meteor's welcome frame for old clients, sent on every new socket before anything else. */
  open(): void {
    this.send({ server_id: '0' });
  }

  receive(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      this.send({ msg: 'error', reason: 'Parse error' });
      return;
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame) || !(frame as Frame).msg) {
      this.send({ msg: 'error', reason: 'Bad request', offendingMessage: frame });
      return;
    }
    this.dispatch(frame as Frame);
  }

  close(): void {
    for (const stop of this.subscriptions.values()) stop();
    this.subscriptions.clear();
    // setUpConnection's onClose: the visitor goes offline with its socket.
    if (this.livechatToken) setGuestStatus(this.state, this.livechatToken, 'offline');
  }

  private dispatch(frame: Frame): void {
    if (frame.msg === 'connect') {
      this.connect(frame);
      return;
    }
    if (!this.connected) {
      this.send({ msg: 'error', reason: 'Must connect first', offendingMessage: frame });
      return;
    }
    switch (frame.msg) {
      case 'ping': {
        this.send({ msg: 'pong', ...(frame.id !== undefined && { id: frame.id }) });
        return;
      }
      case 'pong':
        return;
      case 'sub': {
        this.subscribe(frame);
        return;
      }
      case 'unsub': {
        this.unsubscribe(frame);
        return;
      }
      case 'method': {
        this.call(frame);
        return;
      }
      default: {
        this.send({ msg: 'error', reason: 'Bad request', offendingMessage: frame });
        return;
      }
    }
  }

  private connect(frame: Frame): void {
    if (this.connected) {
      this.send({ msg: 'error', reason: 'Already connected', offendingMessage: frame });
      return;
    }
    const { version, support } = frame;
    const valid =
      typeof version === 'string' &&
      Array.isArray(support) &&
      support.every((item) => typeof item === 'string') &&
      support.includes(version);
    const agreed = valid ? SUPPORTED_VERSIONS.find((candidate) => support.includes(candidate)) : undefined;
    if (!agreed || agreed !== version) {
      this.send({ msg: 'failed', version: agreed ?? SUPPORTED_VERSIONS[0] });
      this.closeSocket();
      return;
    }
    this.connected = true;
    this.send({ msg: 'connected', session: this.id });
  }

  private subscribe(frame: Frame): void {
    const { id, name, params = [] } = frame;
    if (typeof id !== 'string' || typeof name !== 'string' || !Array.isArray(params)) {
      this.send({ msg: 'error', reason: 'Malformed subscription', offendingMessage: frame });
      return;
    }
    if (this.subscriptions.has(id)) return; // Meteor ignores a repeated sub id (reconnects resend them).
    const stream = STREAMS[name];
    if (!stream) {
      this.send({ msg: 'nosub', id, error: meteorError(404, `Subscription '${name}' not found`) });
      return;
    }
    const [eventName, options] = params;
    const extra =
      typeof options === 'object' && options !== null
        ? (options as { args?: unknown[] }).args?.[0]
        : undefined;
    if (typeof eventName !== 'string' || eventName.length === 0) {
      this.send({ msg: 'nosub', id, error: meteorError('invalid-event-name') });
      return;
    }
    if (!stream.canRead(this.state, eventName, extra as Record<string, unknown> | undefined)) {
      this.send({ msg: 'nosub', id, error: meteorError('not-allowed') });
      return;
    }
    const push = (event: string, args: unknown[]) =>
      this.send({ msg: 'changed', collection: name, id: 'id', fields: { eventName: event, args } });
    this.subscriptions.set(
      id,
      stream.attach({ state: this.state, roomEvents: this.roomEvents, socketId: this.id, push }, eventName),
    );
    if (
      options === true ||
      (typeof options === 'object' && (options as { useCollection?: unknown })?.useCollection === true)
    ) {
      this.send({ msg: 'added', collection: name, id: 'id', fields: { eventName } });
    }
    this.send({ msg: 'ready', subs: [id] });
  }

  private unsubscribe(frame: Frame): void {
    if (typeof frame.id === 'string') {
      this.subscriptions.get(frame.id)?.();
      this.subscriptions.delete(frame.id);
    }
    this.send({ msg: 'nosub', id: frame.id });
  }

  private call(frame: Frame): void {
    const { id, method, params = [] } = frame;
    if (
      typeof id !== 'string' ||
      typeof method !== 'string' ||
      !Array.isArray(params) ||
      ('randomSeed' in frame && typeof frame.randomSeed !== 'string')
    ) {
      this.send({ msg: 'error', reason: 'Malformed method invocation', offendingMessage: frame });
      return;
    }
    const handler = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
    let reply: object;
    if (!handler) {
      reply = { msg: 'result', id, error: meteorError(404, `Method '${method}' not found`) };
    } else {
      try {
        const result = handler(this.methodContext(), params);
        reply = { msg: 'result', id, ...(result !== undefined && { result }) };
      } catch (err) {
        if (!(err instanceof MethodError)) console.error(`stand-in: DDP method ${method} failed:`, err);
        const error = err instanceof MethodError ? err.ddpError : meteorError(500, 'Internal server error');
        reply = { msg: 'result', id, error };
      }
    }
    this.send(reply);
    // No method writes anything a subscription shows, so the write fence is satisfied at once.
    this.send({ msg: 'updated', methods: [id] });
  }

  private methodContext(): MethodContext {
    return {
      state: this.state,
      roomEvents: this.roomEvents,
      socketId: this.id,
      livechatToken: this.livechatToken,
      setLivechatToken: (token) => {
        this.livechatToken = token;
      },
    };
  }
}
