/**
 * Languages: the `locale` option, else the page's `<html lang>`, else the browser's languages, else the server's
 * `Language` setting, else English; a page that switches language is followed on the next open; right-to-left
 * layout for Arabic and Hebrew; site owners' overrides of strings and of the server's custom-field labels.
 */
import type { Page } from '@playwright/test';
import { fillPrechat } from '../src/npm/testing.ts';
import { expect, hostUrl, resetStandin, standinRequests, test } from './support/test.ts';

/**
 * Clicks the launcher whichever language it speaks yet: the loader names it in English (or `labels.openChat`), the
 * form renames it in the visitor's language once it has mounted, when the browser is idle. The specs assert that
 * name where it matters.
 */
const openLauncher = (page: Page) => page.locator('.rcp-launcher').click();

const withOptions = (options: Record<string, unknown>) =>
  hostUrl('options', `?options=${encodeURIComponent(JSON.stringify(options))}`);

/** language.html: no `lang` unless `lang` is given; `options` merged into init. */
const languagePage = ({ lang, options }: { lang?: string; options?: Record<string, unknown> } = {}) =>
  hostUrl(
    'language',
    new URLSearchParams({
      ...(lang && { lang }),
      ...(options && { options: JSON.stringify(options) }),
    }).toString(),
  );

/** What a single-page app does when its visitor picks another language. */
const switchPageLanguage = (page: Page, lang: string) =>
  page.evaluate((tag) => {
    document.documentElement.lang = tag;
  }, lang);

