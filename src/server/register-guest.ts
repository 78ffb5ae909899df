/**
 * POST livechat/visitor (CONTRACT.md §1): shape check, token guard, `registerGuest` upsert, open-room refresh,
 * then custom fields. The order matters: the upsert is written BEFORE custom fields can fail (§1.2).
 */
import { findDepartmentByIdOrName } from './availability.ts';
import { setMultipleVisitorCustomFields } from './custom-field-writes.ts';
import { isBasicEmail } from './email.ts';
import { MeteorError } from './errors.ts';
import type { Fixture } from './fixture.ts';
import { check, Match, type ObjectPattern } from './match.ts';
import { objectId, type Store, type Visitor } from './store.ts';

const CUSTOM_FIELD_ITEM = Match.ObjectIncluding({
  key: Match.String,
  value: Match.String,
  overwrite: Match.Boolean,
});

const VISITOR_FIELDS_8: ObjectPattern = {
  token: Match.String,
  name: Match.Maybe(Match.String),
  email: Match.Maybe(Match.String),
  department: Match.Maybe(Match.String),
  phone: Match.Maybe(Match.String),
  username: Match.Maybe(Match.String),
  customFields: Match.Maybe(Match.ArrayOf(CUSTOM_FIELD_ITEM)),
};
// §1.1: 7.x also checks the undocumented `id` with Match.Maybe(String).
const VISITOR_FIELDS_7: ObjectPattern = { ...VISITOR_FIELDS_8, id: Match.Maybe(Match.String) };

/** The 7.x/8.x `check()` pattern: top level is a plain object (unknown keys fail), `visitor` includes extras. */
const bodyPattern = (compat7: boolean): ObjectPattern => ({
  visitor: Match.ObjectIncluding(compat7 ? VISITOR_FIELDS_7 : VISITOR_FIELDS_8),
});

type VisitorInput = {
  token: string;
  name?: string;
  email?: string;
  department?: string;
  phone?: string;
  username?: string;
  id?: unknown;
  customFields?: { key: string; value: string; overwrite: boolean }[];
};

export type RequestFacts = {
  userAgent?: string;
  realIp?: string;
  forwardedFor?: string;
  host?: string;
  ip: string;
};

export function registerVisitor(
  store: Store,
  fixture: Fixture,
  body: unknown,
  request: RequestFacts,
): Visitor {
  const compat7 = fixture.settings.StandIn_Compat_Version === '7';
  check(body, bodyPattern(compat7));
  const input = (body as { visitor: VisitorInput }).visitor;
  if (!input.token.trim()) throw new MeteorError('error-invalid-token', 'Token cannot be empty');

  const now = new Date().toISOString();
  // Empty strings are falsy in Rocket.Chat, i.e. "not given": none of these fields can be cleared here (§1.1).
  const set: Partial<Visitor> = { token: input.token, status: 'online', _updatedAt: now };
  if (input.name) set.name = input.name;
  if (input.phone) set.phone = [{ phoneNumber: input.phone }];
  if (input.email) {
    const address = input.email.trim().toLowerCase();
    // §1.3: 7.x rejects a malformed address; 8.x (omni-core) ignores the validator's result and stores it.
    if (compat7 && !isBasicEmail(address)) {
      throw new MeteorError('error-invalid-email', `Invalid email ${address}`, {
        function: 'Livechat.validateEmail',
        email: address,
      });
    }
    set.visitorEmails = [{ address }];
  }
  if (input.department) {
    const department = findDepartmentByIdOrName(fixture, input.department);
    if (!department) {
      // §1.4: 8.x throws a plain Error, 7.x a Meteor.Error with a reason. Nothing has been written yet.
      throw compat7
        ? new MeteorError('error-invalid-department', 'The provided department is invalid')
        : new Error('error-invalid-department');
    }
    set.department = department._id; // stored as _id even when the name was sent
  }

  // §1.3 lookup order: token → phone → email → create.
  let visitor = store.visitorByToken(input.token);
  if (!visitor && input.phone) {
    visitor = store.visitorByPhone(input.phone);
    // §1.3: a phone match keeps the OLD token; the client must adopt visitor.token from the answer.
    if (visitor) delete set.token;
  }
  if (!visitor && input.email) visitor = store.visitorByEmail(input.email.toLowerCase());

  if (visitor) {
    store.updateVisitor(visitor, set); // username and ts never change on update
  } else {
    visitor = {
      _id: typeof input.id === 'string' && input.id ? input.id : objectId(),
      username: input.username || store.nextGuestUsername(),
      ts: now,
      ...set,
      _updatedAt: now,
    } as Visitor;
    // §1.3: HTTP headers are captured only on creation; 7.x only with the GDPR header setting on.
    if (!compat7 || fixture.settings.Livechat_Allow_collect_and_store_HTTP_header_informations) {
      const ip = request.realIp || request.forwardedFor || request.ip;
      Object.assign(visitor, {
        ...(request.userAgent && { userAgent: request.userAgent }),
        ...(ip && { ip }),
        ...(request.host && { host: request.host }),
      });
    }
    store.insertVisitor(visitor);
  }

  // §1.2 step 4: open rooms of the visitor follow the new name.
  if (input.name && visitor.token) {
    for (const room of store.openRoomsOfToken(visitor.token)) room.fname = input.name;
  }
  store.changed();

  if (Array.isArray(input.customFields) && input.customFields.length > 0) {
    setMultipleVisitorCustomFields(store, fixture, visitor, input.customFields, { checkRequired: true });
    store.changed();
  }
  return visitor;
}
