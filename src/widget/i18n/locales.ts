import { ar } from './catalogs/ar.ts';
import { de } from './catalogs/de.ts';
import { en } from './catalogs/en.ts';
import { es } from './catalogs/es.ts';
import { fr } from './catalogs/fr.ts';
import { he } from './catalogs/he.ts';
import { it } from './catalogs/it.ts';
import { ptBR } from './catalogs/pt-BR.ts';
import type { Catalog } from './translate.ts';

/**
 * The catalogs the widget ships. All are in widget.js: together they weigh a few KB brotli, far less than
 * the extra round trip a lazily loaded catalog would add before the form shows.
 */
export const CATALOGS: Record<string, Catalog> = { en, 'pt-BR': ptBR, es, fr, de, it, ar, he };

/** Languages written right to left: the widget root gets `dir="rtl"` and its logical properties mirror. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export interface ResolvedLocale {
  /** The catalog's tag, e.g. `pt-BR`. */
  locale: string;
  catalog: Catalog;
  dir: 'ltr' | 'rtl';
  /** The candidate it was chosen for, as given (`pt-PT` for the pt-BR catalog); undefined for the English fallback. */
  tag: string | undefined;
}

/**
 * The first candidate the widget speaks, in the order given (choose-locale.ts gives the order): the exact tag,
 * else the same language in another region (`pt-PT` → `pt-BR`), else English.
 */
export function resolveLocale(candidates: readonly (string | undefined)[]): ResolvedLocale {
  const tags = Object.keys(CATALOGS);
  for (const candidate of candidates) {
    if (!candidate) continue;
    const wanted = candidate.replace('_', '-').toLowerCase();
    const language = wanted.split('-')[0];
    const match =
      tags.find((tag) => tag.toLowerCase() === wanted) ??
      tags.find((tag) => tag.toLowerCase().split('-')[0] === language);
    if (match) return resolved(match, candidate);
  }
  return resolved('en', undefined);
}

function resolved(locale: string, tag: string | undefined): ResolvedLocale {
  const language = locale.split('-')[0] ?? locale;
  return { locale, catalog: CATALOGS[locale] ?? en, dir: RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr', tag };
}
