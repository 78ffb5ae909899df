import { lazySchema, z } from '../livechat/zod.ts';
import { HEX_COLOUR, SERVER_URL, trimServerUrl } from '../shared/checks.ts';
import type { PrechatOptions } from '../types/public-api.ts';
import { en } from './i18n/catalogs/en.ts';
import type { MessageKey } from './i18n/translate.ts';

const MESSAGE_KEYS = Object.keys(en) as [MessageKey, ...MessageKey[]];

/** Built once and shared by the four built-in field switches. */
const fieldSwitch = lazySchema(() =>
  z.optional(z.object({ show: z.optional(z.boolean()), required: z.optional(z.boolean()) })),
);

/**
 * The source of truth for every `init` option: one schema per option (built when that option is first given), so a
 * bad option is reported by name and only that option falls back to its default. `satisfies` ties it to the
 * public `PrechatOptions`: an option added to one and not the other, or parsed to a type the public one does not
 * promise, does not compile (tests/widget/options.test.ts checks the other direction: every value the public type
 * allows is accepted).
 */
const optionSchemas = {
  serverUrl: lazySchema(() => z.string().check(z.regex(SERVER_URL, 'must be an http(s) URL'))),
  container: lazySchema(() => z.union([z.string(), z.custom<Element>((value) => value instanceof Element)])),
  department: lazySchema(() => z.string()),
  locale: lazySchema(() =>
    z.string().check(z.regex(/^[a-z]{2,3}(-[a-z\d]{2,8})*$/i, 'must be a language tag like "pt-BR"')),
  ),
  theme: lazySchema(() =>
    z.object({
      color: z.optional(z.string().check(z.regex(HEX_COLOUR, 'must be a colour like "#1d74f5"'))),
      position: z.optional(z.enum(['left', 'right'])),
    }),
  ),
  fields: lazySchema(() =>
    z.object({ name: fieldSwitch(), email: fieldSwitch(), phone: fieldSwitch(), message: fieldSwitch() }),
  ),
  customFields: lazySchema(() =>
    z.array(
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
  ),
  startRoom: lazySchema(() => z.boolean()),
  nonce: lazySchema(() => z.string()),
  labels: lazySchema(() => z.partialRecord(z.enum(MESSAGE_KEYS), z.string())),
  customFieldLabels: lazySchema(() => z.record(z.string(), z.record(z.string(), z.string()))),
  customFieldOptions: lazySchema(() =>
    z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))),
  ),
  consent: lazySchema(() =>
    z.object({
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
  ),
  handoff: lazySchema(() => z.enum(['event', 'rocketchat'])),
} satisfies { [K in keyof PrechatOptions]-?: () => z.ZodMiniType<NonNullable<PrechatOptions[K]>> };

type OptionSchemas = { [K in keyof typeof optionSchemas]: ReturnType<(typeof optionSchemas)[K]> };
type OptionName = keyof OptionSchemas;
/** What the schemas accept, option by option (for the compile-time check in the tests). */
export type AcceptedOptions = { [K in OptionName]?: z.input<OptionSchemas[K]> };
type CheckedOptions = { [K in OptionName]?: z.output<OptionSchemas[K]> };

/** The options after checking and defaults: what the rest of the widget reads. */
export type ResolvedOptions = ReturnType<typeof resolveOptions>;

/**
 * Checks the host's options. Each bad option is one console error naming it (with the path inside it) and falls
 * back to its default: the host page never breaks because of a typo.
 */
export function resolveOptions(raw: { readonly [name: string]: unknown }, log: (message: string) => void) {
  const valid: Record<string, unknown> = {};
  const given = Object.entries(raw).filter(([, value]) => value !== undefined);
  // Own names only: `constructor` or `toString` is an unknown option, not Object.prototype's.
  const known = (name: string): name is OptionName => Object.hasOwn(optionSchemas, name);
  // Unknown names first, then bad values, each in the order given: one order however the loader merged the
  // `data-*` attributes with the init call.
  for (const [name] of given) if (!known(name)) log(`init: unknown option "${name}" (ignored)`);
  for (const [name, value] of given) {
    if (!known(name)) continue;
    const result = optionSchemas[name]().safeParse(value);
    if (result.success) valid[name] = result.data;
    else {
      const issue = result.error.issues[0];
      const path = [name, ...(issue?.path ?? [])].join('.');
      log(`init: option "${path}" ${issue?.message ?? 'is invalid'} (ignored)`);
    }
  }
  // Every value in `valid` came out of its own option's schema.
  const options: CheckedOptions = valid;
  return {
    serverUrl: trimServerUrl(options.serverUrl ?? String(raw.serverUrl)),
    department: options.department,
    locale: options.locale,
    theme: { color: options.theme?.color, position: options.theme?.position ?? 'right' },
    fields: {
      name: options.fields?.name ?? {},
      email: options.fields?.email ?? {},
      phone: options.fields?.phone ?? {},
      message: options.fields?.message ?? {},
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
