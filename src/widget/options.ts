import { z } from '../livechat/zod.ts';
import type { ConsentOptions, FieldSwitch, LocalCustomField } from '../types/public-api.ts';
import { en } from './i18n/catalogs/en.ts';
import type { MessageKey } from './i18n/translate.ts';

/** The options after validation and defaults: what the rest of the widget reads. */
export interface ResolvedOptions {
  serverUrl: string;
  department?: string;
  locale?: string;
  theme: { color?: string; position: 'left' | 'right' };
  fields: { name: FieldSwitch; email: FieldSwitch; phone: FieldSwitch };
  customFields: LocalCustomField[];
  startRoom: boolean;
  nonce?: string;
  /** Overrides of any visible string, by catalog key. */
  labels: Partial<Record<MessageKey, string>>;
  /** Translations of the server's custom-field labels: `{ <key>: { <locale>: label } }`. */
  customFieldLabels: Record<string, Record<string, string>>;
  /** Translations of select options: `{ <key>: { <locale>: { <option>: label } } }`; the value sent stays the server's. */
  customFieldOptions: Record<string, Record<string, Record<string, string>>>;
  consent?: ConsentOptions;
  handoff: 'event' | 'rocketchat';
}

const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

const fieldSwitch = z.optional(
  z.object({ show: z.optional(z.boolean()), required: z.optional(z.boolean()) }),
);

// One schema per option, so a bad option is reported by name and only that option falls back to its default.
const optionSchemas = {
  serverUrl: z.string().check(z.regex(/^https?:\/\/[^/]/i, 'must be an http(s) URL')),
  container: z.unknown(),
  department: z.string(),
  locale: z.string().check(z.regex(/^[a-z]{2,3}(-[a-z\d]{2,8})*$/i, 'must be a language tag like "pt-BR"')),
  theme: z.object({
    color: z.optional(z.string().check(z.regex(/^#[\da-f]{6}$/i, 'must be a colour like "#1d74f5"'))),
    position: z.optional(z.enum(['left', 'right'])),
  }),
  fields: z.object({ name: fieldSwitch, email: fieldSwitch, phone: fieldSwitch }),
  customFields: z.array(
    z.object({
      key: z.string().check(z.minLength(1)),
      label: z.optional(z.string()),
      type: z.optional(z.enum(['input', 'select'])),
      required: z.optional(z.boolean()),
      regexp: z.optional(z.string()),
      options: z.optional(z.array(z.string())),
      defaultValue: z.optional(z.string()),
      overwrite: z.optional(z.boolean()),
      hidden: z.optional(z.boolean()),
    }),
  ),
  startRoom: z.boolean(),
  nonce: z.string(),
  labels: z.partialRecord(z.enum(MESSAGE_KEYS as [MessageKey, ...MessageKey[]]), z.string()),
  customFieldLabels: z.record(z.string(), z.record(z.string(), z.string())),
  customFieldOptions: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))),
  consent: z.object({
    text: z.optional(z.string()),
    version: z.optional(z.string().check(z.minLength(1))),
    required: z.optional(z.boolean()),
    keys: z.optional(
      z.object({
        version: z.optional(z.string().check(z.minLength(1))),
        acceptedAt: z.optional(z.string().check(z.minLength(1))),
      }),
    ),
  }),
  handoff: z.enum(['event', 'rocketchat']),
} as const;

type OptionKey = keyof typeof optionSchemas;

/**
 * Validates the host's options. Each bad option is one console error naming it (with the path inside it)
 * and falls back to its default: the host page never breaks because of a typo.
 */
export function resolveOptions(
  raw: Record<string, unknown>,
  log: (message: string) => void,
): ResolvedOptions {
  const valid: Partial<Record<OptionKey, unknown>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const schema = optionSchemas[key as OptionKey];
    if (!schema) {
      log(`init: unknown option "${key}" (ignored)`);
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) valid[key as OptionKey] = result.data;
    else {
      const issue = result.error.issues[0];
      const path = [key, ...(issue?.path ?? [])].join('.');
      log(`init: option "${path}" ${issue?.message ?? 'is invalid'} (ignored)`);
    }
  }
  const options = valid as Partial<{ [K in OptionKey]: z.infer<(typeof optionSchemas)[K]> }>;
  return {
    serverUrl: String(options.serverUrl ?? raw.serverUrl).replace(/\/+$/, ''),
    department: options.department,
    locale: options.locale,
    theme: { color: options.theme?.color, position: options.theme?.position ?? 'right' },
    fields: {
      name: options.fields?.name ?? {},
      email: options.fields?.email ?? {},
      phone: options.fields?.phone ?? {},
    },
    customFields: options.customFields ?? [],
    startRoom: options.startRoom ?? true,
    nonce: options.nonce,
    labels: options.labels ?? {},
    customFieldLabels: options.customFieldLabels ?? {},
    customFieldOptions: options.customFieldOptions ?? {},
    consent: options.consent,
    handoff: options.handoff ?? 'event',
  };
}
