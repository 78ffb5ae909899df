import type { EnabledConfig } from '../../livechat/schemas.ts';
import type { PrefillValues } from '../../types/public-api.ts';
import type { Translate } from '../i18n/translate.ts';
import type { ResolvedOptions } from '../options.ts';

interface BaseField {
  /** The react-hook-form name. Custom fields get `custom_<n>`: Rocket.Chat keys may contain dots. */
  name: string;
  label: string;
  required: boolean;
  /** For custom fields: the Rocket.Chat custom field `_id` and how to send it. */
  custom?: { key: string; overwrite: boolean };
}
export interface TextField extends BaseField {
  kind: 'text';
  inputType: 'text' | 'email' | 'tel';
  autoComplete?: string;
  pattern?: RegExp;
}
export interface SelectField extends BaseField {
  kind: 'select';
  placeholder: string;
  options: { value: string; label: string }[];
}
export type FormField = TextField | SelectField;

export interface FormModel {
  fields: FormField[];
  defaults: Record<string, string>;
  /** Sent but not shown: a preset department outside the list, hidden or prefilled-only custom fields. */
  hidden: { department?: string; customFields: { key: string; value: string; overwrite: boolean }[] };
}

/** What the server's config says, with Rocket.Chat's defaults when it could not be loaded. */
type ConfigInput = Pick<EnabledConfig, 'settings' | 'departments' | 'customFields' | 'guest'> | undefined;

/** The entry of a per-locale map for `locale`: the exact tag, else the same language (`pt` for `pt-BR`). */
function forLocale<T>(byLocale: Record<string, T> | undefined, locale: string): T | undefined {
  if (!byLocale) return undefined;
  const language = locale.split('-')[0] ?? locale;
  return (
    byLocale[locale] ??
    byLocale[language] ??
    Object.entries(byLocale).find(([tag]) => tag.split('-')[0] === language)?.[1]
  );
}

/** Compiles a Rocket.Chat `regexp` as the server does (`new RegExp(regexp)`); an invalid one checks nothing. */
function compilePattern(source: string | null | undefined): RegExp | undefined {
  if (!source) return undefined;
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/**
 * The form, derived from the server's config (contract §2, §9) and the site owner's local options,
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
    initial: string | undefined,
  ) => {
    const local = options.fields[name];
    const show = local.show ?? serverShows;
    if (!show) return;
    fields.push({
      kind: 'text',
      name,
      label: t(`${name}Label`),
      required: local.required ?? name !== 'phone',
      ...field,
    });
    defaults[name] = initial ?? '';
  };
  builtIn(
    'name',
    settings.nameFieldRegistrationForm !== false,
    { inputType: 'text', autoComplete: 'name' },
    prefill.name ?? guest?.name,
  );
  builtIn(
    'email',
    settings.emailFieldRegistrationForm !== false,
    { inputType: 'email', autoComplete: 'email' },
    prefill.email ?? guest?.visitorEmails?.[0]?.address,
  );
  builtIn('phone', true, { inputType: 'tel', autoComplete: 'tel' }, prefill.phone);

  // Departments: those shown on registration, sorted by name, value = _id (as Rocket.Chat's widget).
  const departments = (config?.departments ?? [])
    .filter((department) => department.showOnRegistration)
    .sort((a, b) => a.name.localeCompare(b.name));
  const preset = prefill.department ?? options.department;
  const presetMatch = departments.find(
    (department) => department._id === preset || department.name === preset,
  );
  if (departments.length > 0) {
    fields.push({
      kind: 'select',
      name: 'department',
      label: t('departmentLabel'),
      required: false,
      placeholder: t('departmentPlaceholder'),
      options: departments.map((department) => ({ value: department._id, label: department.name })),
    });
    const guestDepartment = departments.find((department) => department._id === guest?.department);
    defaults.department = presetMatch?._id ?? guestDepartment?._id ?? '';
  }
  if (preset && !presetMatch) hidden.department = preset; // Rocket.Chat resolves it by _id or name (§1.4)

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
    const initial = prefilled[definition.key] ?? definition.defaultValue ?? '';
    if ('hidden' in definition && definition.hidden) {
      if (initial) hidden.customFields.push({ ...custom, value: initial });
      return;
    }
    const name = `custom_${index}`;
    const label =
      forLocale(options.customFieldLabels[definition.key], locale) || definition.label || definition.key;
    const optionLabels = forLocale(options.customFieldOptions[definition.key], locale) ?? {};
    const required = definition.required ?? false;
    defaults[name] = initial;
    if (definition.type === 'select' && definition.options?.length) {
      fields.push({
        kind: 'select',
        name,
        label,
        required,
        custom,
        placeholder: t('selectPlaceholder'),
        options: definition.options.map((option) => ({
          value: option,
          label: optionLabels[option] ?? option,
        })),
      });
    } else {
      fields.push({
        kind: 'text',
        name,
        label,
        required,
        custom,
        inputType: 'text',
        pattern: compilePattern(definition.regexp),
      });
    }
  });
  // Prefilled values for keys the form does not show are still sent (e.g. a CRM id the site knows).
  for (const [key, value] of Object.entries(prefilled)) {
    if (value && !merged.some((definition) => definition.key === key))
      hidden.customFields.push({ key, value, overwrite: true });
  }
  return { fields, defaults, hidden };
}

/** A field's id that survives a change of the server's field order: `name`, `email`, …, `cf:<key>`. */
export function stableId(field: FormField): string {
  return field.custom ? `cf:${field.custom.key}` : field.name;
}

/** The model with a saved draft over its defaults (what the visitor typed wins over prefills). */
export function withDraft(model: FormModel, draft: Record<string, string>): FormModel {
  const defaults = { ...model.defaults };
  for (const field of model.fields) {
    const saved = draft[stableId(field)];
    if (saved) defaults[field.name] = saved;
  }
  return { ...model, defaults };
}
