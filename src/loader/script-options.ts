import type { PrechatOptions } from '../types/public-api.ts';

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

const OPTION_TYPES: Record<string, string> = {
  serverUrl: 'string',
  container: 'string|object',
  department: 'string',
  locale: 'string',
  theme: 'object',
  fields: 'object',
  customFields: 'object',
  startRoom: 'boolean',
  nonce: 'string',
  labels: 'object',
  customFieldLabels: 'object',
  customFieldOptions: 'object',
};

/**
 * The shallow check the loader can afford: each bad option is one console error naming it and is
 * dropped, so the host page never breaks. The widget bundle checks the nested values.
 * Returns undefined when the options cannot work at all (no usable serverUrl).
 */
export function checkOptions(input: unknown): PrechatOptions | undefined {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input && typeof input === 'object' ? input : {})) {
    const expected = OPTION_TYPES[key];
    if (expected?.includes(typeof value)) options[key] = value;
    else
      console.error(
        `[RocketChatPrechat] init: option "${key}" ${expected ? `must be a ${expected}` : 'is unknown'} (ignored)`,
      );
  }
  if (!/^https?:\/\/[^/]/i.test(String(options.serverUrl))) {
    console.error(
      `[RocketChatPrechat] init: option "serverUrl" must be an http(s) URL, got ${options.serverUrl}`,
    );
    return undefined;
  }
  options.serverUrl = String(options.serverUrl).replace(/\/+$/, '');
  return options as unknown as PrechatOptions;
}
