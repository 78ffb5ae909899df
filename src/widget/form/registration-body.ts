import type { VisitorRegistration } from '../../livechat/schemas.ts';
import type { SubmittedValues } from '../../types/public-api.ts';
import type { FormModel } from './form-model.ts';
import type { FormValues } from './form-schema.ts';

/**
 * The values as Rocket.Chat stores them. Empty optional fields are left out — Rocket.Chat treats an empty
 * string as "not given" anyway (contract §1.1), and leaving them out can never wipe a stored value.
 */
export function toSubmittedValues(
  model: FormModel,
  values: FormValues,
  phoneE164: string | undefined,
  now = new Date(),
): SubmittedValues {
  const text = (name: string) => {
    const value = values[name];
    return (typeof value === 'string' && value.trim()) || undefined;
  };
  const submitted: SubmittedValues = { customFields: {} };
  const name = text('name') ?? model.hidden.name;
  const email = text('email') ?? model.hidden.email;
  const department = text('department') ?? model.hidden.department;
  if (name) submitted.name = name;
  if (email) submitted.email = email;
  if (phoneE164) submitted.phone = phoneE164;
  if (department) submitted.department = department;
  for (const hidden of model.hidden.customFields) submitted.customFields[hidden.key] = hidden.value;
  for (const field of model.fields) {
    const value = field.custom && text(field.name);
    if (field.custom && value) submitted.customFields[field.custom.key] = value;
  }
  // Provable consent: which text was accepted, and when — in the same single request (issue: consent).
  if (model.consent && values.consent === true) {
    submitted.customFields[model.consent.keys.version] = model.consent.version;
    submitted.customFields[model.consent.keys.acceptedAt] = now.toISOString();
  }
  return submitted;
}

/** The `visitor` object of the ONE POST livechat/visitor: every key of contract §1.1 that has a value. */
export function toRegistration(
  model: FormModel,
  submitted: SubmittedValues,
  token: string,
  username: string | undefined,
): VisitorRegistration {
  const overwriteOf = new Map<string, boolean>();
  for (const hidden of model.hidden.customFields) overwriteOf.set(hidden.key, hidden.overwrite);
  for (const field of model.fields)
    if (field.custom) overwriteOf.set(field.custom.key, field.custom.overwrite);
  const { customFields, ...visitor } = submitted;
  const items = Object.entries(customFields).map(([key, value]) => ({
    key,
    value,
    overwrite: overwriteOf.get(key) ?? true,
  }));
  return {
    token,
    ...visitor,
    ...(username ? { username } : {}),
    ...(items.length ? { customFields: items } : {}),
  };
}
