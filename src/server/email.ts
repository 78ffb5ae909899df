/** Email checks Rocket.Chat runs on the livechat routes (CONTRACT.md §1.3, §14). */

/** `validateEmail` of `@rocket.chat/tools`, "basic" style: one `@` with something on each side. */
const BASIC_EMAIL = /^[^@]+@[^@]+$/;

export function isBasicEmail(address: string): boolean {
  return BASIC_EMAIL.test(address);
}

/** A DNS host name with at least two labels and an alphabetic top-level label. */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Top-level names that never resolve in public DNS (RFC 2606 / RFC 6761 / mDNS). */
const NEVER_RESOLVES = new Set(['invalid', 'test', 'example', 'localhost', 'local']);

/**
 * Stand-in for `dns.resolveMx(<text after the last "@">)` (§14), which the stand-in cannot ask: the domain passes
 * when it is a well-formed host name outside the reserved top-level names. A real lookup also fails for
 * well-formed domains without an MX record; this one does not.
 */
export function mxLookupWouldSucceed(email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!HOST_NAME.test(domain)) return false;
  return !NEVER_RESOLVES.has(domain.slice(domain.lastIndexOf('.') + 1).toLowerCase());
}
