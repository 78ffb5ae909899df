import type { PrefillMode, PrefillValue, PrefillValues } from '../types/public-api.ts';

const MODES: readonly PrefillMode[] = ['editable', 'readonly', 'hidden'];
const FIELDS = ['name', 'email', 'phone', 'department'] as const;

/**
 * A `prefill` from the host page, checked where it enters: each value must be a string, a finite number (a CRM id
 * is often one: it becomes its decimal text) or `{ value, mode? }` of those. Anything else — `null`, an object
 * without a value, an unknown mode — is one console error naming it, and that value is left out; the rest is
 * used. The form can then never be handed a value it cannot render or send.
 */
export function checkPrefill(raw: unknown, log: (message: string) => void): PrefillValues {
  if (typeof raw !== 'object' || raw === null) {
    if (raw !== undefined) log(`prefill: expected an object of values, got ${shapeOf(raw)} (ignored)`);
    return {};
  }
  const input = raw as Record<string, unknown>;
  const checked: PrefillValues = {};
  for (const field of FIELDS) {
    if (!Object.hasOwn(input, field) || input[field] === undefined) continue;
    const value = checkValue(input[field], field, log);
    if (value !== undefined) checked[field] = value;
  }
  if (Object.hasOwn(input, 'username') && input.username !== undefined) {
    const username = text(input.username);
    if (username === undefined)
      log(`prefill: "username" must be text, got ${shapeOf(input.username)} (ignored)`);
    else checked.username = username;
  }
  if (Object.hasOwn(input, 'customFields') && input.customFields !== undefined) {
    const fields = input.customFields;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      log(`prefill: "customFields" must be an object of key → value, got ${shapeOf(fields)} (ignored)`);
    } else {
      const customFields: Record<string, PrefillValue> = {};
      for (const [key, entry] of Object.entries(fields)) {
        const value = checkValue(entry, `customFields.${key}`, log);
        // defineProperty: a key such as "__proto__" is an ordinary key here, never the object's prototype.
        if (value !== undefined) Object.defineProperty(customFields, key, { value, enumerable: true });
      }
      checked.customFields = customFields;
    }
  }
  for (const key of Object.keys(input)) {
    if (!(FIELDS as readonly string[]).includes(key) && key !== 'username' && key !== 'customFields')
      log(`prefill: unknown field "${key}" (ignored)`);
  }
  return checked;
}

function checkValue(raw: unknown, path: string, log: (message: string) => void): PrefillValue | undefined {
  const direct = text(raw);
  if (direct !== undefined) return direct;
  if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'value')) {
    const { value, mode } = raw as { value: unknown; mode?: unknown };
    const checkedValue = text(value);
    if (checkedValue === undefined) {
      log(`prefill: "${path}.value" must be text, got ${shapeOf(value)} (ignored)`);
      return undefined;
    }
    if (mode === undefined) return { value: checkedValue };
    if (MODES.includes(mode as PrefillMode)) return { value: checkedValue, mode: mode as PrefillMode };
    log(`prefill: "${path}.mode" must be one of ${MODES.join(', ')}, got ${shapeOf(mode)} (ignored)`);
    return undefined;
  }
  log(`prefill: "${path}" must be text or { value, mode }, got ${shapeOf(raw)} (ignored)`);
  return undefined;
}

/** Text as given, or a finite number's decimal text; undefined for anything else. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
