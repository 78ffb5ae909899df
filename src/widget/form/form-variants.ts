/**
 * The forms the server's settings ask for, all built by the one model builder from adjusted inputs, so prefill
 * modes, drafts, presets and limits work the same in each:
 *   - the chat form; with `settings.registrationForm: false` (the server wants no registration questions) it asks
 *     only the question and the consent, unless the site explicitly shows a field;
 *   - the offline "leave a message" form (CONTRACT.md §14): name, email, the departments shown on the offline
 *     form, and the message — required, since it is the whole point. Phone and custom fields have no slot in
 *     `offline.message`, so they are not asked.
 */
import type { EnabledConfig } from '../../livechat/schemas.ts';
import type { PrefillValues } from '../../types/public-api.ts';
import type { Translate } from '../i18n/translate.ts';
import type { ResolvedOptions } from '../options.ts';
import { buildFormModel, type FormModel } from './form-model.ts';

/** A form built from the server's config, the site's options and prefill, in the visitor's language. */
type FormVariant = (
  config: EnabledConfig | undefined,
  options: ResolvedOptions,
  prefill: PrefillValues,
  t: Translate,
  locale: string,
) => FormModel;

export const chatFormModel: FormVariant = (config, options, prefill, t, locale) => {
  if (config?.settings.registrationForm !== false) return buildFormModel(config, options, prefill, t, locale);
  // A field the site owner explicitly shows is still asked: the site knows what its agents need.
  const unlessShown = (field: ResolvedOptions['fields']['name']) => ({ ...field, show: field.show ?? false });
  return buildFormModel(
    {
      ...config,
      settings: { ...config.settings, nameFieldRegistrationForm: false, emailFieldRegistrationForm: false },
      departments: config.departments?.map((department) => ({ ...department, showOnRegistration: false })),
      // The server's fields are not asked; values the site prefills for them are still sent.
      customFields: [],
    },
    {
      ...options,
      fields: {
        ...options.fields,
        name: unlessShown(options.fields.name),
        email: unlessShown(options.fields.email),
        phone: unlessShown(options.fields.phone),
      },
    },
    prefill,
    t,
    locale,
  );
};

export const offlineFormModel: FormVariant = (config, options, prefill, t, locale) => {
  const asked = { show: true, required: true };
  const model = buildFormModel(
    config && {
      ...config,
      departments: config.departments?.map((department) => ({
        ...department,
        showOnRegistration: department.showOnOfflineForm,
      })),
      customFields: [],
    },
    {
      ...options,
      fields: { name: asked, email: asked, phone: { show: false }, message: asked },
      customFields: [],
    },
    prefill,
    t,
    locale,
  );
  return { ...model, consent: model.consent && { ...model.consent, error: t('errorConsentOffline') } };
};
