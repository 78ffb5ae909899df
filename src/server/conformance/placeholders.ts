/**
 * `{{priorRequests[N].path}}` in a case's requests and DDP frames: the value at `path` in the body of the N-th
 * prior request's answer, e.g. `{{priorRequests[1].room._id}}` for a room created in setup. A string that is
 * exactly one placeholder takes the value as is (a number stays a number); inside a longer string it is spliced
 * in as text.
 */
import { getPath } from './paths.ts';

const PLACEHOLDER = /\{\{priorRequests\[(\d+)\]\.([^}]+)\}\}/g;

function lookup(priorBodies: unknown[], index: string, path: string): unknown {
  const found = getPath(priorBodies[Number(index)], path);
  if (!found.found) throw new Error(`placeholder {{priorRequests[${index}].${path}}}: no such value`);
  return found.value;
}

export function fillPlaceholders<T>(value: T, priorBodies: unknown[]): T {
  if (typeof value === 'string') {
    const whole = /^\{\{priorRequests\[(\d+)\]\.([^}]+)\}\}$/.exec(value);
    if (whole) return lookup(priorBodies, whole[1] as string, whole[2] as string) as T;
    return value.replace(PLACEHOLDER, (_, index: string, path: string) =>
      String(lookup(priorBodies, index, path)),
    ) as T;
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, priorBodies)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, priorBodies)]),
    ) as T;
  }
  return value;
}
