/**
 * The types of the npm entry (`rocketchat-prechat`): the public types of the widget, re-exported, and the
 * props of `<PrechatForm>` and `mountPrechat`. Types only, and nothing from src/widget, so the emitted
 * declarations (tsconfig.types.json) stay this file and src/types/public-api.ts.
 */
import type { EventMap, PrechatOptions, PrefillValues } from '../types/public-api.ts';

export type {
  ConsentOptions,
  EventHandler,
  EventMap,
  EventName,
  FieldSwitch,
  LocalCustomField,
  OfflineMessage,
  PrechatOptions,
  PrefillMode,
  PrefillValue,
  PrefillValues,
  RocketChatPrechatApi,
  SubmittedValues,
  VisitorInfo,
} from '../types/public-api.ts';

/**
 * The options of the inline form: those of `RocketChatPrechat('init', …)` except `container` (the form renders
 * where you put it) and `nonce` (the npm build adds no script; the phone metadata comes through your bundler).
 */
export type PrechatFormOptions = Omit<PrechatOptions, 'container' | 'nonce'>;

/** The widget's events as callbacks. `open` and `close` do not exist for an inline form. */
export interface PrechatCallbacks {
  /** The form is on the page (its bundle loaded and mounted). */
  onReady?: () => void;
  /** The visitor submitted; the values as sent (phone in E.164, department as `_id`). */
  onSubmit?: (values: EventMap['submit']) => void;
  /** Rocket.Chat registered the visitor. */
  onRegistered?: (detail: EventMap['registered']) => void;
  /** The room is open (unless `startRoom` is false): hand `token` and `room` to your chat UI. */
  onRoom?: (detail: EventMap['room']) => void;
  /** Nobody was online and the visitor left a message on the offline form; what was sent. */
  onOfflineMessage?: (detail: EventMap['offline-message']) => void;
  /** Something failed; `code` is Rocket.Chat's error type or ours (`network`, `widget-load-failed`, …). */
  onError?: (detail: EventMap['error']) => void;
}

/** Options of `mountPrechat(element, options)`. */
export interface MountPrechatOptions extends PrechatFormOptions, PrechatCallbacks {
  /** Values to pre-fill, with a mode per field (`editable`, `readonly` or `hidden`). */
  prefill?: PrefillValues;
}

/**
 * Props of `<PrechatForm>`. The options are read once, when the form mounts: to apply new options, remount
 * it (change its `key`). Callbacks may change freely, and a changed `prefill` is merged into the form.
 */
export interface PrechatFormProps extends MountPrechatOptions {
  /** Class of the host element (the form itself lives in its shadow root, out of reach of page styles). */
  className?: string;
}

/** What `mountPrechat` returns. */
export interface PrechatHandle {
  /** Merges values into the form's prefill (fields the visitor typed in are kept). */
  prefill(values: PrefillValues): void;
  /** Forgets this visitor: a new token, storage cleared, an empty form. */
  reset(): void;
  /** Unmounts the form and removes its host element. */
  destroy(): void;
}
