/**
 * The messages of every room, and who is listening to each room (CONTRACT.md §13). Kept apart from the `Store`
 * because they are not written to `--data`: a conversation is a test or demo artefact, visitors and rooms are
 * what the registration form depends on across restarts.
 */

/** Rocket.Chat's `IMessage` as the livechat routes answer it (§13.1); dates are ISO strings, as over REST. */
export type Message = {
  _id: string;
  rid: string;
  msg: string;
  ts: string;
  u: { _id: string; username: string; name?: string };
  _updatedAt: string;
  /** Visitor messages only: the visitor's token, and `alias` = the visitor's name when it has one. */
  token?: string;
  alias?: string;
  /** System messages only, e.g. `livechat-close` (§13.4). */
  t?: string;
  groupable?: false;
};

type MessageListener = (message: Message) => void;

export class MessageLog {
  private messages: Message[] = [];
  private byId = new Map<string, Message>();
  private listeners = new Map<string, Set<MessageListener>>();

  find(id: string): Message | undefined {
    return this.byId.get(id);
  }

  inRoom(rid: string): Message[] {
    return this.messages.filter((message) => message.rid === rid);
  }

  all(): Message[] {
    return this.messages;
  }

  /** Stores the message and hands it to the room's listeners (the `stream-room-messages` subscribers). */
  insert(message: Message): void {
    this.messages.push(message);
    this.byId.set(message._id, message);
    for (const listener of this.listeners.get(message.rid) ?? []) listener(message);
  }

  /** Returns the function that stops listening; a closed socket must call it, or the listener would leak. */
  listen(rid: string, listener: MessageListener): () => void {
    const set = this.listeners.get(rid) ?? new Set();
    set.add(listener);
    this.listeners.set(rid, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(rid);
    };
  }

  /** How many listeners are attached, over all rooms (tests check that closed sockets leave none). */
  listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  /** Control reset: messages go; listeners stay, since their sockets are still open. */
  clear(): void {
    this.messages = [];
    this.byId = new Map();
  }
}
