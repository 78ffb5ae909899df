// Meteor's id alphabet (no 0, 1, I, l, O, o…): Rocket.Chat message ids look like this.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * The `_id` of the visitor's first message, derived from the visitor, the room and the text: every resend of the
 * same question to the same room — a retry after a dropped answer, "Try again", a reload mid-submit — carries the
 * same `_id`, and Rocket.Chat stores a message `_id` once. 17 characters, as Meteor's `Random.id()`.
 */
export function firstMessageId(token: string, rid: string, text: string): string {
  const input = `${token}\u0000${rid}\u0000${text}`;
  // Two 32-bit FNV-1a hashes with different seeds: enough bits that two questions never share an id by chance.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  let id = '';
  for (let i = 0; i < 17; i++) {
    const source = i % 2 ? a : b;
    id += ALPHABET[(source >>> ((i * 3) % 27)) % ALPHABET.length];
    if (i % 2) a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) >>> 0;
    else b = Math.imul(b ^ (b >>> 13), 0x297a2d39) >>> 0;
  }
  return id;
}
