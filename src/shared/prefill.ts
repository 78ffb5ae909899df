import type { PrefillValues } from '../types/public-api.ts';

/** A later `prefill` over an earlier one: field by field, and custom fields key by key. */
export function mergePrefill(current: PrefillValues, next: PrefillValues | undefined): PrefillValues {
  return { ...current, ...next, customFields: { ...current.customFields, ...next?.customFields } };
}
