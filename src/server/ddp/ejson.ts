/**
 * EJSON as Meteor writes it over DDP (CONTRACT.md §13.6): a `Date` is `{ "$date": <ms since epoch> }`. The store
 * keeps ISO strings (what REST answers), so the date fields of a message are converted on the way out; the
 * widget reads `ts.$date` and throws "Invalid time value" on anything else.
 */
import type { Message } from '../messages.ts';

export type EjsonDate = { $date: number };

const toDate = (iso: string): EjsonDate => ({ $date: new Date(iso).getTime() });

export function messageToEjson(message: Message): Omit<Message, 'ts' | '_updatedAt'> & {
  ts: EjsonDate;
  _updatedAt: EjsonDate;
} {
  return { ...message, ts: toDate(message.ts), _updatedAt: toDate(message._updatedAt) };
}
