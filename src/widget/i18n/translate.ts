import type { en } from './catalogs/en.ts';

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** `t(key, { label })`: the catalog's string with its `{placeholders}` filled in, as plain text. */
export function createTranslator(catalog: Catalog): Translate {
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
}
