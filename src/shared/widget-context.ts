/**
 * The seam between loader.js and the lazily loaded widget/widget.js (and between the npm package and the same
 * form): what the form receives when it mounts and the handle its host drives it with. Private: not part of the
 * public API, and types only, so it costs the loader nothing.
 */
import type { EventMap, EventName, PrefillValues } from '../types/public-api.ts';

/**
 * The launcher button, owned and drawn by the loader. The widget drives it only through this handle — its name
 * in the visitor's language, whether the panel is open, out of reach under a full-screen panel, focus on close.
 */
export interface LauncherHandle {
  setLabel(label: string): void;
  setExpanded(expanded: boolean): void;
  /** Out of the tab order and the accessibility tree while a full-screen panel covers it. */
  setInert(inert: boolean): void;
  /** Not drawn at all: the visitor continues in Rocket.Chat's own widget (`handoff: 'rocketchat'`). */
  setHidden(hidden: boolean): void;
  focus(): void;
}

/**
 * The host's options as given. The loader checks only `serverUrl` (a usable http(s) address, trailing slashes
 * trimmed); every other option, and every unknown name, is checked by the widget (src/widget/options.ts).
 */
export type UncheckedOptions = { readonly serverUrl: string } & { readonly [name: string]: unknown };

export interface WidgetContext {
  options: UncheckedOptions;
  /** The shadow root to render into; the launcher, when there is one, is already in it. */
  root: ShadowRoot;
  /** The launcher, or undefined for an inline form (which is always open). */
  launcher?: LauncherHandle;
  /**
   * GET livechat/config's JSON as the loader received it, or null (not fetched, or no answer). The widget parses
   * it once, at mount, with the livechat schema; nothing else reads it.
   */
  configJson: unknown;
  /** Every `prefill` the host made before the form loaded, oldest first: the form merges them (not loader.js). */
  prefill: PrefillValues[];
  /** URL of the folder holding widget.js and its lazy parts. */
  baseUrl: string;
  /** CSP nonce for the scripts the widget adds (the `nonce` option, else the loader tag's own). */
  nonce: string;
  /**
   * Loads libphonenumber-js. The script-tag build adds `widget/phone.js` from `baseUrl`; the npm build passes
   * a dynamic `import()` so the bundler splits it out.
   */
  loadPhone?: () => Promise<PhoneLib>;
  emit<E extends EventName>(name: E, detail: EventMap[E]): void;
}

/** What the host drives the mounted form with. The widget owns whether the panel is open. */
export interface WidgetHandle {
  open(): void;
  close(): void;
  /** The launcher was clicked: open when closed, close when open. */
  toggle(): void;
  prefill(values: PrefillValues): void;
  reset(): void;
  destroy(): void;
}

/** widget.js registers itself under `window.RocketChatPrechatWidget` (the IIFE name set in vite.config.ts). */
export interface WidgetModule {
  mount(context: WidgetContext): WidgetHandle;
}

/** The part of libphonenumber-js the form uses. */
export interface PhoneLib {
  parsePhoneNumberFromString(
    text: string,
    defaultCountry?: never,
  ): { isValid(): boolean; number: string } | undefined;
}
