/** Rocket.Chat's `notifyGuestStatusChanged` (CONTRACT.md §6, §13.6): the visitor and its open rooms take a status. */
import type { StandinState } from './state.ts';

export function setGuestStatus(state: StandinState, token: string, status: string): void {
  const visitor = state.store.visitorByToken(token);
  if (!visitor) return;
  state.store.updateVisitor(visitor, { status });
  for (const room of state.store.openRoomsOfToken(token)) room.v.status = status;
  state.store.changed();
}
