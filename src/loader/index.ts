/**
 * loader.js — the only file a site owner references. It reads its options, asks Rocket.Chat for the
 * livechat config (one simple cross-origin GET, no preflight), draws the launcher, and preloads the
 * form bundle when the browser is idle. The form itself (React) loads only when it is needed.
 * Budget: 2.5 KB brotli — see src/dev/check-size.mjs.
 */

import { loadScript, preloadScript } from '../shared/load-script.ts';
import { textColorOn } from '../shared/styles.ts';
import {
  type PrechatOptions,
  type PrefillValues,
  type RocketChatPrechatApi,
  TOKEN_STORAGE_KEY,
  type VisitorInfo,
  type WidgetHandle,
  type WidgetModule,
} from '../types/public-api.ts';
import { createEmitter } from './emitter.ts';
import { drawLauncher } from './launcher.ts';
import { logError, logWarn } from './log.ts';
import { checkOptions, readScriptOptions } from './script-options.ts';

// Read synchronously on the first line: currentScript is null once any callback runs.
const script = document.currentScript as HTMLScriptElement | null;

type Api = RocketChatPrechatApi & { loaded?: boolean };
type Global = Window & { RocketChatPrechatWidget?: WidgetModule };

const existing = window.RocketChatPrechat as Api | undefined;
if (existing?.loaded) {
  // The snippet (or loader.js) is on the page twice: the first copy owns the widget.
  logWarn(`loaded twice; ignored`);
} else {
  start(existing?.q ?? []);
}

