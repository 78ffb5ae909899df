import type { EnabledConfig } from '../../livechat/schemas.ts';
import type { PrefillMode, PrefillValue, PrefillValues } from '../../types/public-api.ts';
import type { Translate } from '../i18n/translate.ts';
import type { ResolvedOptions } from '../options.ts';
import { findPresetDepartment } from './department-preset.ts';
import { compileSafePattern } from './safe-pattern.ts';

interface BaseField {
  /** The react-hook-form name. Custom fields get `custom_<n>`: Rocket.Chat keys may contain dots. */
  name: string;
  label: string;
  required: boolean;
  /** For custom fields: the Rocket.Chat custom field `_id` and how to send it. */
  custom?: { key: string; overwrite: boolean };
  /** Prefilled by the site with mode `readonly`: shown, locked. */
  readOnly?: boolean;
}
export interface TextField extends BaseField {
  kind: 'text';
  inputType: 'text' | 'email' | 'tel';
  autoComplete?: string;
  pattern?: RegExp;
  /** A text area, for the visitor's question. */
  multiline?: boolean;
  /** At most this many characters (the browser stops typing there; the schema checks prefilled values). */
  maxLength?: number;
}
export interface SelectField extends BaseField {
  kind: 'select';
  placeholder: string;
  options: { value: string; label: string }[];
}
export type FormField = TextField | SelectField;

/** A consent checkbox, recorded as two visitor custom fields in the registration itself. */
export interface ConsentModel {
  text: string;
  version: string;
  required: boolean;
  keys: { version: string; acceptedAt: string };
  /** What the visitor reads when a required consent is not ticked (default: the chat form's wording). */
  error?: string;
}

export interface FormModel {
  fields: FormField[];
  defaults: Record<string, string>;
  consent?: ConsentModel;
  /**
   * Sent but not shown: values prefilled with mode `hidden`, a preset department outside the list,
   * hidden or prefilled-only custom fields.
   */
  hidden: {
    name?: string;
    email?: string;
    phone?: string;
    department?: string;
    customFields: { key: string; value: string; overwrite: boolean }[];
  };
}

/**
 * The most characters a field takes. Rocket.Chat sets no limit on these values; ours keep a pasted novel (or a
 * hostile page's script) from reaching the server or a pattern check: an email address is at most 254 characters
 * (RFC 5321), an E.164 number 15 digits (32 leaves room for spaces and dashes).
 */
const MAX_LENGTH = { name: 255, email: 254, phone: 32, custom: 1000 } as const;

/** The form field (and draft key) of the visitor's question. */
export const MESSAGE_FIELD = 'message';

/**
 * Rocket.Chat's limit for a visitor's message: `Livechat_message_character_limit` when the server enables it
 * (`config.settings.limitTextLength`), else its general `Message_MaxAllowedSize` default of 5,000 characters.
 */
export function messageLimit(config: ConfigInput): number {
  const limit = config?.settings?.limitTextLength;
  return typeof limit === 'number' && limit > 0 ? limit : 5000;
}

export const prefillValue = (value: PrefillValue | undefined): string | undefined =>
  typeof value === 'string' ? value : value?.value;
const prefillMode = (value: PrefillValue | undefined): PrefillMode =>
  (typeof value === 'object' && value.mode) || 'editable';

/** What the server's config says, with Rocket.Chat's defaults when it could not be loaded. */
type ConfigInput =
  | Pick<EnabledConfig, 'settings' | 'departments' | 'customFields' | 'guest' | 'messages'>
  | undefined;

/** A short, stable fingerprint of a text (djb2): a changed consent text is a new consent version. */
function fingerprint(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) >>> 0;
  return `t-${hash.toString(16).padStart(8, '0')}`;
}

/** The consent to ask for: the site's `consent` option, or Rocket.Chat's forceAcceptDataProcessingConsent. */
function buildConsent(config: ConfigInput, options: ResolvedOptions, t: Translate): ConsentModel | undefined {
  const local = options.consent;
  if (!local && !config?.settings?.forceAcceptDataProcessingConsent) return undefined;
  const text = local?.text || config?.messages?.dataProcessingConsentText || t('consentDefault');
  return {
    text,
    version: local?.version ?? fingerprint(text),
    required: local?.required ?? true,
    keys: {
      version: local?.keys?.version ?? 'consent_version',
      acceptedAt: local?.keys?.acceptedAt ?? 'consent_at',
    },
  };
}

