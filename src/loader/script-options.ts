import { SERVER_URL, trimServerUrl } from '../shared/checks.ts';
import { logError } from '../shared/log.ts';
import type { UncheckedOptions } from '../shared/widget-context.ts';
import type { PrechatOptions } from '../types/public-api.ts';

/** Options named as PrechatOptions names them, values not yet checked. */
type NamedOptions = { [K in keyof PrechatOptions]?: unknown };

// The attributes that are plain strings: `data-server-url` → serverUrl, … Each must be an option's name.
const TEXT_ATTRIBUTES = [
  'serverUrl',
  'department',
  'locale',
  'container',
] as const satisfies readonly (keyof PrechatOptions)[];

/**
 * Options from the loader's own `data-*` attributes: the form a page with a strict CSP uses, since it needs no
 * inline script. Raw strings here; the widget checks them like any other option.
 */
export function readScriptOptions(script: HTMLScriptElement): NamedOptions {
  const data = script.dataset;
  const options: NamedOptions = {};
  for (const key of TEXT_ATTRIBUTES) if (data[key]) options[key] = data[key];
  if (data.startRoom) options.startRoom = data.startRoom !== 'false';
  options.theme = { color: data.themeColor, position: data.themePosition };
  return options;
}

/**
 * The one option the loader cannot do without. Every other option, and every unknown option name, is checked by
 * the widget when it mounts — one console error naming each — which keeps the loader small.
 * Undefined when there is no usable serverUrl.
 */
export function checkServerUrl(input: unknown): UncheckedOptions | undefined {
  const serverUrl = String((input as { serverUrl?: unknown })?.serverUrl);
  if (SERVER_URL.test(serverUrl)) return { ...(input as object), serverUrl: trimServerUrl(serverUrl) };
  logError(`init: option "serverUrl" must be an http(s) URL, got ${serverUrl}`);
}
