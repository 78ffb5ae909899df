import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { startTransition, useLayoutEffect } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { configResponseSchema, type LivechatConfig } from '../livechat/schemas.ts';
import { isHexColour } from '../shared/checks.ts';
import { LOG_PREFIX, logError } from '../shared/log.ts';
import { mergePrefill } from '../shared/prefill.ts';
import { addStyles, textColorOn } from '../shared/styles.ts';
import { forgetVisitor } from '../shared/visitor-token.ts';
import type { WidgetContext, WidgetHandle } from '../shared/widget-context.ts';
import type { PrefillValues } from '../types/public-api.ts';
import { createLivechatApi } from './api/livechat-api.ts';
import { App } from './app/App.tsx';
import { CrashedPanel } from './app/CrashedPanel.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import { showOneLauncher } from './app/handoff.ts';
import { createWidgetStore } from './app/widget-store.ts';
import { currentSources } from './i18n/choose-locale.ts';
import { type WidgetLanguage, widgetLanguage } from './i18n/widget-language.ts';
import { resolveOptions } from './options.ts';
import { loadPhoneLib, toE164 } from './phone/phone-lib.ts';
import { checkPrefill } from './prefill-values.ts';
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
    // `typeof navigator`: a test environment torn down under a still-running interval must not throw.
    const poll = setInterval(
      () => typeof navigator !== 'undefined' && navigator.onLine && !onlineManager.isOnline() && online(),
      1000,
    );
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
  return json == null ? undefined : configResponseSchema().safeParse(json).data?.config;
}

/** Runs `run` once, when the tree it is in first commits. */
function OnCommit({ run }: { run: () => void }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, at the first commit.
  useLayoutEffect(run, []);
  return null;
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
  // The option, the page, the browser, the server, English (choose-locale.ts says why in that order).
  const chooseLanguage = (previous?: WidgetLanguage) =>
    widgetLanguage(
      currentSources(options.locale, enabledConfig?.settings.language),
      options.labels,
      previous,
    );
  // The widget owns whether the panel is open and the language it speaks; the launcher only shows them.
  const store = createWidgetStore({
    open: false,
    language: chooseLanguage(),
    // Every prefill the host made before the form loaded, each checked, merged oldest first.
    prefill: context.prefill.reduce<PrefillValues>(
      (merged, values) =>
        mergePrefill(
          merged,
          checkPrefill(values, (message) => logError(message)),
        ),
      {},
    ),
    generation: 0,
  });
  const tokens = createTokenStore();
  const api = createLivechatApi(options.serverUrl);
  const loadPhone = context.loadPhone ?? (() => loadPhoneLib(context.baseUrl, context.nonce));
  const normalisePhone = async (text: string) => {
    try {
      // The country of the language chosen at the last open, read when the visitor submits.
      return toE164(await loadPhone(), text, store.get().language.country);
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
  // What the form's own markup cannot carry: the root's language and direction, and the launcher's name.
  const showLanguage = ({ locale, dir, t }: WidgetLanguage) => {
    // `all: initial` leaves `direction` alone, so a host page's `dir`/`direction` would leak in without this.
    container.dir = dir;
    container.lang = locale;
    // The loader named the launcher in English (or `labels.openChat`); now that the catalogs are here, it speaks
    // the visitor's language.
    launcher?.setLabel(t('openChat'));
  };
  showLanguage(store.get().language);
  const serverColor = enabledConfig?.theme?.color;
  const accent = options.theme.color ?? (isHexColour(serverColor) ? serverColor : undefined);
  if (accent) {
    // CSSOM, not a style attribute: allowed under a strict style-src.
    container.style.setProperty('--rcp-accent', accent);
    container.style.setProperty('--rcp-on-accent', textColorOn(accent));
  }
  context.root.append(container);

  const queryClient = new QueryClient({
    // The host page's focus is not our signal to refetch.
    defaultOptions: { queries: { refetchOnWindowFocus: false } },
  });
  const root = createRoot(container);

  const open = () => {
    if (store.get().open || inline) return;
    // Chosen again on each open, never while the panel shows: a single-page app may have switched its
    // `<html lang>` since. What the visitor typed stays; only the words around it change.
    const language = chooseLanguage(store.get().language);
    if (language !== store.get().language) showLanguage(language);
    store.update({ open: true, language });
    // Opened before the closed form's first render committed (a click the moment the launcher shows): render it
    // now in one go, already open, rather than finishing the slices and then rendering again for the change.
    if (!committed) flushSync(() => root.render(tree));
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

  const crashed = (retry: () => void) => (
    <CrashedPanel store={store} launcher={launcher} onClose={() => close(true)} onRetry={retry} />
  );
  if (options.handoff === 'rocketchat') showOneLauncher(tokens.peek(), launcher);
  let committed = false;
  const tree = (
    <QueryClientProvider client={queryClient}>
      <OnCommit
        run={() => {
          committed = true;
        }}
      />
      <ErrorBoundary
        fallback={crashed}
        onError={(error) => {
          logError(error);
          context.emit('error', {
            code: 'widget-crashed',
            message: error instanceof Error ? error.message : String(error),
          });
        }}
      >
        <App
          api={api}
          tokens={tokens}
          options={options}
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
      </ErrorBoundary>
    </QueryClientProvider>
  );
  // Behind a launcher the form mounts closed, mostly while the page is idle: as a transition React renders it in
  // slices of a few milliseconds, so the page (and a visitor's click) is never held up for the whole first render;
  // open() before it commits renders it at once. An inline form is on screen from the start: it renders in one go.
  if (inline) root.render(tree);
  else startTransition(() => root.render(tree));

  return {
    open,
    close: () => close(false),
    toggle: () => (store.get().open ? close(false) : open()),
    prefill(values) {
      const checked = checkPrefill(values, (message) => logError(message));
      store.update({ prefill: mergePrefill(store.get().prefill, checked) });
    },
    reset() {
      // Token, hand-off and draft, as the loader's `reset` does (the npm build has no loader); then a new token.
      forgetVisitor();
      clearDraft(); // the copy kept in memory when storage refused it
      tokens.reset();
      queryClient.clear();
      store.update({ prefill: {}, generation: store.get().generation + 1 });
      // Rocket.Chat's widget keeps the last visitor in its own iframe storage, which we cannot reach: it is
      // hidden again, and only a new hand-off gives it the next visitor's token.
      if (options.handoff === 'rocketchat') showOneLauncher(tokens.peek(), launcher);
    },
    destroy() {
      root.unmount();
      // A submit still on its way now belongs to nobody: its answer opens nothing and hands nothing off.
      store.update({ generation: store.get().generation + 1 });
      queryClient.clear();
      container.remove();
      context.root.adoptedStyleSheets = context.root.adoptedStyleSheets.filter(
        (sheet) => !sheets.includes(sheet),
      );
    },
  };
}
