import type { PrechatOptions } from '../types/public-api.ts';
import { logError } from './log.ts';

/**
 * Options from the loader's own `data-*` attributes: the form a page with a strict CSP uses, since it
 * needs no inline script. Raw strings here; the widget validates them like any other option.
 */
export function readScriptOptions(script: HTMLScriptElement | null): Partial<PrechatOptions> {
  const data = script?.dataset ?? {};
  const options: Record<string, unknown> = {};
  for (const key of ['serverUrl', 'department', 'locale', 'container'] as const)
    if (data[key]) options[key] = data[key];
  if (data.startRoom) options.startRoom = data.startRoom !== 'false';
  if (data.themeColor || data.themePosition)
    options.theme = { color: data.themeColor, position: data.themePosition };
  return options;
}

// The option names the loader knows. Their values are checked by the widget bundle when it mounts (one
// console error per bad value, naming it): the loader only has room to catch typos in the names.
const OPTION_NAMES =
  'serverUrl container department locale theme fields customFields startRoom nonce labels customFieldLabels customFieldOptions consent handoff';

/**
 * The check the loader can afford: an unknown option is one console error naming it and is dropped, so the
 * host page never breaks. Returns undefined when the options cannot work at all (no usable serverUrl).
 */
export function checkOptions(input: unknown): PrechatOptions | undefined {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input && typeof input === 'object' ? input : {})) {
    if (OPTION_NAMES.split(' ').includes(key)) options[key] = value;
    else logError(`init: option "${key}" is unknown (ignored)`);
  }
  if (!/^https?:\/\/[^/]/i.test(String(options.serverUrl))) {
    logError(`init: option "serverUrl" must be an http(s) URL, got ${options.serverUrl}`);
    return undefined;
  }
  options.serverUrl = String(options.serverUrl).replace(/\/+$/, '');
  return options as unknown as PrechatOptions;
}