function start(queue: ArrayLike<unknown>[]): void {
  const baseUrl = new URL('widget/', script?.src || location.href).href;
  const nonce = script?.nonce || '';
  const events = createEmitter();
  const prefill: PrefillValues = {};

  let options: PrechatOptions | undefined;
  let host: HTMLElement | undefined;
  let launcher: HTMLButtonElement | undefined;
  let ready: Promise<unknown> | undefined;
  let widget: Promise<WidgetHandle> | undefined;
  let isOpen = false;
  let registered: { token: string; visitor: unknown } | undefined;

  function mountWidget(root: ShadowRoot, config: unknown): Promise<WidgetHandle> {
    widget ??= loadWidgetModule().then((module) =>
      module.mount({
        options: options as unknown as Record<string, unknown>,
        root,
        inline: !launcher,
        config,
        prefill,
        baseUrl,
        nonce: options?.nonce || nonce,
        emit(name, detail) {
          if (name === 'registered') registered = detail as typeof registered;
          events.emit(name, detail);
        },
        onClosed() {
          isOpen = false;
          launcher?.setAttribute('aria-expanded', 'false');
          launcher?.focus();
        },
      }),
    );
    widget.catch((error) => {
      widget = undefined;
      logError(error);
      events.emit('error', { code: 'widget-load-failed', message: error.message });
    });
    return widget;
  }

  function loadWidgetModule(): Promise<WidgetModule> {
    const url = `${baseUrl}widget.js`;
    const loaded = () => (window as Global).RocketChatPrechatWidget;
    return (loaded() ? Promise.resolve() : loadScript(url, options?.nonce || nonce)).then(() => {
      const module = loaded();
      if (!module) throw new Error(`${url} did not register the widget`);
      return module;
    });
  }

  function init(input: unknown): void {
    if (options) {
      logWarn(`init called twice; ignored`);
      return;
    }
    const checked = checkOptions(input);
    if (!checked) return;
    let container: Element | null | undefined;
    if (checked.container) {
      container =
        typeof checked.container === 'string' ? document.querySelector(checked.container) : checked.container;
      if (!(container instanceof Element)) {
        logError(`init: option "container" matches no element: ${String(checked.container)}`);
        return;
      }
    }
    options = checked;
    const element = document.createElement('div');
    element.setAttribute('data-rocketchat-prechat', '');
    host = element;
    const root = element.attachShadow({ mode: 'open' });
    (container ?? document.body).append(element);

    ready = fetchConfig(checked).then((config) => {
      if (host !== element) return; // destroyed meanwhile
      const enabled = (config as { config?: { enabled?: boolean } } | null)?.config?.enabled;
      if (enabled === false) {
        element.remove();
        events.emit('error', { code: 'livechat-disabled', message: 'Livechat is disabled' });
        return Promise.reject();
      }
      if (container) return mountWidget(root, config).then(() => events.emit('ready', undefined));
      const theme = checked.theme;
      const accent = (theme?.color || (config as ServerTheme)?.config?.theme?.color) ?? '';
      if (/^#[\da-f]{6}$/i.test(accent)) {
        element.style.setProperty('--rcp-accent', accent);
        element.style.setProperty('--rcp-on-accent', textColorOn(accent));
      }
      if (theme?.position === 'left') element.classList.add('rcp-left');
      // English until the form bundle (and its catalogs) loads, unless the site owner named it.
      const label = (checked.labels as { openChat?: unknown } | undefined)?.openChat;
      launcher = drawLauncher(root, typeof label === 'string' ? label : 'Open chat', () =>
        command('open', !isOpen),
      );
      preloadScript(`${baseUrl}widget.js`, checked.nonce || nonce);
      events.emit('ready', undefined);
      return config;
    });
    ready.catch(() => {});
  }

  /** Open or close the panel; `toggle` false closes. */
  function command(name: 'open' | 'close', toggle = name === 'open'): void {
    if (!ready || !host) {
      logWarn(`${name} before init`);
      return;
    }
    const current = host;
    ready.then(
      (config) => {
        if (!launcher || host !== current) return; // inline forms are always open
        isOpen = toggle;
        launcher.setAttribute('aria-expanded', String(toggle));
        if (toggle)
          mountWidget(launcher.getRootNode() as ShadowRoot, config).then((handle) => isOpen && handle.open());
        else widget?.then((handle) => handle.close());
      },
      () => {},
    );
  }

  function destroy(): void {
    widget?.then((handle) => handle.destroy());
    host?.remove();
    host = launcher = options = ready = widget = undefined;
    isOpen = false;
  }

  const api: Api = (...args: unknown[]) => {
    const [name, a, b] = args;
    try {
      if (name === 'init') init(a);
      else if (name === 'open' || name === 'close') command(name);
      else if (name === 'on' || name === 'off') events.on(a, b, name === 'off');
      else if (name === 'prefill') {
        Object.assign(prefill, a, {
          customFields: { ...prefill.customFields, ...(a as PrefillValues)?.customFields },
        });
        widget?.then((handle) => handle.prefill(a as PrefillValues));
      } else if (name === 'reset') {
        try {
          localStorage.removeItem(TOKEN_STORAGE_KEY);
        } catch {}
        widget?.then((handle) => handle.reset());
      } else if (name === 'getVisitor') {
        // What the host may know about its visitor (Rocket.Chat's own widget offers no way to read it).
        const answer = (config?: unknown) =>
          (a as (visitor: VisitorInfo) => void)({
            token: registered?.token ?? storedToken(),
            visitor:
              registered?.visitor ??
              (config as { config?: { guest?: unknown } } | null)?.config?.guest ??
              null,
          });
        (ready ?? Promise.resolve()).then(answer, answer);
      } else if (name === 'destroy') destroy();
      else logError(`unknown command "${String(name)}"`);
    } catch (error) {
      logError(error);
    }
  };
  api.loaded = true;
  window.RocketChatPrechat = api;

  // Attribute options act as the first init; a queued init is merged over them.
  const fromScript = readScriptOptions(script);
  const commands = Array.from(queue, (args) => Array.from(args));
  const queuedInit = commands.find((args) => args[0] === 'init');
  if (queuedInit) queuedInit[1] = { ...fromScript, ...(queuedInit[1] as object) };
  else if (fromScript.serverUrl) commands.unshift(['init', fromScript]);
  for (const args of commands) api(...(args as Parameters<Api>));
}

type ServerTheme = { config?: { theme?: { color?: string } } } | null;

function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** GET livechat/config; resolves null when the server cannot be reached (the launcher is drawn anyway). */
function fetchConfig(options: PrechatOptions): Promise<unknown> {
  const query = new URLSearchParams();
  const token = storedToken();
  if (token) query.set('token', token);
  if (options.department) query.set('department', options.department);
  // Not `query.size`: Safari 16 has no URLSearchParams.size.
  const url = `${options.serverUrl}/api/v1/livechat/config${String(query) ? `?${query}` : ''}`;
  return fetch(url, { signal: AbortSignal.timeout(8000) })
    .then((response) => response.json())
    .catch((error) => {
      logWarn(error);
      return null;
    });
}
