/**
 * Rocket.Chat Omnichannel livechat payload shapes. The contract is CONTRACT.md in this folder; "§x.y" in the
 * comments below refers to its sections.
 *
 * The widget parses every answer it gets with these schemas (server versions vary, so answers are checked,
 * never trusted). The stand-in (src/server) does not import them; tests/livechat/standin-answers.test.ts checks
 * that its answers parse with them. Response schemas are loose objects: Rocket.Chat adds fields between
 * versions and a client must not break on them.
 *
 * Uses `zod/mini` because this module ships in the widget bundle (full zod costs ~18 KB brotli more).
 */
import { lazySchema, z } from './zod.ts';

/** One item of `visitor.customFields` in POST livechat/visitor (CONTRACT.md §1.1). */
const customFieldInputSchema = lazySchema(() =>
  z.object({
    key: z.string(),
    value: z.string(),
    overwrite: z.boolean(),
  }),
);
/** One `visitor.customFields` item as the form sends it. */
export type CustomFieldInput = z.infer<ReturnType<typeof customFieldInputSchema>>;

/** The `visitor` object of POST livechat/visitor (CONTRACT.md §1.1). Empty strings count as "not given". */
const visitorRegistrationSchema = lazySchema(() =>
  z.object({
    token: z.string(),
    name: z.optional(z.nullable(z.string())),
    email: z.optional(z.nullable(z.string())),
    department: z.optional(z.nullable(z.string())),
    phone: z.optional(z.nullable(z.string())),
    username: z.optional(z.nullable(z.string())),
    customFields: z.optional(z.nullable(z.array(customFieldInputSchema()))),
  }),
);
export type VisitorRegistration = z.infer<ReturnType<typeof visitorRegistrationSchema>>;

/** Body of POST livechat/visitor. */
export type RegisterVisitorBody = { visitor: VisitorRegistration };

/** ILivechatVisitor as returned by POST livechat/visitor and GET livechat/visitor/:token (CONTRACT.md §1.6). */
const visitorSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    token: z.string(),
    username: z.optional(z.string()),
    status: z.optional(z.string()),
    ts: z.optional(z.string()),
    _updatedAt: z.optional(z.string()),
    name: z.optional(z.string()),
    visitorEmails: z.optional(z.array(z.looseObject({ address: z.string() }))),
    phone: z.optional(z.array(z.looseObject({ phoneNumber: z.string() }))),
    department: z.optional(z.string()),
    livechatData: z.optional(z.record(z.string(), z.unknown())),
  }),
);

export const registerVisitorResponseSchema = lazySchema(() =>
  z.looseObject({
    visitor: visitorSchema(),
    success: z.literal(true),
  }),
);

/** A department as listed in `config.departments` (CONTRACT.md §2.3). */
const configDepartmentSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    name: z.string(),
    showOnRegistration: z.optional(z.boolean()),
    showOnOfflineForm: z.optional(z.boolean()),
    departmentsAllowedToForward: z.optional(z.array(z.string())),
  }),
);

/** A visitor custom field as listed in `config.customFields` (CONTRACT.md §2.3, EE hook). */
const configCustomFieldSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    label: z.string(),
    regexp: z.optional(z.nullable(z.string())),
    required: z.optional(z.boolean()),
    type: z.optional(z.string()),
    defaultValue: z.optional(z.nullable(z.string())),
    options: z.optional(z.array(z.string())),
  }),
);

/** `config.settings` (CONTRACT.md §2.3): the keys listed are checked, the rest pass through. */
const configSettingsSchema = lazySchema(() =>
  z.looseObject({
    registrationForm: z.optional(z.boolean()),
    displayOfflineForm: z.optional(z.boolean()),
    nameFieldRegistrationForm: z.optional(z.boolean()),
    emailFieldRegistrationForm: z.optional(z.boolean()),
    language: z.optional(z.string()),
    forceAcceptDataProcessingConsent: z.optional(z.boolean()),
    /** `Livechat_message_character_limit` when its switch is on, else false (CONTRACT.md §2.3). */
    limitTextLength: z.optional(z.union([z.literal(false), z.number()])),
  }),
);

const configGuestSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    token: z.string(),
    name: z.optional(z.string()),
    username: z.optional(z.string()),
    visitorEmails: z.optional(z.array(z.looseObject({ address: z.string() }))),
    department: z.optional(z.string()),
  }),
);

/** The `config` of an enabled livechat (CONTRACT.md §2.3). */
const enabledConfigSchema = lazySchema(() =>
  z.looseObject({
    enabled: z.literal(true),
    settings: configSettingsSchema(),
    theme: z.optional(
      z.looseObject({
        title: z.optional(z.string()),
        color: z.optional(z.string()),
        offlineTitle: z.optional(z.string()),
        offlineColor: z.optional(z.string()),
        position: z.optional(z.string()),
      }),
    ),
    messages: z.optional(
      z.looseObject({
        registrationFormMessage: z.optional(z.string()),
        dataProcessingConsentText: z.optional(z.string()),
        offlineMessage: z.optional(z.string()),
        offlineSuccessMessage: z.optional(z.string()),
        offlineUnavailableMessage: z.optional(z.string()),
      }),
    ),
    departments: z.optional(z.array(configDepartmentSchema())),
    online: z.boolean(),
    customFields: z.optional(z.array(configCustomFieldSchema())),
    guest: z.optional(configGuestSchema()),
    room: z.optional(z.looseObject({ _id: z.string(), open: z.optional(z.boolean()) })),
  }),
);
export type EnabledConfig = z.infer<ReturnType<typeof enabledConfigSchema>>;

const disabledConfigSchema = lazySchema(() => z.looseObject({ enabled: z.literal(false) }));

export const configResponseSchema = lazySchema(() =>
  z.looseObject({
    config: z.union([enabledConfigSchema(), disabledConfigSchema()]),
    success: z.literal(true),
  }),
);
export type LivechatConfig = z.infer<ReturnType<typeof configResponseSchema>>['config'];

/** IOmnichannelRoom as returned by GET livechat/room (CONTRACT.md §3.3); fields not listed pass through. */
const roomSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    t: z.literal('l'),
    open: z.optional(z.boolean()),
    fname: z.optional(z.string()),
    departmentId: z.optional(z.string()),
    v: z.looseObject({ _id: z.string(), token: z.string(), username: z.optional(z.string()) }),
    source: z.optional(z.looseObject({ type: z.string() })),
    servedBy: z.optional(z.looseObject({ _id: z.string(), username: z.optional(z.string()) })),
  }),
);

export const roomResponseSchema = lazySchema(() =>
  z.looseObject({
    room: roomSchema(),
    newRoom: z.boolean(),
    success: z.literal(true),
  }),
);

/** POST livechat/message: the stored message (a visitor message; its `_id` is the one sent, when one was). */
export const sendMessageResponseSchema = lazySchema(() =>
  z.looseObject({
    message: z.looseObject({ _id: z.string(), rid: z.optional(z.string()), msg: z.optional(z.string()) }),
    success: z.literal(true),
  }),
);

/** The body of POST livechat/offline.message: no custom fields, no phone — the route has no slot for them. */
export interface OfflineMessageBody {
  name: string;
  email: string;
  message: string;
  department?: string;
  /** The page the visitor wrote from (its origin), for the agent's email. */
  host?: string;
}

/** Every failure answer of the REST API (CONTRACT.md §0.3). */
export const errorResponseSchema = lazySchema(() =>
  z.looseObject({
    success: z.literal(false),
    error: z.string(),
    errorType: z.optional(z.string()),
    details: z.optional(z.unknown()),
  }),
);

/**
 * POST livechat/offline.message (CONTRACT.md §14): `message` is the server's translated confirmation
 * ("Livechat offline message sent" in English), not the visitor's text. Failures use the error envelope above.
 */
export const offlineMessageResponseSchema = lazySchema(() =>
  z.looseObject({
    message: z.string(),
    success: z.literal(true),
  }),
);
