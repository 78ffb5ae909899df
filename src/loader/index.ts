/**
 * loader.js — the only file a site owner references. It reads its options, asks Rocket.Chat for the livechat
 * config (one simple cross-origin GET, no preflight) while the form bundle downloads beside it, draws the
 * launcher, and mounts the form (closed) when the browser is idle, or at the first click. The form (React) owns
 * the panel from then on.
 * Budget: see src/dev/check-size.mjs.
 */

import { isHexColour } from '../shared/checks.ts';
import { documentGetter, ownGlobal } from '../shared/dom-clobbering.ts';
import { configUrl, fetchConfigJson, readLoaderConfig } from '../shared/livechat-config.ts';
import { loadScript, preloadScript, whenIdle } from '../shared/load-script.ts';
import { logError, logWarn } from '../shared/log.ts';
import { textColorOn } from '../shared/styles.ts';
import { forgetVisitor, readStoredToken } from '../shared/visitor-token.ts';
import type {
  LauncherHandle,
  UncheckedOptions,
  WidgetHandle,
  WidgetModule,
} from '../shared/widget-context.ts';
import type { EventMap, PrefillValues, RocketChatPrechatApi, VisitorInfo } from '../types/public-api.ts';
import { createEmitter } from './emitter.ts';
import { drawLauncher } from './launcher.ts';
import { checkServerUrl, readScriptOptions } from './script-options.ts';

// Read synchronously on the first line: currentScript is null once any callback runs. Through the getter, so an
// injected <img name="currentScript" src="https://evil.example/"> cannot choose where widget.js comes from.
const script = documentGetter('currentScript');

type Api = RocketChatPrechatApi & { loaded?: boolean };

// The snippet's stub is a function; a page element named RocketChatPrechat is not.
const existing = window.RocketChatPrechat instanceof Function ? (window.RocketChatPrechat as Api) : undefined;
if (!(script instanceof HTMLScriptElement)) {
  // Not run from a <script src> (pasted inline, evaluated by a tag manager): no address to load widget.js from,
  // and guessing one would load code from wherever the page says.
  logError(`loader.js needs its own <script src>; not started`);
} else if (existing?.loaded) {
  // The snippet (or loader.js) is on the page twice: the first copy owns the widget.
  logWarn(`loaded twice; ignored`);
} else {
  start(script, existing?.q ?? []);
}

