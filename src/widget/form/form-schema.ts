import { z } from '../../livechat/zod.ts';
import type { Translate } from '../i18n/translate.ts';
import type { FormField, FormModel } from './form-model.ts';

// The address check of Rocket.Chat's own widget (packages/livechat/src/lib/email.ts, CONTRACT.md §9).
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** The message for a value of `field`, or undefined when it is fine. Phone numbers are checked apart (async). */
export function validateField(field: FormField, raw: string, t: Translate): string | undefined {
  const value = raw.trim();
  const label = field.label;
  if (!value) {
    if (!field.required) return undefined;
    return t(field.kind === 'select' ? 'errorChoose' : 'errorRequired', { label });
  }
  if (field.kind === 'select') {
    return field.options.some((option) => option.value === value) ? undefined : t('errorChoose', { label });
  }
  if (field.maxLength && value.length > field.maxLength)
    return t('errorTooLong', { label, max: field.maxLength });
  if (field.inputType === 'email' && !EMAIL.test(value)) return t('errorEmail');
  // Tested on the raw value, exactly as Rocket.Chat's custom.field endpoint does (CONTRACT.md §5.1).
  if (field.pattern && !field.pattern.test(raw)) return t('errorPattern', { label });
  return undefined;
}

/**
 * Normalises a typed phone number to E.164, or undefined when it is not a valid number. When the number
 * metadata cannot be loaded it answers the number as typed (trimmed), rather than blocking the visitor.
 */
export type PhoneNormaliser = (text: string) => Promise<string | undefined>;

/**
 * What react-hook-form holds: text for the fields, a boolean for the consent checkbox. After the schema, the
 * phone is in E.164 (the schema normalises it, once).
 */
export type FormValues = Record<string, string | boolean>;

/** The text values of a form (not the consent box), by field name: what one form carries into another. */
export const textValues = (values: FormValues): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );

/** One zod schema for the whole form, built from the model (and so from the server's config). */
export function buildFormSchema(model: FormModel, t: Translate, normalisePhone: PhoneNormaliser) {
  const shape: Record<string, z.ZodMiniType<string | boolean, string | boolean>> = {};
  for (const field of model.fields) {
    shape[field.name] = z.pipe(
      z.string(),
      z.transform(async (value: string, ctx) => {
        const message = validateField(field, value, t);
        const fail = (text: string) => {
          ctx.issues.push({ code: 'custom', message: text, input: value });
          return z.NEVER;
        };
        if (message) return fail(message);
        if (field.name !== 'phone' || !value.trim()) return value;
        return (await normalisePhone(value)) ?? fail(t('errorPhone'));
      }),
    );
  }
  if (model.consent) {
    const required = model.consent.required;
    shape.consent = z
      .boolean()
      .check(z.refine((accepted) => accepted || !required, model.consent.error ?? t('errorConsent')));
  }
  return z.object(shape);
}
