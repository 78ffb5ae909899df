import { logError } from '../shared/log.ts';
import type { UncheckedOptions, WidgetHandle } from '../shared/widget-context.ts';
import type { EventMap, EventName } from '../types/public-api.ts';
import type { MountPrechatOptions, PrechatCallbacks, PrechatHandle } from './types.ts';

/**
 * Which callback each widget event goes to; `open` and `close` have none (an inline form is always open).
 * A record over every event, so a new event cannot be forgotten here.
 */
const CALLBACKS: Record<EventName, keyof PrechatCallbacks | undefined> = {
  ready: 'onReady',
  open: undefined,
  close: undefined,
  submit: 'onSubmit',
  registered: 'onRegistered',
  room: 'onRoom',
  'offline-message': 'onOfflineMessage',
  error: 'onError',
};

/** The options the widget checks: everything but the callbacks, `prefill` and `className`. */
function widgetOptions(options: MountPrechatOptions): UncheckedOptions {
  const { prefill: _prefill, ...rest } = options;
  const result: Record<string, unknown> = { ...rest };
  for (const name of Object.values(CALLBACKS)) if (name) delete result[name];
  delete result.className;
  return { ...result, serverUrl: options.serverUrl };
}

/**
 * Renders the form into `root`. The form bundle is imported lazily (it touches `window` when it loads, so this
 * keeps server-side rendering safe, and it keeps React Hook Form, zod and React Query out of the page's first
 * bundle). `callbacks()` is read at each event, so the caller may swap callbacks without remounting.
 * Calls made before the bundle is there are replayed in order.
 */
export function mountIntoShadowRoot(
  root: ShadowRoot,
  options: MountPrechatOptions,
  callbacks: () => PrechatCallbacks,
): PrechatHandle {
  let handle: WidgetHandle | undefined;
  let destroyed = false;
  /**
   * Calls the site's callback as the loader's events do: a callback that throws is reported in the console and
   * changes nothing — the registration still goes out, the room is still open.
   */
  const call = (name: keyof PrechatCallbacks, detail: unknown) => {
    try {
      (callbacks()[name] as ((detail: unknown) => void) | undefined)?.(detail);
    } catch (error) {
      logError(`${name} callback:`, error);
    }
  };
  const pending: ((widget: WidgetHandle) => void)[] = [];
  const run = (call: (widget: WidgetHandle) => void) => {
    if (destroyed) return;
    if (handle) call(handle);
    else pending.push(call);
  };

  import('../widget/mount.tsx').then(
    ({ mount }) => {
      if (destroyed) return;
      handle = mount({
        options: widgetOptions(options),
        root,
        // No launcher: the form is inline. No config yet: the widget fetches GET livechat/config itself.
        configJson: null,
        prefill: options.prefill ? [options.prefill] : [],
        baseUrl: '',
        nonce: '',
        // libphonenumber-js/min through the phone entry, which re-exports only the one function the form uses:
        // `import('libphonenumber-js/min')` itself would keep every export (+50 KB raw in the chunk).
        loadPhone: () => import('../widget/phone/entry.ts'),
        emit<E extends EventName>(name: E, detail: EventMap[E]) {
          const callbackName = CALLBACKS[name];
          if (callbackName) call(callbackName, detail);
        },
      });
      for (const queued of pending.splice(0)) queued(handle);
      call('onReady', undefined);
    },
    (error: unknown) => {
      if (destroyed) return;
      logError(error);
      call('onError', {
        code: 'widget-load-failed',
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );

  return {
    prefill: (values) => run((widget) => widget.prefill(values)),
    reset: () => run((widget) => widget.reset()),
    destroy() {
      destroyed = true;
      pending.length = 0;
      handle?.destroy();
      handle = undefined;
    },
  };
}

/**
 * Renders the inline form into `element`, without React on your side: a child `<div>` with an open shadow
 * root holds it. The options are read once; `destroy()` removes the form and its host.
 *
 * ```ts
 * const form = mountPrechat(document.querySelector('#chat')!, { serverUrl, onRoom: ({ token, room }) => … });
 * ```
 */
export function mountPrechat(element: Element, options: MountPrechatOptions): PrechatHandle {
  const host = element.ownerDocument.createElement('div');
  host.setAttribute('data-rocketchat-prechat', '');
  element.append(host);
  const inner = mountIntoShadowRoot(host.attachShadow({ mode: 'open' }), options, () => options);
  return {
    prefill: inner.prefill,
    reset: inner.reset,
    destroy() {
      inner.destroy();
      host.remove();
    },
  };
}
