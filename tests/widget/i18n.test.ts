import { describe, expect, it } from 'vitest';
import { en } from '../../src/widget/i18n/catalogs/en.ts';
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
