/**
 * Languages: the locale from the `locale` option, else the server's language, else the browser's; right-to-left
 * layout for Arabic and Hebrew; site owners' overrides of strings and of the server's custom-field labels.
 */
import type { Page } from '@playwright/test';
import { expect, hostUrl, resetStandin, test } from './support/test.ts';

const withOptions = (options: Record<string, unknown>) =>
  hostUrl('options', `?options=${encodeURIComponent(JSON.stringify(options))}`);

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

test('the locale option wins: French labels, errors and button; a bad option is named, the rest works', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(withOptions({ locale: 'fr', colour: '#fff', theme: { color: 'red' } }));
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('button', { name: 'Démarrer la discussion' })).toBeVisible();
  await expect(page.getByLabel('Nom')).toBeVisible();
  // Once the form has loaded, the launcher speaks the visitor's language too.
  await expect(page.getByRole('button', { name: 'Ouvrir la discussion' })).toBeVisible();
  await page.getByRole('button', { name: 'Démarrer la discussion' }).click();
  await expect(page.getByLabel('Nom')).toHaveAttribute('aria-invalid', 'true');
  expect((await layout(page)).lang).toBe('fr');
  // One console error per bad option, naming it, in the order given; the rest of the options work.
  expect(consoleErrors).toEqual([
    expect.stringContaining('[RocketChatPrechat] init: unknown option "colour" (ignored)'),
    expect.stringContaining(
      '[RocketChatPrechat] init: option "theme.color" must be a colour like "#1d74f5" (ignored)',
    ),
  ]);
});

test.describe('the browser language, with fallback to the same language', () => {
  test.use({ locale: 'pt-PT' });
  test('pt-PT reads the pt-BR catalog', async ({ page }) => {
    await resetStandin({ settings: { Language: '' } }); // Rocket.Chat's "automatic"
    await page.goto(hostUrl('basic'));
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('button', { name: 'Iniciar chat' })).toBeVisible();
    expect((await layout(page)).lang).toBe('pt-BR');
  });
});

test('the server language comes before the browser language', async ({ page }) => {
  await resetStandin({ settings: { Language: 'de' } });
  await page.goto(hostUrl('basic'));
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('button', { name: 'Chat starten' })).toBeVisible();
});

for (const [locale, submit] of [
  ['ar', 'بدء المحادثة'],
  ['he', 'התחלת צ׳אט'],
] as const) {
  test(`${locale} lays the form out right to left`, async ({ page }) => {
    await page.goto(withOptions({ locale }));
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('button', { name: submit })).toBeVisible();
    const rtl = await layout(page);
    expect(rtl.dir).toBe('rtl');
    // Mirrored: labels start at the right edge of their inputs, the close button sits left of the title.
    expect(Math.abs((rtl.label?.right ?? 0) - (rtl.input?.right ?? 0))).toBeLessThanOrEqual(1);
    expect(rtl.label?.left ?? 0).toBeGreaterThan(rtl.input?.left ?? 0);
    expect(rtl.close?.right ?? 0).toBeLessThanOrEqual(rtl.title?.left ?? 0);

    await page.goto(withOptions({ locale: 'en' }));
    await page.getByRole('button', { name: 'Open chat' }).click();
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
