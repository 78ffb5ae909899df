import { act, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../src/shared/visitor-token.ts';
import { configAnswer, livechatHandlers, type Recorded } from '../support/livechat-fixtures.ts';
import { server } from '../support/msw-server.ts';
import { renderWidget } from '../support/render-widget.ts';

/** Name and email only: the tests here are about the words around the fields. */
const config = configAnswer({ customFields: [], departments: [] });

/** What a single-page app does when its visitor picks another language. */
const setPageLanguage = (lang: string) => document.documentElement.setAttribute('lang', lang);

const rootLang = (root: ShadowRoot) => root.querySelector('.rcp-root')?.getAttribute('lang');
/** The launcher's accessible name, as the loader's launcher gets it through its handle. */
const launcherName = (launcher: { button: HTMLButtonElement } | undefined) =>
  launcher?.button.getAttribute('aria-label');

afterEach(() => document.documentElement.removeAttribute('lang'));

describe("the host page's language", () => {
  it('is spoken when the page says it, and followed on the next open, keeping what was typed', async () => {
    server.use(...livechatHandlers([]));
    const user = userEvent.setup();
    setPageLanguage('pt-BR');
    const { screen, root, handle, launcher } = renderWidget({ config, inline: false });
    act(() => handle.open());
    await user.type(await screen.findByRole('textbox', { name: /^Nome/ }), 'Ana');
    expect(screen.getByRole('button', { name: 'Iniciar chat' })).toBeVisible();
    expect(rootLang(root)).toBe('pt-BR');
    expect(launcherName(launcher)).toBe('Abrir chat');

    act(() => handle.close());
    setPageLanguage('de');
    act(() => handle.open());
    expect(await screen.findByRole('textbox', { name: /^Name/ })).toHaveValue('Ana');
    expect(screen.getByRole('button', { name: 'Chat starten' })).toBeVisible();
    expect(rootLang(root)).toBe('de');
    expect(launcherName(launcher)).toBe('Chat öffnen');
  });

  it('gives way to the locale option, however it changes', async () => {
    server.use(...livechatHandlers([]));
    setPageLanguage('de');
    const { screen, root, handle, launcher } = renderWidget({
      config,
      inline: false,
      options: { locale: 'fr' },
    });
    act(() => handle.open());
    expect(await screen.findByRole('button', { name: 'Démarrer la discussion' })).toBeVisible();
    act(() => handle.close());
    setPageLanguage('es');
    act(() => handle.open());
    expect(screen.getByRole('button', { name: 'Démarrer la discussion' })).toBeVisible();
    expect(rootLang(root)).toBe('fr');
    expect(launcherName(launcher)).toBe('Ouvrir la discussion');
  });

  it('comes before the server language', async () => {
    server.use(...livechatHandlers([]));
    setPageLanguage('es');
    const { screen } = renderWidget({
      config: configAnswer({ customFields: [], departments: [], settings: { language: 'en' } }),
    });
    expect(await screen.findByRole('button', { name: 'Iniciar chat' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /^Nombre/ })).toBeVisible();
  });

  it('says the messages already shown again in the language of the next open', async () => {
    server.use(...livechatHandlers([]));
    const user = userEvent.setup();
    setPageLanguage('pt-BR');
    const { screen, handle } = renderWidget({ config, inline: false });
    act(() => handle.open());
    await user.click(await screen.findByRole('button', { name: 'Iniciar chat' }));
    expect(await screen.findByRole('textbox', { name: /^Nome/ })).toHaveAccessibleDescription(
      'Preencha o campo Nome.',
    );
    act(() => handle.close());
    setPageLanguage('de');
    act(() => handle.open());
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription(
        'Bitte füllen Sie das Feld „Name“ aus.',
      ),
    );
  });

  it('gives the phone field the country of the language chosen at the last open', async () => {
    const recorded: Recorded[] = [];
    server.use(...livechatHandlers(recorded));
    const user = userEvent.setup();
    setPageLanguage('pt-BR');
    const { screen, handle } = renderWidget({ config, inline: false });
    act(() => handle.open());
    await screen.findByRole('textbox', { name: /^Nome/ });
    act(() => handle.close());
    setPageLanguage('es-ES');
    act(() => handle.open());
    await user.type(await screen.findByRole('textbox', { name: /^Nombre/ }), 'Ana');
    await user.type(screen.getByRole('textbox', { name: /^Correo/ }), 'ana@example.com');
    // A Spanish mobile number as a Spaniard writes it; it is no Brazilian number.
    await user.type(screen.getByRole('textbox', { name: /^Teléfono/ }), '612 34 56 78');
    await user.click(screen.getByRole('button', { name: 'Iniciar chat' }));
    await waitFor(() => expect(recorded.some((r) => r.method === 'POST')).toBe(true));
    expect(recorded.find((r) => r.method === 'POST')?.body).toMatchObject({
      visitor: { phone: '+34612345678' },
    });
  });

  for (const version of ['current', '1.13.3'] as const) {
    it(`is the language Rocket.Chat's own widget is told at the hand-off (${version} widget API)`, async () => {
      server.use(...livechatHandlers([]));
      const calls: unknown[][] = [];
      // The 1.13.3 npm build has no setLanguage: the language goes through initialize({ language }).
      const widget = {
        ...(version === 'current'
          ? { setLanguage: (language: string) => calls.push(['setLanguage', language]) }
          : {}),
        initialize: (params: unknown) => calls.push(['initialize', params]),
        setGuestToken: (token: string) => calls.push(['setGuestToken', token]),
        showWidget: () => calls.push(['showWidget']),
        hideWidget: () => calls.push(['hideWidget']),
        maximizeWidget: () => calls.push(['maximizeWidget']),
      };
      Reflect.set(window, 'RocketChat', (fn: (this: typeof widget) => void) => fn.call(widget));
      try {
        const user = userEvent.setup();
        setPageLanguage('it');
        const { screen, handle, eventsNamed, launcher } = renderWidget({
          config,
          inline: false,
          options: { handoff: 'rocketchat' },
        });
        // Mounted: one launcher at a time — Rocket.Chat's is hidden until the visitor is handed to it.
        expect(calls).toEqual([['hideWidget']]);
        act(() => handle.open());
        await user.type(await screen.findByRole('textbox', { name: /^Nome/ }), 'Ada');
        await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'ada@example.com');
        await user.click(screen.getByRole('button', { name: 'Avvia la chat' }));
        await waitFor(() => expect(eventsNamed('room')).toHaveLength(1));
        const token = localStorage.getItem(TOKEN_STORAGE_KEY);
        expect(calls).toEqual([
          ['hideWidget'],
          version === 'current' ? ['setLanguage', 'it'] : ['initialize', { language: 'it' }],
          ['setGuestToken', token],
          ['showWidget'],
          ['maximizeWidget'],
        ]);
        expect(launcher?.setHidden).toHaveBeenLastCalledWith(true);
        expect(localStorage.getItem('rocketchat-prechat:handed-off')).toBe(token);
      } finally {
        Reflect.deleteProperty(window, 'RocketChat');
      }
    });
  }
});
