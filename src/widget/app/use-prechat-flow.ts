import { useMutation } from '@tanstack/react-query';
import type { VisitorRegistration } from '../../livechat/schemas.ts';
import type { EventMap, EventName } from '../../types/public-api.ts';
import { ApiError } from '../api/api-error.ts';
import type { LivechatApi } from '../api/livechat-api.ts';
import { isUsableToken, type TokenStore } from '../storage/token-store.ts';
import { firstMessageId } from './message-id.ts';
import { registrationRetry } from './retry-policy.ts';

/**
 * The visitor this submit was for is gone (`reset`, a site's logout, or `destroy`) while a request was on its way:
 * its answer must write nothing and open nothing — no token written back, no event, no room, no hand-off.
 */
export class Abandoned extends Error {
  constructor() {
    super('abandoned: the visitor was reset or the widget destroyed');
  }
}

/** The answer, if the visitor it was asked for is still the current one. */
function current<T>(answer: T, isCurrent: () => boolean): T {
  if (!isCurrent()) throw new Abandoned();
  return answer;
}

interface FlowDeps {
  api: LivechatApi;
  tokens: TokenStore;
  startRoom: boolean;
  emit: <E extends EventName>(name: E, detail: EventMap[E]) => void;
}

/**
 * Registration, then the room, then the visitor's question. All are TanStack Query mutations: they retry a dropped connection or a
 * 5xx with backoff (registration is an idempotent upsert by token), and pause while the browser is
 * offline, sending as soon as it is back.
 */
export function usePrechatFlow({ api, tokens, startRoom, emit }: FlowDeps) {
  const registration = useMutation({
    mutationKey: ['livechat', 'visitor'],
    mutationFn: (visitor: VisitorRegistration) => api.registerVisitor({ visitor }),
    ...registrationRetry,
  });
  const room = useMutation({
    mutationKey: ['livechat', 'room'],
    mutationFn: (token: string) => api.room(token),
    ...registrationRetry,
  });
  const firstMessage = useMutation({
    mutationKey: ['livechat', 'message'],
    mutationFn: (message: Parameters<LivechatApi['sendMessage']>[0]) => api.sendMessage(message),
    ...registrationRetry,
  });

  /** POST livechat/visitor; adopts the token Rocket.Chat answers with. */
  async function register(visitor: VisitorRegistration, isCurrent: () => boolean): Promise<string> {
    const { visitor: saved } = current(await registration.mutateAsync(visitor), isCurrent);
    // The token is stored and sent in URLs from now on: an answer with an unusable one is not the contract's.
    if (!isUsableToken(saved.token)) throw new ApiError('invalid-response', { status: 200 });
    // On a phone match Rocket.Chat answers with the older visitor's token (CONTRACT.md §1.3): adopt it.
    if (saved.token !== tokens.get()) tokens.set(saved.token);
    emit('registered', { token: saved.token, visitor: saved });
    return saved.token;
  }

  /**
   * Registers, opens the room, then sends the visitor's question as its first message. `recognised`: the server
   * already knows this token (config.guest) and nothing new is to be sent, so the room is asked for straight
   * away; should the server have forgotten the visitor after all (`invalid-token`), it registers first.
   * Without a room (`startRoom: false`) there is nowhere to send the question, and it is not sent.
   */
  async function run(
    visitor: VisitorRegistration,
    {
      recognised = false,
      question,
      isCurrent = () => true,
    }: { recognised?: boolean; question?: string; isCurrent?: () => boolean } = {},
  ): Promise<{ outcome: 'connected' | 'registered'; token: string }> {
    let token = recognised ? visitor.token : await register(visitor, isCurrent);
    if (!startRoom) return { outcome: 'registered', token };
    let opened: Awaited<ReturnType<LivechatApi['room']>>;
    try {
      opened = current(await room.mutateAsync(token), isCurrent);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'invalid-token')) throw error;
      // The server no longer knows this token (the visitor was deleted in between): register again with the
      // same details, then open the room.
      token = await register({ ...visitor, token }, isCurrent);
      opened = current(await room.mutateAsync(token), isCurrent);
    }
    if (question) {
      const rid = opened.room._id;
      // The same question to the same room has the same `_id`: a resend can never post it twice.
      current(
        await firstMessage.mutateAsync({
          token,
          rid,
          msg: question,
          _id: firstMessageId(token, rid, question),
        }),
        isCurrent,
      );
    }
    emit('room', { token, room: opened.room, newRoom: opened.newRoom });
    return { outcome: 'connected', token };
  }

  return {
    run,
    /** Forgets the requests of a visitor who is gone (`reset`), whatever state they were left in. */
    reset() {
      registration.reset();
      room.reset();
      firstMessage.reset();
    },
    busy: registration.isPending || room.isPending || firstMessage.isPending,
    paused: registration.isPaused || room.isPaused || firstMessage.isPaused,
  };
}
