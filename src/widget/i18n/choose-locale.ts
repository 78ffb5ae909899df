import { type ResolvedLocale, resolveLocale } from './locales.ts';

/** Where a language can come from, strongest first. */
export interface LanguageSources {
  /** The `locale` option: the site owner said so. */
  option: string | undefined;
  /** The host page's `<html lang>` ('' when it has none). */
  page: string | undefined;
  /** The browser's languages, in the visitor's order of preference. */
  browser: readonly string[];
  /** Rocket.Chat's `Language` setting ('' is Rocket.Chat's "automatic"). */
  server: string | undefined;
}

export interface ChosenLocale extends ResolvedLocale {
  /** The phone field's default country (`BR`), for numbers typed without "+"; undefined when none is known. */
  country: string | undefined;
}

/**
 * The language the form speaks: the `locale` option, else the page's `<html lang>`, else the browser's languages,
 * else Rocket.Chat's `Language` setting, else English — each source only when it names a language we speak
 * (by its exact tag or the same language in another region).
 *
 * The page comes before the server because the server's setting is the agents' workspace language: one value for
 * a whole Rocket.Chat, while a site with English, Portuguese and Spanish pages says on each page which it is.
 */
export function chooseLocale(sources: LanguageSources): ChosenLocale {
  const chosen = resolveLocale([sources.option, sources.page, ...sources.browser, sources.server]);
  // The tag that won, when it names a region (a pt-PT visitor reads the pt-BR catalog but types Portuguese
  // numbers); else the browser's first region, which says more about where the visitor is than nothing.
  const country = countryOfLocale(chosen.tag) ?? sources.browser.map(countryOfLocale).find(Boolean);
  return { ...chosen, country };
}

/**
 * The sources as they are now. Read at each open, not once: a single-page app switches `<html lang>` when its
 * visitor switches language.
 */
export function currentSources(option: string | undefined, server: string | undefined): LanguageSources {
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language];
  return { option, page: document.documentElement.lang, browser, server };
}

/** The region of a language tag ("en-GB" → "GB"; none in "fr" or "es-419"). */
export function countryOfLocale(tag: string | undefined): string | undefined {
  const region = tag?.split(/[-_]/).find((part, index) => index > 0 && /^[A-Za-z]{2}$/.test(part));
  return region?.toUpperCase();
}
