import { describe, expect, it } from 'vitest';
import { en } from '../../src/widget/i18n/catalogs/en.ts';
import { chooseLocale, countryOfLocale, type LanguageSources } from '../../src/widget/i18n/choose-locale.ts';
import { CATALOGS, resolveLocale } from '../../src/widget/i18n/locales.ts';
import { type Catalog, createTranslator } from '../../src/widget/i18n/translate.ts';

/** The languages the README promises, at the least. */
const PROMISED = ['en', 'pt-BR', 'es', 'fr', 'de', 'it', 'ar', 'he'];

const placeholdersOf = (text: string) => [...new Set(Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1]))];

/** Everything wrong with `catalog` measured against the English one, one line each: empty when complete. */
function problemsOf(catalog: Record<string, unknown>, reference: Record<string, string> = en): string[] {
  const problems: string[] = [];
  const keys = Object.keys(catalog);
  const referenceKeys = Object.keys(reference);
  for (const key of referenceKeys) if (!(key in catalog)) problems.push(`missing key ${key}`);
  for (const key of keys) if (!(key in reference)) problems.push(`extra key ${key}`);
  if (!problems.length && keys.join() !== referenceKeys.join())
    problems.push('keys not in the order of en.ts');
  for (const key of referenceKeys) {
    const text = catalog[key];
    if (text === undefined) continue;
    if (typeof text !== 'string' || !text.trim()) {
      problems.push(`${key}: empty`);
      continue;
    }
    const wanted = placeholdersOf(reference[key] as string);
    const found = placeholdersOf(text);
    for (const name of wanted) if (!found.includes(name)) problems.push(`${key}: lacks {${name}}`);
    for (const name of found)
      if (!wanted.includes(name)) problems.push(`${key}: has {${name}}, English does not`);
  }
  return problems;
}

describe('catalogs', () => {
  it('ships every promised language', () => {
    expect(Object.keys(CATALOGS)).toEqual(expect.arrayContaining(PROMISED));
    expect(CATALOGS.en).toBe(en);
  });

  it.each(Object.keys(CATALOGS))('%s has exactly the keys and placeholders of English, none empty', (tag) => {
    expect(problemsOf(CATALOGS[tag] as Catalog)).toEqual([]);
  });

  it('keeps the required-field mark as *', () => {
    for (const [tag, catalog] of Object.entries(CATALOGS)) expect(catalog.requiredHint, tag).toContain('*');
  });

  it('reports each kind of problem', () => {
    const broken: Record<string, string> = { ...en, title: '  ', extra: 'x' };
    delete broken.loading;
    broken.errorRequired = 'Fill in {field}.';
    broken.welcomeBack = 'Welcome back.';
    expect(problemsOf(broken)).toEqual([
      'missing key loading',
      'extra key extra',
      'title: empty',
      'errorRequired: lacks {label}',
      'errorRequired: has {field}, English does not',
      'welcomeBack: lacks {name}',
    ]);
    const { title, ...rest } = en;
    expect(problemsOf({ ...rest, title })).toEqual(['keys not in the order of en.ts']);
  });
});

