import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { addStyles, textColorOn } from '../shared/styles.ts';
import type { WidgetContext, WidgetHandle } from '../types/public-api.ts';
import { createLivechatApi } from './api/livechat-api.ts';
import { App } from './app/App.tsx';
import { createWidgetStore } from './app/widget-store.ts';
import { resolveLocale } from './i18n/locales.ts';
import { createTranslator } from './i18n/translate.ts';
import { resolveOptions } from './options.ts';
import { countryOfLocale, loadPhoneLib, toE164 } from './phone/phone-lib.ts';
import { clearDraft } from './storage/draft-store.ts';
import { createTokenStore } from './storage/token-store.ts';
import { INLINE_HOST_CSS, WIDGET_CSS } from './styles/widget-css.ts';

const LOG = '[RocketChatPrechat]';

// TanStack Query pauses a mutation while offline and sends it when the browser is back. It learns of both from
// the window's online/offline events. Emulated offline modes (DevTools, test browsers) flip navigator.onLine
// without firing them, so a slow poll backs up the way back online. Going offline is also decided when a
// request actually fails (use-prechat-flow.ts): navigator.onLine alone has false negatives, so it never stops
// a request from being tried.
function listenForConnectivity(): void {
  onlineManager.setEventListener((setOnline) => {
    const online = () => setOnline(true);
    const offline = () => setOnline(false);
    const poll = setInterval(() => navigator.onLine && !onlineManager.isOnline() && online(), 1000);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearInterval(poll);
    };
  });
}

/** Renders the form into the loader's shadow root and returns the handle the loader's commands drive. */
export function mount(context: WidgetContext): WidgetHandle {
  // Here, not at import: the npm build imports this module during server rendering, where there is no window.
  listenForConnectivity();
  const options = resolveOptions(context.options, (message) => console.error(`${LOG} ${message}`));
  // The `locale` option, else the server's Language setting ('' means automatic), else the browser's.
  const serverLanguage = (context.config as { config?: { settings?: { language?: unknown } } } | null)?.config
    ?.settings?.language;
  const { locale, catalog, dir } = resolveLocale([
    options.locale,
    typeof serverLanguage === 'string' ? serverLanguage : undefined,
    ...navigator.languages,
  ]);
  const t = createTranslator({ ...catalog, ...options.labels });
  const tokens = createTokenStore();
  const api = createLivechatApi(options.serverUrl);
  // The phone's default country comes from a locale with a region (the visitor's, not the catalog's:
  // a pt-PT visitor reads the pt-BR catalog but types Portuguese numbers).
  const country = countryOfLocale(
    [options.locale, ...navigator.languages].find((tag) => countryOfLocale(tag)),
  );
  const nonce = context.nonce;
  const loadPhone = context.loadPhone ?? (() => loadPhoneLib(context.baseUrl, nonce));

  const sheets = [addStyles(context.root, WIDGET_CSS)];
  if (context.inline) sheets.push(addStyles(context.root, INLINE_HOST_CSS));
  const container = document.createElement('div');
  container.className = context.inline ? 'rcp-root rcp-inline' : 'rcp-root';
  // `all: initial` leaves `direction` alone, so a host page's `dir`/`direction` would leak in without this.
  container.dir = dir;
  container.lang = locale;
  // The loader drew the launcher in English; now that the catalog is here, name it in the visitor's language.
  context.root.querySelector('.rcp-launcher')?.setAttribute('aria-label', t('openChat'));
  const accent = options.theme.color ?? serverColor(context.config);
  if (accent) {
    // CSSOM, not a style attribute: allowed under a strict style-src.
    container.style.setProperty('--rcp-accent', accent);
    container.style.setProperty('--rcp-on-accent', textColorOn(accent));
  }
  context.root.append(container);

  const store = createWidgetStore({ open: false, prefill: { ...context.prefill }, generation: 0 });
  const queryClient = new QueryClient({
    // The host page's focus is not our signal to refetch.
    defaultOptions: { queries: { refetchOnWindowFocus: false } },
  });
  const root = createRoot(container);

  const close = (fromInside: boolean) => {
    if (!store.get().open) return;
    store.update({ open: false });
    context.emit('close', undefined);
    // The full-screen panel made the launcher inert (Panel.tsx); React clears that only after this returns,
    // and an inert launcher cannot take the focus the loader hands back to it.
    const launcher = context.root.querySelector<HTMLElement>('.rcp-launcher');
    if (launcher) launcher.inert = false;
    if (fromInside) context.onClosed();
  };

  root.render(
    <QueryClientProvider client={queryClient}>
      <App
        api={api}
        tokens={tokens}
        options={options}
        locale={locale}
        t={t}
        inline={context.inline}
        initialConfig={context.config}
        store={store}
        emit={context.emit}
        preloadPhone={() => void loadPhone().catch(() => {})}
        normalisePhone={async (text) => {
          try {
            return toE164(await loadPhone(), text, country);
          } catch (error) {
            console.error(LOG, error);
            // Without the metadata the number is sent as typed rather than blocking the visitor.
            return text.trim();
          }
        }}
        onClose={() => close(true)}
        onServerUnreachable={() =>
          console.error(
            `${LOG} ${options.serverUrl} answered GET livechat/config but not the registration POST. If the browser ` +
              'reports a CORS error, enable Administration → Settings → General → REST API → "Enable CORS" ' +
              `(API_Enable_CORS) on Rocket.Chat and allow this origin (${location.origin}) in "CORS Origin" (API_CORS_Origin).`,
          )
        }
      />
    </QueryClientProvider>,
  );

  return {
    open() {
      if (store.get().open) return;
      store.update({ open: true });
      context.emit('open', undefined);
    },
    close: () => close(false),
    prefill(values) {
      const current = store.get().prefill;
      store.update({
        prefill: { ...current, ...values, customFields: { ...current.customFields, ...values.customFields } },
      });
    },
    reset() {
      tokens.reset();
      clearDraft();
      queryClient.clear();
      store.update({ prefill: {}, generation: store.get().generation + 1 });
    },
    destroy() {
      root.unmount();
      queryClient.clear();
      container.remove();
      context.root.adoptedStyleSheets = context.root.adoptedStyleSheets.filter(
        (sheet) => !sheets.includes(sheet),
      );
    },
  };
}

function serverColor(config: unknown): string | undefined {
  const color = (config as { config?: { theme?: { color?: unknown } } } | null)?.config?.theme?.color;
  return typeof color === 'string' && /^#[\da-f]{6}$/i.test(color) ? color : undefined;
}