function start(script: HTMLScriptElement, queue: ArrayLike<unknown>[]): void {
  const baseUrl = new URL('widget/', script.src).href;
  const widgetUrl = `${baseUrl}widget.js`;
  const events = createEmitter();
  const prefill: PrefillValues[] = [];

  let options: UncheckedOptions | undefined;
  let host: HTMLElement | undefined;
  let launcher: LauncherHandle | undefined;
  /** Resolves once the launcher or the inline form is there (rejects when there will be neither). */
  let ready: Promise<unknown> | undefined;
  /** The config JSON the loader was answered (or null), handed to the form when it mounts. */
  let configJson: unknown;
  let widget: Promise<WidgetHandle> | undefined;
  let registered: EventMap['registered'] | undefined;

  // A nonce that is not a string is reported by the form; as text it simply will not match.
  const nonce = () => String(options?.nonce ?? script.nonce);

  /** Loads and mounts the form once, into the current host, then hands it to `use`, if given. */
  function mountWidget(use?: (handle: WidgetHandle) => void): void {
    const checked = options as UncheckedOptions;
    const root = host?.shadowRoot as ShadowRoot;
    widget ??= loadWidgetModule()
      .then(
        (module) =>
          module.mount({
            options: checked,
            root,
            launcher,
            configJson,
            prefill,
            baseUrl,
            nonce: nonce(),
            emit(name, detail) {
              if (name === 'registered') registered = detail as EventMap['registered'];
              events.emit(name, detail);
            },
          }),
        (error) => {
          widget = undefined; // not loaded: the next open tries again (a form that failed to mount would fail again)
          throw error;
        },
      )
      .catch((error) => {
        logError(error);
        // Loaded, but it cannot run on this page: a launcher that would open nothing goes.
        if (widget) host?.remove();
        events.emit('error', { code: 'widget-load-failed', message: error.message });
        // Reported once, here: whatever waits for this form (a click, open, prefill) just never runs.
        return new Promise<never>(() => {});
      });
    widget.then(use);
  }

  function loadWidgetModule(): Promise<WidgetModule> {
    // The IIFE's global (vite.config.ts), not an element that answers to its name.
    const loaded = () => ownGlobal<WidgetModule>('RocketChatPrechatWidget', 'mount');
    return (loaded() ? Promise.resolve() : loadScript(widgetUrl, nonce())).then(
      () => loaded() ?? Promise.reject(Error(`${widgetUrl} did not register the widget`)),
    );
  }

  function init(input: unknown): void {
    if (options) {
      logWarn(`init called twice; ignored`);
      return;
    }
    const checked = checkServerUrl(input);
    if (!checked) return;
    let container: unknown = checked.container;
    if (container) {
      container = typeof container === 'string' ? document.querySelector(container) : container;
      if (!(container instanceof Element)) {
        logError(`init: option "container" matches no element:`, checked.container);
        return;
      }
    }
    options = checked;
    const element = document.createElement('div');
    element.setAttribute('data-rocketchat-prechat', '');
    host = element;
    const root = element.attachShadow({ mode: 'open' });
    ((container as Element | undefined) || documentGetter('body')).append(element);

    // The form bundle starts downloading now, beside the config request: a visitor who clicks the moment the
    // launcher shows finds it (nearly) there. It runs only later — at idle, or at the click.
    preloadScript(widgetUrl, nonce());
    // A department that is not a string is reported by the form; the config request just asks about it as text.
    const department = checked.department as string | undefined;
    ready = fetchConfigJson(configUrl(checked.serverUrl, { token: readStoredToken(), department }))
      .catch((error) => {
        logWarn(error);
        return null;
      })
      .then((answer) => {
        if (host !== element) throw 0; // destroyed meanwhile: `ready` rejects, and nothing waits for it
        configJson = answer;
        const config = readLoaderConfig(answer);
        if (!config.enabled) {
          element.remove();
          events.emit('error', { code: 'livechat-disabled', message: 'Livechat is disabled' });
          throw 0;
        }
        if (container) return mountWidget(() => events.emit('ready', undefined));
        // The widget reports a bad colour option; the launcher just falls back to the server's colour.
        const theme = checked.theme as { color?: unknown; position?: unknown } | undefined;
        const accent = [theme?.color, config.color].find(isHexColour);
        if (accent) {
          element.style.setProperty('--rcp-accent', accent);
          element.style.setProperty('--rcp-on-accent', textColorOn(accent));
        }
        if ((theme?.position ?? config.position) === 'left') element.classList.add('rcp-left');
        // English until the form bundle (and its catalogs) loads, unless the site owner named it.
        const label = (checked.labels as { openChat?: unknown } | undefined)?.openChat;
        launcher = drawLauncher(root, typeof label === 'string' ? label : 'Open chat', () =>
          mountWidget((handle) => handle.toggle()),
        );
        // The form mounts, closed, when the browser is idle: a click then only opens it. With Rocket.Chat's own
        // widget on the page it also decides which of the two launchers shows, so the visitor never sees two.
        whenIdle(() => host === element && mountWidget()); // unless destroyed meanwhile
        events.emit('ready', undefined);
      });
    ready.catch(() => {});
  }

  /** open or close: the widget owns the panel, so the loader only makes sure it is there. */
  function command(name: 'open' | 'close'): void {
    // `host` and `ready` are set together by init and cleared together by destroy.
    if (!host) {
      logWarn(`${name} before init`);
      return;
    }
    const current = host;
    ready?.then(
      () => {
        if (!launcher || host !== current) return; // inline forms are always open
        if (name === 'open') mountWidget((h) => h.open());
        else widget?.then((handle) => handle.close());
      },
      () => {},
    );
  }

  function destroy(): void {
    widget?.then((handle) => handle.destroy());
    host?.remove();
    host = launcher = options = ready = widget = configJson = undefined;
  }

  const api: Api = (...args: unknown[]) => {
    const [name, a, b] = args;
    try {
      if (name === 'init') init(a);
      else if (name === 'open' || name === 'close') command(name);
      else if (name === 'on' || name === 'off') events.on(a, b, name === 'off');
      else if (name === 'prefill') {
        prefill.push(a as PrefillValues);
        widget?.then((handle) => handle.prefill(a as PrefillValues));
      } else if (name === 'reset') {
        // Everything of the last visitor, whether or not the form has loaded.
        forgetVisitor();
        registered = undefined;
        prefill.length = 0;
        widget?.then((handle) => handle.reset());
      } else if (name === 'getVisitor') {
        // What the host may know about its visitor (Rocket.Chat's own widget offers no way to read it).
        // The config's guest is the visitor of the token it was asked with: after a `reset`, somebody else.
        const answer = () => {
          const token = registered?.token ?? readStoredToken();
          const { guest } = readLoaderConfig(configJson);
          (a as (visitor: VisitorInfo) => void)({
            token,
            visitor: registered?.visitor ?? (Object(guest).token === token ? guest : null),
          });
        };
        Promise.resolve(ready).then(answer, answer);
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