describe('resolveLocale', () => {
  const localeOf = (...candidates: (string | undefined)[]) => resolveLocale(candidates).locale;

  it('takes an exact tag', () => {
    for (const tag of PROMISED) expect(localeOf(tag)).toBe(tag);
  });

  it('ignores case and accepts an underscore', () => {
    expect(localeOf('PT-br')).toBe('pt-BR');
    expect(localeOf('DE')).toBe('de');
    expect(localeOf('pt_br')).toBe('pt-BR');
    expect(localeOf('de_AT')).toBe('de');
  });

  it('falls back to the same language in another region', () => {
    expect(localeOf('pt-PT')).toBe('pt-BR');
    expect(localeOf('pt')).toBe('pt-BR');
    expect(localeOf('es-MX')).toBe('es');
    expect(localeOf('fr-CA')).toBe('fr');
    expect(localeOf('ar-EG')).toBe('ar');
    expect(localeOf('he-IL')).toBe('he');
    expect(localeOf('en-GB')).toBe('en');
  });

  it('falls back to English when nothing matches', () => {
    expect(localeOf('xx')).toBe('en');
    expect(localeOf('zh-CN', 'ja')).toBe('en');
    expect(localeOf()).toBe('en');
    expect(resolveLocale(['ko']).catalog).toBe(en);
  });

  it('takes the first candidate that matches at all, even by language only', () => {
    expect(localeOf('it', 'fr')).toBe('it');
    expect(localeOf('xx', 'es-AR', 'fr')).toBe('es');
    expect(localeOf('pt-PT', 'en')).toBe('pt-BR');
    expect(localeOf('en-AU', 'de')).toBe('en');
  });

  it('skips undefined and empty candidates', () => {
    expect(localeOf(undefined, 'he')).toBe('he');
    expect(localeOf(undefined, '', 'ar-SA')).toBe('ar');
    expect(localeOf(undefined)).toBe('en');
  });

  it('says which candidate it picked, as given; none for the English fallback', () => {
    expect(resolveLocale(['xx', 'pt-PT', 'de']).tag).toBe('pt-PT');
    expect(resolveLocale(['de_AT']).tag).toBe('de_AT');
    expect(resolveLocale(['xx']).tag).toBeUndefined();
  });

  it('returns the catalog of the locale it picked', () => {
    for (const tag of Object.keys(CATALOGS)) expect(resolveLocale([tag]).catalog).toBe(CATALOGS[tag]);
    expect(resolveLocale(['pt-PT']).catalog).toBe(CATALOGS['pt-BR']);
  });

  it('lays out Arabic and Hebrew right to left, the others left to right', () => {
    for (const tag of Object.keys(CATALOGS)) {
      expect(resolveLocale([tag]).dir, tag).toBe(tag === 'ar' || tag === 'he' ? 'rtl' : 'ltr');
    }
    expect(resolveLocale(['ar-EG']).dir).toBe('rtl');
    expect(resolveLocale(['HE_il']).dir).toBe('rtl');
    expect(resolveLocale(['xx']).dir).toBe('ltr');
  });
});