/** The entry of a per-locale map for `locale`: the exact tag, else the same language (`pt` for `pt-BR`). */
function forLocale<T>(byLocale: Record<string, T> | undefined, locale: string): T | undefined {
  if (!byLocale) return undefined;
  const language = locale.split('-')[0] ?? locale;
  return (
    own(byLocale, locale) ??
    own(byLocale, language) ??
    Object.entries(byLocale).find(([tag]) => tag.split('-')[0] === language)?.[1]
  );
}

/**
 * Rocket.Chat's widget orders departments by comparing names with `<` (UTF-16 code units: "Zeta" before "billing"),
 * and so do we: the same order as the official form, and no `localeCompare`, whose first call builds an ICU
 * collator (about 30 ms on the benchmark's mobile profile, in the first render of every page view).
 */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * `record[key]` for the record's own keys only. Keys come from the server and the host (field keys, option
 * values): one called `__proto__` or `constructor` must read as absent, not as Object.prototype's.
 */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The form, derived from the server's config (CONTRACT.md §2, §9) and the site owner's local options,
 * which win where both speak.
 */
export function buildFormModel(
  config: ConfigInput,
  options: ResolvedOptions,
  prefill: PrefillValues,
  t: Translate,
  locale = 'en',
): FormModel {
  const settings = config?.settings ?? {};
  const guest = config?.guest;
  const fields: FormField[] = [];
  const defaults: Record<string, string> = {};
  const hidden: FormModel['hidden'] = { customFields: [] };

  const builtIn = (
    name: 'name' | 'email' | 'phone',
    serverShows: boolean,
    field: Omit<TextField, 'name' | 'label' | 'required' | 'kind'>,
    known: string | undefined,
  ) => {
    const initial = prefillValue(prefill[name]) ?? known;
    const mode = prefillMode(prefill[name]);
    if (mode === 'hidden') {
      if (initial) hidden[name] = initial;
      return;
    }
    const local = options.fields[name];
    if (!(local.show ?? serverShows)) return;
    fields.push({
      kind: 'text',
      name,
      label: t(`${name}Label`),
      required: local.required ?? name !== 'phone',
      readOnly: mode === 'readonly' && !!initial,
      ...field,
    });
    defaults[name] = initial ?? '';
  };
  builtIn(
    'name',
    settings.nameFieldRegistrationForm !== false,
    { inputType: 'text', autoComplete: 'name', maxLength: MAX_LENGTH.name },
    guest?.name,
  );
  builtIn(
    'email',
    settings.emailFieldRegistrationForm !== false,
    { inputType: 'email', autoComplete: 'email', maxLength: MAX_LENGTH.email },
    guest?.visitorEmails?.[0]?.address,
  );
  builtIn('phone', true, { inputType: 'tel', autoComplete: 'tel', maxLength: MAX_LENGTH.phone }, undefined);

  // Departments: those shown on registration, sorted by name, value = _id (as Rocket.Chat's widget).
  const departments = (config?.departments ?? [])
    .filter((department) => department.showOnRegistration)
    .sort(byName);
  // A preset by `_id` or by name is the listed department's `_id` from here on; an unknown one is sent as given
  // (Rocket.Chat's registration resolves names itself, CONTRACT.md §1.4, and refuses what it does not know).
  const preset = prefillValue(prefill.department) ?? options.department;
  const presetId = findPresetDepartment(config?.departments, preset)?._id ?? preset;
  const presetMode = prefillMode(prefill.department);
  const presetMatch = departments.find((department) => department._id === presetId);
  if (departments.length > 0 && presetMode !== 'hidden') {
    const locked = presetMode === 'readonly' && !!presetMatch;
    fields.push({
      kind: 'select',
      name: 'department',
      label: t('departmentLabel'),
      required: false,
      readOnly: locked,
      placeholder: t('departmentPlaceholder'),
      // A locked select offers only its value: nothing else can be chosen.
      options: departments
        .filter((department) => !locked || department === presetMatch)
        .map((department) => ({ value: department._id, label: department.name })),
    });
    const guestDepartment = departments.find((department) => department._id === guest?.department);
    defaults.department = presetMatch?._id ?? guestDepartment?._id ?? '';
  }
  // Not offered in the select (hidden by its mode, not shown on registration, or unknown): sent all the same.
  if (presetId && (!presetMatch || presetMode === 'hidden')) hidden.department = presetId;

  // Custom fields: the server's, in order, with local definitions merged over them by key; local-only ones after.
  const local = new Map(options.customFields.map((field) => [field.key, field]));
  const merged = [
    ...(config?.customFields ?? []).map((server) => ({
      key: server._id,
      label: server.label,
      type: server.type,
      required: server.required,
      regexp: server.regexp ?? undefined,
      options: server.options,
      defaultValue: server.defaultValue ?? undefined,
      ...local.get(server._id),
    })),
    ...options.customFields.filter(
      (field) => !config?.customFields?.some((server) => server._id === field.key),
    ),
  ];
  const prefilled = prefill.customFields ?? {};
  merged.forEach((definition, index) => {
    const custom = { key: definition.key, overwrite: definition.overwrite ?? true };
    const given = own(prefilled, definition.key);
    const initial = prefillValue(given) ?? definition.defaultValue ?? '';
    const mode = prefillMode(given);
    if (('hidden' in definition && definition.hidden) || mode === 'hidden') {
      if (initial) hidden.customFields.push({ ...custom, value: initial });
      return;
    }
    const name = `custom_${index}`;
    const label =
      forLocale(own(options.customFieldLabels, definition.key), locale) || definition.label || definition.key;
    const optionLabels = forLocale(own(options.customFieldOptions, definition.key), locale) ?? {};
    const required = definition.required ?? false;
    const readOnly = mode === 'readonly' && !!initial;
    defaults[name] = initial;
    if (definition.type === 'select' && definition.options?.length) {
      fields.push({
        kind: 'select',
        name,
        label,
        required,
        custom,
        readOnly,
        placeholder: t('selectPlaceholder'),
        options: definition.options
          .filter((option) => !readOnly || option === initial)
          .map((option) => ({ value: option, label: own(optionLabels, option) ?? option })),
      });
    } else {
      fields.push({
        kind: 'text',
        name,
        label,
        required,
        custom,
        readOnly,
        inputType: 'text',
        pattern: compileSafePattern(definition.regexp, definition.key),
        maxLength: MAX_LENGTH.custom,
      });
    }
  });
  // Prefilled values for keys the form does not show are still sent (e.g. a CRM id the site knows).
  for (const [key, entry] of Object.entries(prefilled)) {
    const value = prefillValue(entry);
    if (value && !merged.some((definition) => definition.key === key))
      hidden.customFields.push({ key, value, overwrite: true });
  }
  // The visitor's question, last: it becomes the room's first message, so the agent does not open an empty chat.
  if (options.fields.message.show ?? true) {
    fields.push({
      kind: 'text',
      name: MESSAGE_FIELD,
      label: t('messageLabel'),
      required: options.fields.message.required ?? false,
      inputType: 'text',
      multiline: true,
      maxLength: messageLimit(config),
    });
    defaults[MESSAGE_FIELD] = '';
  }
  return { fields, defaults, hidden, consent: buildConsent(config, options, t) };
}

/** A field's id that survives a change of the server's field order: `name`, `email`, …, `cf:<key>`. */
export function stableId(field: FormField): string {
  return field.custom ? `cf:${field.custom.key}` : field.name;
}

/**
 * The model with a saved draft over its defaults: what the visitor typed wins over editable prefills. Never over a
 * read-only one — the site locked that value (a logged-in user's name), and a draft left by the previous visitor
 * of a shared computer must not replace it.
 */
export function withDraft(model: FormModel, draft: Record<string, string>): FormModel {
  const defaults = { ...model.defaults };
  for (const field of model.fields) {
    if (field.readOnly) continue;
    const saved = draft[stableId(field)];
    // A choice this form does not offer (a department missing from the offline form's list) is not forced in.
    if (field.kind === 'select' && !field.options.some((option) => option.value === saved)) continue;
    if (saved) defaults[field.name] = saved;
  }
  return { ...model, defaults };
}
