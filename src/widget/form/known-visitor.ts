import type { PrefillValues } from '../../types/public-api.ts';
import type { Translate } from '../i18n/translate.ts';
import { type FormModel, MESSAGE_FIELD, prefillValue } from './form-model.ts';
import { validateField } from './form-schema.ts';

/** The host passed at least one value about the visitor (a username alone says nothing to the form). */
export function hasPrefill(prefill: PrefillValues): boolean {
  return [prefill.name, prefill.email, prefill.phone, ...Object.values(prefill.customFields ?? {})].some(
    (value) => prefillValue(value),
  );
}

/**
 * A known visitor need not be asked again: something is known about them (prefilled, or the server's
 * `config.guest` for the stored token), every required field has a valid value, and no consent must be ticked.
 * The question does not count: a visitor who skips the form is not asked it.
 */
export function isKnownVisitor(model: FormModel, knownFrom: boolean, t: Translate): boolean {
  return (
    knownFrom &&
    !model.consent?.required &&
    model.fields.every(
      (field) =>
        // The question is asked of visitors who see the form; a known visitor is not stopped for it.
        field.name === MESSAGE_FIELD ||
        !field.required ||
        !validateField(field, model.defaults[field.name] ?? '', t),
    )
  );
}
