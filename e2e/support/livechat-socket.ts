import type { Page } from '@playwright/test';

/**
 * Watches the DDP socket of Rocket.Chat's widget (in its iframe) for a room's message stream: true once the
 * server answered `ready` to a `sub` of `stream-room-messages` for `rid` — the moment an agent's message would
 * reach that widget. (A `sub` with a token that does not own the room gets `nosub`, and this stays false.)
 */
export function watchRoomSubscription(page: Page): (rid: string) => boolean {
  const subscribed = new Map<string, string>(); // sub id → rid
  const ready = new Set<string>();
  page.on('websocket', (socket) => {
    const frames = (payload: string | Buffer) => {
      let frame: { msg?: string; id?: string; name?: string; params?: unknown[]; subs?: string[] };
      try {
        frame = JSON.parse(String(payload));
      } catch {
        return;
      }
      if (frame.msg === 'sub' && frame.name === 'stream-room-messages' && frame.id)
        subscribed.set(frame.id, String(frame.params?.[0]));
      if (frame.msg === 'ready') for (const id of frame.subs ?? []) ready.add(id);
    };
    socket.on('framesent', ({ payload }) => frames(payload));
    socket.on('framereceived', ({ payload }) => frames(payload));
  });
  return (rid) => [...subscribed].some(([id, room]) => room === rid && ready.has(id));
}
