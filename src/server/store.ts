/**
 * In-memory visitors and rooms, plus the `Livechat_guest_count` counter behind `guest-N` usernames.
 * Every handler mutates the store synchronously (no await between read and write), so concurrent requests on
 * Node's single thread can never interleave inside an update: 500 parallel registrations get 500 distinct names.
 */
import { randomBytes } from 'node:crypto';

export type Visitor = {
  _id: string;
  token?: string;
  username?: string;
  status?: string;
  ts?: string;
  _updatedAt: string;
  name?: string;
  visitorEmails?: { address: string }[];
  phone?: { phoneNumber: string }[];
  department?: string;
  livechatData?: Record<string, string>;
  userAgent?: string;
  ip?: string;
  host?: string;
  disabled?: boolean;
};

export type Room = {
  _id: string;
  t: 'l';
  fname: string;
  msgs: number;
  usersCount: number;
  ts: string;
  lm: string;
  departmentId?: string;
  v: { _id: string; username?: string; token: string; status: string };
  cl: boolean;
  open: boolean;
  waitingResponse: boolean;
  source: { type: string; destination?: string };
  queuedAt: string;
  priorityWeight: number;
  estimatedWaitingTimeQueue: number;
  servedBy?: { _id: string; username: string; ts: string };
  livechatData?: Record<string, string>;
  /** Set by the first message (CONTRACT.md §13.1). */
  lastMessage?: unknown;
  /** Set by `livechat/room.close` (§13.4). */
  closedAt?: string;
  closedBy?: { _id: string; username?: string };
  closer?: 'visitor' | 'user';
  _updatedAt: string;
};

export type StoreSnapshot = { guestCount: number; visitors: Visitor[]; rooms: Room[] };

/** Meteor `Random.id()` alphabet (17 chars), used for room ids. */
const RANDOM_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

export function randomId(length = 17): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += RANDOM_ID_ALPHABET[byte % RANDOM_ID_ALPHABET.length];
  return id;
}

/** A Mongo ObjectId-shaped `_id` (24 hex chars), as new visitors get (CONTRACT.md §1.3). */
export function objectId(): string {
  return randomBytes(12).toString('hex');
}

export class Store {
  private visitors: Visitor[] = [];
  private byToken = new Map<string, Visitor>();
  private rooms: Room[] = [];
  private guestCount = 1;
  private listener: (() => void) | undefined;

  constructor(snapshot?: StoreSnapshot) {
    if (snapshot) this.load(snapshot);
  }

  /** Called after every mutation (persistence hooks in here). */
  onChange(listener: () => void): void {
    this.listener = listener;
  }

  changed(): void {
    this.listener?.();
  }

  load(snapshot: StoreSnapshot): void {
    this.visitors = snapshot.visitors.map((visitor) => structuredClone(visitor));
    this.rooms = snapshot.rooms.map((room) => structuredClone(room));
    this.guestCount = snapshot.guestCount;
    this.byToken = new Map();
    for (const visitor of this.visitors) if (visitor.token) this.byToken.set(visitor.token, visitor);
  }

  snapshot(): StoreSnapshot {
    return structuredClone({ guestCount: this.guestCount, visitors: this.visitors, rooms: this.rooms });
  }

  /** `Settings.incrementValueById('Livechat_guest_count')` then `guest-<value>`. */
  nextGuestUsername(): string {
    this.guestCount += 1;
    return `guest-${this.guestCount}`;
  }

  visitorByToken(token: string): Visitor | undefined {
    return this.byToken.get(token);
  }

  visitorByPhone(phoneNumber: string): Visitor | undefined {
    return this.visitors.find((visitor) => visitor.phone?.some((phone) => phone.phoneNumber === phoneNumber));
  }

  visitorByEmail(address: string): Visitor | undefined {
    return this.visitors.find((visitor) => visitor.visitorEmails?.some((email) => email.address === address));
  }

  visitorById(id: string): Visitor | undefined {
    return this.visitors.find((visitor) => visitor._id === id);
  }

  insertVisitor(visitor: Visitor): void {
    this.visitors.push(visitor);
    if (visitor.token) this.byToken.set(visitor.token, visitor);
  }

  /** Applies `$set` / `$unset` to a visitor and keeps the token index right. */
  updateVisitor(visitor: Visitor, set: Partial<Visitor>, unset: (keyof Visitor)[] = []): void {
    if (visitor.token) this.byToken.delete(visitor.token);
    Object.assign(visitor, set);
    for (const key of unset) delete visitor[key];
    if (visitor.token) this.byToken.set(visitor.token, visitor);
  }

  openRoomsOfToken(token: string): Room[] {
    return this.rooms.filter((room) => room.open && room.v.token === token);
  }

  roomsOfVisitor(visitorId: string): Room[] {
    return this.rooms.filter((room) => room.v._id === visitorId);
  }

  /** Rocket.Chat's `findRoom(token, rid)`: the visitor's room by `_id`, open or closed. */
  roomOfToken(rid: string, token: string): Room | undefined {
    return this.rooms.find((room) => room._id === rid && room.v.token === token);
  }

  roomById(rid: string): Room | undefined {
    return this.rooms.find((room) => room._id === rid);
  }

  insertRoom(room: Room): void {
    this.rooms.push(room);
  }

  removeRoomsOfVisitor(visitorId: string): void {
    this.rooms = this.rooms.filter((room) => room.v._id !== visitorId);
  }

  allVisitors(): Visitor[] {
    return this.visitors;
  }

  allRooms(): Room[] {
    return this.rooms;
  }
}