describe('chooseLocale: the option, the page, the browser, the server, English', () => {
  const sources = (given: Partial<LanguageSources>): LanguageSources => ({
    option: undefined,
    page: '',
    browser: [],
    server: '',
    ...given,
  });
  const localeOf = (given: Partial<LanguageSources>) => chooseLocale(sources(given)).locale;

  it('takes the locale option over everything else', () => {
    expect(localeOf({ option: 'fr', page: 'de', browser: ['es-ES'], server: 'it' })).toBe('fr');
    expect(localeOf({ option: 'pt-PT', page: 'de' })).toBe('pt-BR');
  });

  it("takes the page's language over the browser's and the server's", () => {
    expect(localeOf({ page: 'pt-BR', browser: ['en-US'], server: 'en' })).toBe('pt-BR');
    expect(localeOf({ page: 'es', browser: ['fr-FR', 'en'], server: 'de' })).toBe('es');
  });

  it("gives the page's language the same fallback as any other: the same language in another region", () => {
    expect(localeOf({ page: 'pt-PT', browser: ['de'] })).toBe('pt-BR');
    expect(localeOf({ page: 'es-MX', server: 'en' })).toBe('es');
    expect(localeOf({ page: 'HE_il', browser: ['en'] })).toBe('he');
  });

  it("passes over a page language we do not speak, to the browser's", () => {
    expect(localeOf({ page: 'ja', browser: ['fr-CA', 'en'], server: 'en' })).toBe('fr');
    expect(localeOf({ page: 'ja-JP', browser: ['zh', 'de-AT'], server: 'en' })).toBe('de');
  });

  it("takes the browser's languages, in the visitor's order, when the page says nothing", () => {
    expect(localeOf({ page: '', browser: ['fr-FR', 'en-US'], server: 'en' })).toBe('fr');
    expect(localeOf({ page: undefined, browser: ['ko', 'it'], server: 'de' })).toBe('it');
  });

  it("takes the server's Language only when neither the page nor the browser names one we speak", () => {
    expect(localeOf({ page: '', browser: ['ja-JP', 'zh'], server: 'de' })).toBe('de');
    expect(localeOf({ page: 'ko', browser: ['ja'], server: 'pt_BR' })).toBe('pt-BR');
    // '' is Rocket.Chat's "automatic": no language at all.
    expect(localeOf({ page: '', browser: ['ja'], server: '' })).toBe('en');
  });

  it('falls back to English', () => {
    expect(localeOf({})).toBe('en');
    expect(localeOf({ page: 'ja', browser: ['ko'], server: 'zh-TW' })).toBe('en');
  });

  it("gives the phone the chosen tag's country where it names one", () => {
    const countryOf = (given: Partial<LanguageSources>) => chooseLocale(sources(given)).country;
    expect(countryOf({ page: 'pt-BR', browser: ['de-DE'] })).toBe('BR');
    // A pt-PT visitor reads the pt-BR catalog but types Portuguese numbers.
    expect(countryOf({ page: '', browser: ['pt-PT'] })).toBe('PT');
    expect(countryOf({ option: 'es-MX', page: 'fr-FR', browser: ['de-DE'] })).toBe('MX');
    expect(countryOf({ page: 'ja-JP', browser: ['fr-CA'] })).toBe('CA');
    expect(countryOf({ browser: ['ja'], server: 'pt_BR' })).toBe('BR');
  });

  it("else the browser's first country, else none", () => {
    const countryOf = (given: Partial<LanguageSources>) => chooseLocale(sources(given)).country;
    expect(countryOf({ page: 'en', browser: ['pt-BR', 'en-US'] })).toBe('BR');
    expect(countryOf({ option: 'fr', browser: ['fr', 'de-CH'] })).toBe('CH');
    expect(countryOf({ page: 'fr', browser: ['fr'] })).toBeUndefined();
  });
});

describe('countryOfLocale', () => {
  it('finds a two-letter region after the language, in any case, with - or _', () => {
    expect(countryOfLocale('en-GB')).toBe('GB');
    expect(countryOfLocale('pt_br')).toBe('BR');
    expect(countryOfLocale('zh-Hant-TW')).toBe('TW');
  });

  it('finds none in a bare language or a numeric region', () => {
    expect(countryOfLocale('fr')).toBeUndefined();
    expect(countryOfLocale('es-419')).toBeUndefined();
    expect(countryOfLocale(undefined)).toBeUndefined();
  });
});

describe('createTranslator', () => {
  it('fills in placeholders, numbers included', () => {
    const t = createTranslator(en);
    expect(t('errorRequired', { label: 'Name' })).toBe('Please fill in Name.');
    expect(t('errorSummary', { count: 3 })).toBe('Please correct the highlighted fields (3).');
    expect(t('errorRateLimited', { seconds: 0 })).toBe('Too many attempts — try again in 0 s.');
    expect(t('title')).toBe('Need help?');
  });

  it('fills in placeholders of every catalog', () => {
    for (const [tag, catalog] of Object.entries(CATALOGS)) {
      const text = createTranslator(catalog)('welcomeBack', { name: 'Ana' });
      expect(text, tag).toContain('Ana');
      expect(text, tag).not.toContain('{name}');
    }
  });

  it('leaves placeholders it has no value for', () => {
    const t = createTranslator({ ...en, title: 'Hello {name}, {unknown} {name}' });
    expect(t('title', { name: 'Ana' })).toBe('Hello Ana, {unknown} Ana');
    expect(t('errorRequired')).toBe('Please fill in {label}.');
    expect(t('errorRequired', { other: 'x' })).toBe('Please fill in {label}.');
  });

  it('inserts values as they are, without reading them as placeholders or patterns', () => {
    const t = createTranslator(en);
    expect(t('errorServer', { message: '{label} $& $1' })).toBe(
      'The chat service could not start your chat: {label} $& $1',
    );
  });
});