/** Boxes of a few parts, for checking which side things sit on. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-rocketchat-prechat]')?.shadowRoot;
    // The box of the text itself: a label stretches the full width, its text sits on the reading side.
    const box = (selector: string) => {
      const element = root?.querySelector(selector);
      if (!element) return null;
      const range = document.createRange();
      range.selectNodeContents(element);
      const rect = element.matches('.rcp-label, .rcp-title')
        ? range.getBoundingClientRect()
        : element.getBoundingClientRect();
      return { left: Math.round(rect.left), right: Math.round(rect.right) };
    };
    return {
      dir: root?.querySelector('.rcp-root')?.getAttribute('dir'),
      lang: root?.querySelector('.rcp-root')?.getAttribute('lang'),
      title: box('.rcp-title'),
      close: box('.rcp-close'),
      label: box('.rcp-label'),
      input: box('.rcp-input'),
    };
  });
}

test.describe('the locale option wins over the page, the browser and the server', () => {
  test.use({ locale: 'es-ES' });
  test('French labels, errors and button, even after the page switches; a bad option is named, the rest works', async ({
    page,
    consoleErrors,
  }) => {
    await resetStandin({ settings: { Language: 'it' } });
    await page.goto(
      languagePage({ lang: 'de', options: { locale: 'fr', colour: '#fff', theme: { color: 'red' } } }),
    );
    await openLauncher(page);
    await expect(page.getByRole('button', { name: 'Démarrer la discussion' })).toBeVisible();
    await expect(page.getByLabel('Nom')).toBeVisible();
    // Once the form has loaded, the launcher speaks the visitor's language too.
    await expect(page.getByRole('button', { name: 'Ouvrir la discussion' })).toBeVisible();
    await page.getByRole('button', { name: 'Démarrer la discussion' }).click();
    await expect(page.getByLabel('Nom')).toHaveAttribute('aria-invalid', 'true');
    expect((await layout(page)).lang).toBe('fr');

    await page.getByRole('button', { name: 'Fermer la discussion' }).click();
    await switchPageLanguage(page, 'pt-BR');
    await page.getByRole('button', { name: 'Ouvrir la discussion' }).click();
    await expect(page.getByRole('button', { name: 'Démarrer la discussion' })).toBeVisible();
    expect((await layout(page)).lang).toBe('fr');
    // One console error per bad option, naming it (unknown names first, then bad values); the rest of the options work.
    expect(consoleErrors).toEqual([
      expect.stringContaining('[RocketChatPrechat] init: unknown option "colour" (ignored)'),
      expect.stringContaining(
        '[RocketChatPrechat] init: option "theme.color" must be a colour like "#1d74f5" (ignored)',
      ),
    ]);
  });
});

test("a pt-BR page on an English server speaks Portuguese, and its phone numbers are Brazil's", async ({
  page,
  events,
}) => {
  await resetStandin({ settings: { Language: 'en' } });
  await page.goto(languagePage({ lang: 'pt-BR' }));
  await openLauncher(page);
  await expect(page.getByRole('button', { name: 'Iniciar chat' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abrir chat' })).toBeVisible();
  expect((await layout(page)).lang).toBe('pt-BR');

  // A number as a Brazilian writes it, without +55: the browser is en-US, the page says Brazil.
  const portuguese = { nameLabel: 'Nome', emailLabel: 'E-mail', phoneLabel: 'Telefone' };
  await fillPrechat(
    page,
    { name: 'Ana', email: 'ana@example.com', phone: '(11) 91234-5678', customFields: { Plan: 'Pro' } },
    { labels: portuguese },
  );
  await page.getByRole('button', { name: 'Iniciar chat' }).click();
  await events.waitFor('registered');
  const [post] = await standinRequests({ method: 'POST', path: '/api/v1/livechat/visitor' });
  expect(post?.body).toMatchObject({ visitor: { phone: '+5511912345678' } });
});

test.describe("a page with no lang speaks the browser's language", () => {
  test.use({ locale: 'fr-FR' });
  test('a French browser, an English server: French', async ({ page }) => {
    await resetStandin({ settings: { Language: 'en' } });
    await page.goto(languagePage());
    await openLauncher(page);
    await expect(page.getByRole('button', { name: 'Démarrer la discussion' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ouvrir la discussion' })).toBeVisible();
    expect((await layout(page)).lang).toBe('fr');
  });
});

test.describe("a page language we do not speak falls back to the browser's", () => {
  test.use({ locale: 'pt-PT' });
  test('a Japanese page, a pt-PT browser, an English server: the pt-BR catalog', async ({ page }) => {
    await resetStandin({ settings: { Language: 'en' } });
    await page.goto(languagePage({ lang: 'ja' }));
    await openLauncher(page);
    await expect(page.getByRole('button', { name: 'Iniciar chat' })).toBeVisible();
    expect((await layout(page)).lang).toBe('pt-BR');
  });
});

test.describe("the server's Language comes after the page's and the browser's", () => {
  test.use({ locale: 'ja-JP' });
  test('no lang, a Japanese browser, a German server: German', async ({ page }) => {
    await resetStandin({ settings: { Language: 'de' } });
    await page.goto(languagePage());
    await openLauncher(page);
    await expect(page.getByRole('button', { name: 'Chat starten' })).toBeVisible();
    expect((await layout(page)).lang).toBe('de');
  });
});

test('a page that switches its language is followed on the next open; what was typed stays', async ({
  page,
}) => {
  await page.goto(languagePage({ lang: 'pt-BR' }));
  await openLauncher(page);
  await page.getByLabel('Nome').fill('Ana');
  await page.getByRole('button', { name: 'Fechar chat' }).click();

  await switchPageLanguage(page, 'de');
  await page.getByRole('button', { name: 'Abrir chat' }).click();
  await expect(page.getByRole('button', { name: 'Chat starten' })).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Ana');
  await expect(page.getByRole('button', { name: 'Chat öffnen' })).toBeVisible();
  expect((await layout(page)).lang).toBe('de');
});

for (const [locale, submit] of [
  ['ar', 'بدء المحادثة'],
  ['he', 'התחלת צ׳אט'],
] as const) {
  test(`${locale} lays the form out right to left`, async ({ page }) => {
    await page.goto(withOptions({ locale }));
    await openLauncher(page);
    await expect(page.getByRole('button', { name: submit })).toBeVisible();
    const rtl = await layout(page);
    expect(rtl.dir).toBe('rtl');
    // Mirrored: labels start at the right edge of their inputs, the close button sits left of the title.
    expect(Math.abs((rtl.label?.right ?? 0) - (rtl.input?.right ?? 0))).toBeLessThanOrEqual(1);
    expect(rtl.label?.left ?? 0).toBeGreaterThan(rtl.input?.left ?? 0);
    expect(rtl.close?.right ?? 0).toBeLessThanOrEqual(rtl.title?.left ?? 0);

    await page.goto(withOptions({ locale: 'en' }));
    await openLauncher(page);
    await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
    const ltr = await layout(page);
    expect(ltr.dir).toBe('ltr');
    expect(Math.abs((ltr.label?.left ?? 0) - (ltr.input?.left ?? 0))).toBeLessThanOrEqual(1);
    expect(ltr.close?.left ?? 0).toBeGreaterThanOrEqual(ltr.title?.right ?? 0);
  });
}

test('site owners override strings and translate the server custom fields', async ({ page }) => {
  await page.goto(
    withOptions({
      locale: 'pt-BR',
      labels: { openChat: 'Fale conosco', submit: 'Falar com a equipe', nameLabel: 'Seu nome' },
      customFieldLabels: { plan: { pt: 'Plano', fr: 'Forfait' } },
      customFieldOptions: { plan: { 'pt-BR': { Free: 'Grátis' } } },
    }),
  );
  await page.getByRole('button', { name: 'Fale conosco' }).click(); // labels.openChat names the launcher from the start
  await expect(page.getByRole('button', { name: 'Falar com a equipe' })).toBeVisible();
  await expect(page.getByLabel('Seu nome')).toBeVisible();
  await expect(page.getByLabel('Plano')).toBeVisible();
  // The label is translated; the value sent stays the server's.
  await page.getByLabel('Plano').selectOption({ label: 'Grátis' });
  await expect(page.getByLabel('Plano')).toHaveValue('Free');
});
