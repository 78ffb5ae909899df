import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { configResponseSchema, type LivechatConfig } from '../livechat/schemas.ts';
import { isHexColour } from '../shared/checks.ts';
import { LOG_PREFIX, logError } from '../shared/log.ts';
import { mergePrefill } from '../shared/prefill.ts';
import { addStyles, textColorOn } from '../shared/styles.ts';
import type { WidgetContext, WidgetHandle } from '../shared/widget-context.ts';
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
import { assertUsableBuiltins } from './usable-builtins.ts';

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

/**
 * The config answer, parsed once, here at the boundary: what the loader fetched is raw JSON. Undefined when there
 * is none or it is not the contract's shape (the widget then asks for it again).
 */
function parseConfig(json: unknown): LivechatConfig | undefined {
  return json == null ? undefined : configResponseSchema.safeParse(json).data?.config;
}

/** Renders the form into the host's shadow root and returns the handle the host's commands drive. */
export function mount(context: WidgetContext): WidgetHandle {
  assertUsableBuiltins();
  // Here, not at import: the npm build imports this module during server rendering, where there is no window.
  listenForConnectivity();
  const { launcher } = context;
  const inline = !launcher;
  const options = resolveOptions(context.options, (message) => logError(message));
  const initialConfig = parseConfig(context.configJson);
  const enabledConfig = initialConfig?.enabled ? initialConfig : undefined;
  // The `locale` option, else the server's Language setting ('' means automatic), else the browser's.
  const { locale, catalog, dir } = resolveLocale([
    options.locale,
    enabledConfig?.settings.language,
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
  const loadPhone = context.loadPhone ?? (() => loadPhoneLib(context.baseUrl, context.nonce));
  const normalisePhone = async (text: string) => {
    try {
      return toE164(await loadPhone(), text, country);
    } catch (error) {
      logError(error);
      // Without the metadata the number is sent as typed rather than blocking the visitor.
      return text.trim();
    }
  };

  const sheets = [addStyles(context.root, WIDGET_CSS)];
  if (inline) sheets.push(addStyles(context.root, INLINE_HOST_CSS));
  const container = document.createElement('div');
  container.className = inline ? 'rcp-root rcp-inline' : 'rcp-root';
  // `all: initial` leaves `direction` alone, so a host page's `dir`/`direction` would leak in without this.
  container.dir = dir;
  container.lang = locale;
  // The loader named the launcher in English; now that the catalog is here, name it in the visitor's language.
  launcher?.setLabel(t('openChat'));
  const serverColor = enabledConfig?.theme?.color;
  const accent = options.theme.color ?? (isHexColour(serverColor) ? serverColor : undefined);
  if (accent) {
    // CSSOM, not a style attribute: allowed under a strict style-src.
    container.style.setProperty('--rcp-accent', accent);
    container.style.setProperty('--rcp-on-accent', textColorOn(accent));
  }
  context.root.append(container);

  // The widget owns whether the panel is open; the launcher only shows it.
  const store = createWidgetStore({
    open: false,
    prefill: context.prefill.reduce(mergePrefill, {}),
    generation: 0,
  });
  const queryClient = new QueryClient({
    // The host page's focus is not our signal to refetch.
    defaultOptions: { queries: { refetchOnWindowFocus: false } },
  });
  const root = createRoot(container);

  const open = () => {
    if (store.get().open || inline) return;
    store.update({ open: true });
    launcher?.setExpanded(true);
    context.emit('open', undefined);
  };
  const close = (fromInside: boolean) => {
    if (!store.get().open) return;
    store.update({ open: false });
    launcher?.setExpanded(false);
    context.emit('close', undefined);
    if (fromInside && launcher) {
      // The full-screen panel made the launcher inert (Panel.tsx); React lifts that only after this returns,
      // and an inert launcher cannot take focus.
      launcher.setInert(false);
      launcher.focus();
    }
  };

  root.render(
    <QueryClientProvider client={queryClient}>
      <App
        api={api}
        tokens={tokens}
        options={options}
        locale={locale}
        t={t}
        launcher={launcher}
        initialConfig={initialConfig}
        store={store}
        emit={context.emit}
        preloadPhone={() => void loadPhone().catch(() => {})}
        normalisePhone={normalisePhone}
        onClose={() => close(true)}
        onServerUnreachable={() =>
          console.error(
            `${LOG_PREFIX} ${options.serverUrl} answered GET livechat/config but not the registration POST. If the browser ` +
              'reports a CORS error, enable Administration → Settings → General → REST API → "Enable CORS" ' +
              `(API_Enable_CORS) on Rocket.Chat and allow this origin (${location.origin}) in "CORS Origin" (API_CORS_Origin).`,
          )
        }
      />
    </QueryClientProvider>,
  );

  return {
    open,
    close: () => close(false),
    toggle: () => (store.get().open ? close(false) : open()),
    prefill(values) {
      store.update({ prefill: mergePrefill(store.get().prefill, values) });
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
