/**
 * The few JSON-schema checks Rocket.Chat runs with AJV on the routes the form uses (CONTRACT.md §0.3, §2.1, §5):
 * `coerceTypes: true`, first error only, keyword order `required` → `additionalProperties` → `properties`
 * (AJV's vocabulary order), and AJV's own message texts.
 */

type Scalar = 'string' | 'boolean' | 'number';

/** `nullable: true` lets `null` through untouched, as AJV's `nullable` keyword does. */
export type PropertySchema =
  | { type: Scalar; nullable?: true }
  | { type: 'array'; items: ObjectSchema }
  | ObjectSchema;

export type ObjectSchema = {
  type: 'object';
  properties: Record<string, PropertySchema>;
  required: string[];
  additionalProperties: false;
};

type Result = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/** AJV `coerceTypes: true` scalar coercions; `undefined` means "cannot coerce". */
function coerce(value: unknown, type: Scalar): unknown {
  if (typeof value === type) return value;
  if (type === 'number') {
    // AJV: a numeric string (not empty), a boolean, or null becomes a number.
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
      return Number(value);
    if (typeof value === 'boolean') return Number(value);
    if (value === null) return 0;
    return undefined;
  }
  if (type === 'string') {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value === null) return '';
    return undefined;
  }
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0 || value === null) return false;
  return undefined;
}

function validateObject(data: unknown, schema: ObjectSchema): Result {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, message: 'must be object' };
  const input = data as Record<string, unknown>;
  for (const key of schema.required) {
    if (!Object.hasOwn(input, key)) return { ok: false, message: `must have required property '${key}'` };
  }
  for (const key of Object.keys(input)) {
    // Own keys only: `constructor`, `toString`… are additional properties, as in AJV, not inherited matches.
    if (!Object.hasOwn(schema.properties, key))
      return { ok: false, message: 'must NOT have additional properties' };
  }
  const output: Record<string, unknown> = { ...input };
  for (const [key, prop] of Object.entries(schema.properties)) {
    if (!Object.hasOwn(input, key)) continue;
    const value = input[key];
    if (value === null && 'nullable' in prop && prop.nullable) continue;
    if (prop.type === 'object') {
      const result = validateObject(value, prop);
      if (!result.ok) return result;
      output[key] = result.value;
    } else if (prop.type === 'array') {
      if (!Array.isArray(value)) return { ok: false, message: 'must be array' };
      const items: unknown[] = [];
      for (const item of value) {
        const result = validateObject(item, prop.items);
        if (!result.ok) return result;
        items.push(result.value);
      }
      output[key] = items;
    } else {
      const coerced = coerce(value, prop.type);
      if (coerced === undefined) return { ok: false, message: `must be ${prop.type}` };
      output[key] = coerced;
    }
  }
  return { ok: true, value: output };
}

export function validateParams(data: unknown, schema: ObjectSchema): Result {
  return validateObject(data, schema);
}
