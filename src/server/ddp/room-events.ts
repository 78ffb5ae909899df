/**
 * `stream-notify-room` events between the sockets of one stand-in (CONTRACT.md §13.6): typing written by one
 * socket reaches every other socket subscribed to the same `<rid>/<event>`, never the writer itself
 * (Rocket.Chat's streamer has `retransmitToSelf` off).
 */
type Listener = { socketId: string; deliver: (args: unknown[]) => void };

export class RoomEvents {
  private listeners = new Map<string, Set<Listener>>();

  listen(eventName: string, listener: Listener): () => void {
    const set = this.listeners.get(eventName) ?? new Set();
    set.add(listener);
    this.listeners.set(eventName, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(eventName);
    };
  }

  emit(eventName: string, args: unknown[], fromSocketId: string): void {
    for (const listener of this.listeners.get(eventName) ?? []) {
      if (listener.socketId !== fromSocketId) listener.deliver(args);
    }
  }

  listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
