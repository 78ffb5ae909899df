/**
 * The public surface of rocketchat-prechat, in one file: the options a site owner passes to `init`, the
 * commands of the `RocketChatPrechat(...)` queue and the events. Types only (no JavaScript comes from here),
 * and self-contained: its declaration ships in the npm package as is. The option checks are the widget's
 * schema (src/widget/options.ts), tied to `PrechatOptions` at compile time.
 */

/** Per-field switches for the built-in fields. */
export interface FieldSwitch {
  /** Show the field (name and email default to the server's settings, phone to true). */
  show?: boolean;
  /** Require a value (name and email default to true when shown, phone to false). */
  required?: boolean;
}

/** A local custom-field definition, merged by `key` over the server's `config.customFields`. */
export interface LocalCustomField {
  /** The Rocket.Chat custom field `_id`. It must exist on the server (scope visitor) to be stored. */
  key: string;
  label?: string;
  type?: 'input' | 'select';
  required?: boolean;
  /** A JavaScript regular expression source, applied as Rocket.Chat does: `new RegExp(regexp).test(value)`. */
  regexp?: string;
  options?: string[];
  defaultValue?: string;
  /** Sent as `overwrite` with the value; default true. */
  overwrite?: boolean;
  /** Do not show this field (it can still be sent through `prefill`). */
  hidden?: boolean;
}

export interface PrechatOptions {
  /** The Rocket.Chat server, http(s). Required. */
  serverUrl: string;
  /** Render the form inline in this element (or CSS selector) instead of behind a launcher. */
  container?: string | Element;
  /** Preset department, by `_id` or exact name. */
  department?: string;
  /** Locale of the form, e.g. `pt-BR`; wins over all else. Else the page's `<html lang>`, the browser's, the server's. */
  locale?: string;
  theme?: { color?: string; position?: 'left' | 'right' };
  /**
   * Show, hide or require the built-in fields. `message` is the visitor's question ("How can we help?", shown and
   * optional by default), sent as the first message of the room once it opens.
   */
  fields?: { name?: FieldSwitch; email?: FieldSwitch; phone?: FieldSwitch; message?: FieldSwitch };
  customFields?: LocalCustomField[];
  /** Open the room (`GET livechat/room`) right after registration. Default true. */
  startRoom?: boolean;
  /** A CSP nonce put on every script the loader adds. */
  nonce?: string;
  /** Overrides of any visible string, by catalog key (see src/widget/i18n/catalogs/en.ts), e.g. `{ submit: 'Chat now' }`. */
  labels?: Record<string, string>;
  /** Translations of the server's custom-field labels: `{ <field key>: { <locale>: label } }`. */
  customFieldLabels?: Record<string, Record<string, string>>;
  /** Translations of select options: `{ <field key>: { <locale>: { <option>: label } } }`; the value sent stays the server's. */
  customFieldOptions?: Record<string, Record<string, Record<string, string>>>;
  /** Ask for consent (also shown when the server's `forceAcceptDataProcessingConsent` is on). */
  consent?: ConsentOptions;
  /**
   * After registration: `'event'` (default) — the `room` event for the site's own chat UI; `'rocketchat'` — hand
   * the token to Rocket.Chat's official Livechat widget on the page and open it.
   */
  handoff?: 'event' | 'rocketchat';
}

/**
 * How a prefilled field is shown: `editable` (the default: shown, the visitor may change it), `readonly`
 * (shown, locked) or `hidden` (not shown, sent with the registration).
 */
export type PrefillMode = 'editable' | 'readonly' | 'hidden';

/** A value, or a value with its mode: `'Ada'` or `{ value: 'Ada', mode: 'readonly' }`. */
export type PrefillValue = string | { value: string; mode?: PrefillMode };

/** Values for `prefill`: pre-fill the form (and `username` for a new visitor). */
export interface PrefillValues {
  name?: PrefillValue;
  email?: PrefillValue;
  phone?: PrefillValue;
  /** A department `_id` or exact name. */
  department?: PrefillValue;
  username?: string;
  customFields?: Record<string, PrefillValue>;
}

/** Consent the visitor must give (or may give) before the chat starts, recorded as visitor custom fields. */
export interface ConsentOptions {
  /** Plain text; `[label](https://…)` and bare http(s) URLs become links. Default: the server's consent text. */
  text?: string;
  /** Recorded with the consent. Default: a short hash of the text, so a new text is a new version. */
  version?: string;
  /** Without the tick the chat does not start. Default true. */
  required?: boolean;
  /** The custom-field keys the consent is recorded under; they must exist on the server (scope visitor). */
  keys?: { version?: string; acceptedAt?: string };
}

/** The visitor as `getVisitor` reports it. */
export interface VisitorInfo {
  /** The visitor token this browser uses, or null before there is one. */
  token: string | null;
  /** Rocket.Chat's visitor document: from this page's registration, else `config.guest`, else null. */
  visitor: unknown;
}

export interface EventMap {
  ready: undefined;
  open: undefined;
  close: undefined;
  submit: SubmittedValues;
  registered: { token: string; visitor: unknown };
  room: { token: string; room: unknown; newRoom: boolean };
  /** Nobody was online and the visitor left a message instead: what POST livechat/offline.message carried. */
  'offline-message': OfflineMessage;
  error: { code: string; message: string };
}

/** A message left on the offline form. Phone and custom fields have no place in it (Rocket.Chat's route takes none). */
export interface OfflineMessage {
  name: string;
  email: string;
  message: string;
  /** The department's `_id`, when one was chosen or preset. */
  department?: string;
  /** The origin of the page the visitor wrote from. */
  host?: string;
}
export type EventName = keyof EventMap;
export type EventHandler<E extends EventName = EventName> = (detail: EventMap[E]) => void;

/** What the visitor submitted, as sent to Rocket.Chat (phone in E.164). */
export interface SubmittedValues {
  name?: string;
  email?: string;
  phone?: string;
  department?: string;
  customFields: Record<string, string>;
  /** The visitor's question, sent as the room's first message (not part of the registration). */
  message?: string;
}

/** The command queue: `RocketChatPrechat('open')`, `RocketChatPrechat('on', 'room', fn)`, … */
export interface RocketChatPrechatApi {
  (command: 'init', options: PrechatOptions): void;
  (command: 'open' | 'close' | 'reset' | 'destroy'): void;
  (command: 'prefill', values: PrefillValues): void;
  (command: 'getVisitor', callback: (visitor: VisitorInfo) => void): void;
  <E extends EventName>(command: 'on' | 'off', event: E, handler: EventHandler<E>): void;
  q?: IArguments[];
}

declare global {
  interface Window {
    RocketChatPrechat?: RocketChatPrechatApi;
  }
}
