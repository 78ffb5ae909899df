import type { CustomFieldInput, OfflineMessageBody, VisitorRegistration } from '../../livechat/schemas.ts';
import type { SubmittedValues } from '../../types/public-api.ts';
import { type FormModel, MESSAGE_FIELD } from './form-model.ts';
import type { FormValues, PhoneNormaliser } from './form-schema.ts';

/** One submit: the values the `submit` event reports, and the custom fields as they are written. */
export interface Submission {
  values: SubmittedValues;
  /** `visitor.customFields` of the registration: the same values, each with how it is written (`overwrite`). */
  customFields: CustomFieldInput[];
}

/**
 * The values as Rocket.Chat stores them: what the visitor typed (checked and normalised by the form schema),
 * else what the host sent hidden. Empty optional fields are left out — Rocket.Chat treats an empty string as
 * "not given" anyway (CONTRACT.md §1.1), and leaving them out can never wipe a stored value.
 */
export async function toSubmission(
  model: FormModel,
  values: FormValues,
  normalisePhone: PhoneNormaliser,
  now = new Date(),
): Promise<Submission> {
  const text = (name: string) => {
    const value = values[name];
    return (typeof value === 'string' && value.trim()) || undefined;
  };
  const submitted: SubmittedValues = { customFields: {} };
  const name = text('name') ?? model.hidden.name;
  const email = text('email') ?? model.hidden.email;
  // A hidden phone from the host page is normalised like a typed one, and sent as given when it cannot be.
  const hiddenPhone = model.hidden.phone?.trim();
  const phone = text('phone') ?? (hiddenPhone && ((await normalisePhone(hiddenPhone)) ?? hiddenPhone));
  const department = text('department') ?? model.hidden.department;
  if (name) submitted.name = name;
  if (email) submitted.email = email;
  if (phone) submitted.phone = phone;
  if (department) submitted.department = department;
  const message = text(MESSAGE_FIELD);
  if (message) submitted.message = message;

  // By key: a field the form shows wins over a hidden value for the same key.
  const customFields = new Map<string, CustomFieldInput>();
  for (const hidden of model.hidden.customFields) customFields.set(hidden.key, hidden);
  for (const field of model.fields) {
    const value = field.custom && text(field.name);
    if (field.custom && value) customFields.set(field.custom.key, { ...field.custom, value });
  }
  // Provable consent: which text was accepted, and when — in the same single request.
  if (model.consent && values.consent === true) {
    const { keys, version } = model.consent;
    customFields.set(keys.version, { key: keys.version, value: version, overwrite: true });
    customFields.set(keys.acceptedAt, { key: keys.acceptedAt, value: now.toISOString(), overwrite: true });
  }
  for (const { key, value } of customFields.values()) submitted.customFields[key] = value;
  return { values: submitted, customFields: [...customFields.values()] };
}

/** The `visitor` object of the ONE POST livechat/visitor: every key of CONTRACT.md §1.1 that has a value. */
export function toRegistration(
  { values, customFields }: Submission,
  token: string,
  username: string | undefined,
): VisitorRegistration {
  const { customFields: _byKey, message: _question, ...visitor } = values;
  return {
    token,
    ...visitor,
    ...(username ? { username } : {}),
    ...(customFields.length ? { customFields } : {}),
  };
}

/** The body of the ONE POST livechat/offline.message (CONTRACT.md §14): the offline form always asks these. */
export function toOfflineMessage({ values }: Submission, host: string): OfflineMessageBody {
  const { name = '', email = '', message = '', department } = values;
  return { name, email, message, ...(department ? { department } : {}), host };
}
