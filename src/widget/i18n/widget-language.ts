import { type ChosenLocale, chooseLocale, type LanguageSources } from './choose-locale.ts';
import { type Catalog, createTranslator, type Translate } from './translate.ts';

/** The language the form speaks right now, with its translator (the site's `labels` over the catalog). */
export interface WidgetLanguage extends ChosenLocale {
  t: Translate;
}

/**
 * The language for `sources`. When it is the one the visitor already has, `previous` itself comes back, so choosing
 * again on every open re-renders nothing and rebuilds nothing.
 */
export function widgetLanguage(
  sources: LanguageSources,
  labels: Partial<Catalog>,
  previous?: WidgetLanguage,
): WidgetLanguage {
  const chosen = chooseLocale(sources);
  if (previous && previous.locale === chosen.locale && previous.country === chosen.country) return previous;
  return { ...chosen, t: createTranslator({ ...chosen.catalog, ...labels }) };
}
