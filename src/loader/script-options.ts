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

/**
 * The one option the loader cannot do without. Every other option, and every unknown option name, is checked by
 * the widget when it mounts — one console error naming each — which keeps this file inside its budget.
 * Returns undefined when there is no usable serverUrl.
 */
export function checkOptions(input: unknown): PrechatOptions | undefined {
  const options = { ...(input as Record<string, unknown>) };
  if (!/^https?:\/\/[^/]/i.test(String(options.serverUrl))) {
    logError(`init: option "serverUrl" must be an http(s) URL, got ${options.serverUrl}`);
    return undefined;
  }
  options.serverUrl = String(options.serverUrl).replace(/\/+$/, '');
  return options as unknown as PrechatOptions;
}
