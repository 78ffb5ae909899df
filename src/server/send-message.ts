/**
 * Storing a message the way Rocket.Chat's `sendMessage` does (CONTRACT.md §13.1): the author becomes `u`, a
 * visitor's message also carries its `token` and, when it has a name, `alias`; an `_id` that already exists stores
 * nothing. The room's `msgs`, `lm` and `lastMessage` follow, as `afterSaveMessage` updates them.
 */
import type { Message } from './messages.ts';
import type { StandinState } from './state.ts';
import type { Room, Visitor } from './store.ts';

export type Author =
  | { kind: 'visitor'; visitor: Visitor }
  | { kind: 'agent'; agent: { _id: string; username: string; name: string } };

/** `undefined` when a message with this `_id` already exists (Rocket.Chat's `sendMessage` returns early). */
export function storeMessage(
  state: StandinState,
  room: Room,
  author: Author,
  msg: string,
  id: string,
): Message | undefined {
  if (state.messages.find(id)) return undefined;
  const now = new Date().toISOString();
  const message: Message =
    author.kind === 'visitor'
      ? {
          _id: id,
          rid: room._id,
          msg,
          token: author.visitor.token,
          ...(author.visitor.name && { alias: author.visitor.name }),
          ts: now,
          u: {
            _id: author.visitor._id,
            username: author.visitor.username ?? '',
            ...(author.visitor.name !== undefined && { name: author.visitor.name }),
          },
          _updatedAt: now,
        }
      : {
          _id: id,
          rid: room._id,
          msg,
          ts: now,
          u: { _id: author.agent._id, username: author.agent.username, name: author.agent.name },
          _updatedAt: now,
        };
  room.msgs += 1;
  room.lm = now;
  room._updatedAt = now;
  room.lastMessage = message;
  state.store.changed();
  state.messages.insert(message);
  return message;
}
