import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { LivechatConfig, OfflineMessageBody } from '../../livechat/schemas.ts';
import { logWarn } from '../../shared/log.ts';
import type { LauncherHandle } from '../../shared/widget-context.ts';
import type { EventMap, EventName } from '../../types/public-api.ts';
import { ApiError } from '../api/api-error.ts';
import type { LivechatApi } from '../api/livechat-api.ts';
import { findPresetDepartment, unknownPresetWarning } from '../form/department-preset.ts';
import { type FormModel, prefillValue, withDraft } from '../form/form-model.ts';
import { type FormValues, type PhoneNormaliser, textValues } from '../form/form-schema.ts';
import { chatFormModel, offlineFormModel } from '../form/form-variants.ts';
import { hasPrefill, isKnownVisitor } from '../form/known-visitor.ts';
import type { SubmitFailure } from '../form/RegistrationForm.tsx';
import { toOfflineMessage, toRegistration, toSubmission } from '../form/registration-body.ts';
import type { ResolvedOptions } from '../options.ts';
import { clearDraft, loadDraft } from '../storage/draft-store.ts';
import type { TokenStore } from '../storage/token-store.ts';
import { describeError } from './describe-error.ts';
import { handOffToLivechat } from './handoff.ts';
import { offlineMessageRetry } from './retry-policy.ts';
import { useConfigQuery } from './use-config-query.ts';
import { useCountdown } from './use-countdown.ts';
import { useLatestCallback } from './use-latest-callback.ts';
import { Abandoned, usePrechatFlow } from './use-prechat-flow.ts';
import type { WidgetStore } from './widget-store.ts';

export interface ControllerDeps {
  api: LivechatApi;
  tokens: TokenStore;
  options: ResolvedOptions;
  inline: boolean;
  /** GET livechat/config as parsed at mount, or undefined when the loader had none (the query fetches it). */
  initialConfig: LivechatConfig | undefined;
  store: WidgetStore;
  normalisePhone: PhoneNormaliser;
  emit: <E extends EventName>(name: E, detail: EventMap[E]) => void;
  /** The loader's launcher (hidden after a hand-off to Rocket.Chat's widget), or undefined inline. */
  launcher: LauncherHandle | undefined;
  /** Closes the panel (after a hand-off to Rocket.Chat's widget). */
  close: () => void;
  onServerUnreachable: () => void;
}

/** Where the visitor is: the form, straight to the room for a known visitor, or done (a room, or a message left). */
export type Screen = 'form' | 'connecting' | 'connected' | 'registered' | 'offline-sent';

/**
 * Why the visitor is offered the offline form although the server's config says someone is online: the department
 * they picked has nobody (they chose to leave a message), or the room could not start (`no-agent-online`).
 * What they had typed comes along, by field name.
 */
export interface LeavingMessage {
  reason: 'department' | 'no-agent';
  department?: string;
  carried: Record<string, string>;
}

/**
 * The widget's controller: the config query, the form model, the submit (registration, room, hand-off,
 * errors), the rate-limit countdown and the known visitor's automatic start. App only draws what it returns.
 */
export function useWidgetController(deps: ControllerDeps) {
  const { api, tokens, options, inline, store, emit, normalisePhone } = deps;
  // One subscription per part, and none to `open`: opening the panel (in the same language) re-renders only the
  // panel, which subscribes to it itself (Panel.tsx), not the form. What depends on the panel being open reads it below.
  const language = useSyncExternalStore(store.subscribe, () => store.get().language);
  const prefill = useSyncExternalStore(store.subscribe, () => store.get().prefill);
  const generation = useSyncExternalStore(store.subscribe, () => store.get().generation);
  // Changes only when the panel opens in another language (mount.tsx): labels follow, typed values stay.
  const { t, locale } = language;
  // GET livechat/config asks about one department's agents, and Rocket.Chat looks that department up by `_id`
  // only (CONTRACT.md §2.1). The loader asked with the `department` option as given; when that is a name (or
  // unknown), the preset's `_id` (or the whole server) is asked once more — an `_id` preset costs nothing extra.
  const preset = prefillValue(prefill.department) ?? options.department;
  const firstQuery = useConfigQuery(api, tokens, options.department, { initialData: deps.initialConfig });
  const listed = firstQuery.data?.enabled === true ? firstQuery.data.departments : undefined;
  const presetDepartment = findPresetDepartment(listed, preset);
  const askAbout = presetDepartment?._id;
  const askAgain = firstQuery.isSuccess && askAbout !== options.department;
  const ownQuery = useConfigQuery(api, tokens, askAbout, { enabled: askAgain });
  const configQuery = askAgain ? ownQuery : firstQuery;
  const config = configQuery.data?.enabled === true ? configQuery.data : undefined;
  const askedAbout = askAgain ? askAbout : options.department;

  // The department the visitor picks is asked about once (cached for the page view), so they learn before
  // submitting that nobody there is online — not from a failed room afterwards. Only once the form is on screen:
  // it mounts closed on every page view, and one restored from a draft is no reason for a request then.
  const [picked, setPicked] = useState<string>();
  const pickedShown = useSyncExternalStore(store.subscribe, () => !!picked && (inline || store.get().open));
  const pickedQuery = useConfigQuery(api, tokens, picked, {
    enabled: pickedShown && !!config && picked !== askedAbout,
  });
  const pickedConfig = picked === askedAbout ? config : pickedQuery.data;
  const pickedOffline =
    config?.online === true && pickedConfig?.enabled === true && pickedConfig.online === false
      ? config.departments?.find((department) => department._id === picked)
      : undefined;
  /** Rocket.Chat's default is to offer the offline form (`Livechat_display_offline_form`). */
  const offlineFormOn = config?.settings.displayOfflineForm !== false;
  const [leaving, setLeaving] = useState<LeavingMessage>();
  /** The server (or the preset department) has nobody online, or the visitor chose to leave a message. */
  const offline = !!config && (config.online === false || !!leaving);

  // A preset the server does not list: said once, by name, with what is listed.
  const warned = useRef<string>(undefined);
  useEffect(() => {
    if (!preset || presetDepartment || !config || warned.current === preset) return;
    warned.current = preset;
    logWarn(unknownPresetWarning(preset, config.departments ?? []));
  }, [preset, presetDepartment, config]);

  const [screen, setScreen] = useState<Screen>('form');
  const [formError, setFormError] = useState<{ message: string; retryable: boolean }>();
  /** What the server said about single fields when the automatic start failed: shown once the form is back. */
  const [autoStartErrors, setAutoStartErrors] = useState<SubmitFailure['fieldErrors']>();
  // Rate limited: the button is blocked while the wait Rocket.Chat named counts down.
  const countdown = useCountdown(() => setFormError(undefined));
  const flow = usePrechatFlow({ api, tokens, startRoom: options.startRoom, emit });
  const offlineMessage = useMutation({
    mutationKey: ['livechat', 'offline.message'],
    mutationFn: (body: OfflineMessageBody) => api.sendOfflineMessage(body),
    ...offlineMessageRetry,
  });

  // `reset`: a new visitor starts from an empty form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on reset only
  useEffect(() => {
    setScreen('form');
    setFormError(undefined);
    setAutoStartErrors(undefined);
    setLeaving(undefined);
    setPicked(undefined);
    // A request the last visitor left waiting (paused offline) is gone with the cache: its busy state goes too.
    flow.reset();
    offlineMessage.reset();
  }, [generation]);

  /** Into the offline form (or back to the chat form), with what was typed. */
  const leave = useCallback((next: LeavingMessage | undefined) => {
    setFormError(undefined);
    setLeaving(next);
  }, []);

  // config.guest is the visitor of the token the config was asked with. Once that token is gone (a `reset`: the
  // next person at this computer), it is somebody else's name and email: never shown, never sent.
  const ownGuest = (answer: typeof config) =>
    answer?.guest && answer.guest.token !== tokens.peek() ? { ...answer, guest: undefined } : answer;

  // A later prefill rebuilds the model too (its modes may hide or lock fields); the form keeps what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation: a reset starts from the defaults again; leaving: back from the offline form, the chat form starts from the draft both kept
  const model = useMemo(
    () => withDraft(chatFormModel(ownGuest(config), options, prefill, t, locale), loadDraft()),
    [config, options, prefill, t, locale, generation, leaving],
  );
  // Built only when shown. Carried values win over the draft: storage may be blocked, the carry never is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation: a reset starts from the defaults again
  const offlineModel = useMemo(
    () =>
      offline && offlineFormOn
        ? withDraft(offlineFormModel(ownGuest(config), options, prefill, t, locale), {
            ...loadDraft(),
            ...leaving?.carried,
          })
        : undefined,
    [offline, offlineFormOn, config, options, prefill, t, locale, leaving, generation],
  );

  // Known visitor: every required field is known (prefilled, or config.guest for the stored token), so the form
  // does not ask again — it goes straight to the room when the panel opens.
  const guest = ownGuest(config)?.guest;
  const prefilled = hasPrefill(prefill);
  const known = isKnownVisitor(model, prefilled || !!guest, t);

  /** A failed request: said above the button or at its field, the rate limit counted down, and the `error` event. */
  const report = (error: unknown, failed: FormModel, route: 'registration' | 'offline'): SubmitFailure => {
    const described = describeError(error, failed, t, configQuery.isSuccess, route);
    if (described.likelyCorsRefusal) deps.onServerUnreachable();
    if (described.retryAfterSeconds) countdown.start(described.retryAfterSeconds);
    setFormError(
      described.message ? { message: described.message, retryable: described.retryable } : undefined,
    );
    emit('error', {
      code: described.code,
      message: described.message || described.fieldErrors[0]?.[1] || '',
    });
    return { fieldErrors: described.fieldErrors };
  };

  const submit = useLatestCallback(
    async (values: FormValues, auto?: boolean): Promise<SubmitFailure | undefined> => {
      setFormError(undefined);
      // A `reset` or `destroy` bumps the generation: anything this submit learns afterwards belongs to nobody.
      const startedIn = store.get().generation;
      const isCurrent = () => store.get().generation === startedIn;
      try {
        const submission = await toSubmission(model, values, normalisePhone);
        // Reset while phone.js loaded: these are the last visitor's values, and must not get the next one's token.
        if (!isCurrent()) throw new Abandoned();
        emit('submit', submission.values);
        const visitor = toRegistration(submission, tokens.get(), prefill.username);
        // Nothing new to tell a visitor the server already knows: ask for the room directly. Unless this page
        // presets another department than theirs: the room goes where the visitor record says, so that is told first.
        const { outcome, token } = await flow.run(visitor, {
          recognised:
            !!auto && !!guest && !prefilled && (visitor.department ?? '') === (guest.department ?? ''),
          question: submission.values.message,
          isCurrent,
        });
        if (!isCurrent()) throw new Abandoned();
        clearDraft();
        if (options.handoff === 'rocketchat' && handOffToLivechat(token, locale, deps.launcher)) deps.close();
        setScreen(outcome);
        return undefined;
      } catch (error) {
        if (error instanceof Abandoned || !isCurrent()) return undefined;
        const failure = report(error, model, 'registration');
        // Nobody to start the chat with: the visitor leaves a message instead, nothing typed twice.
        if (error instanceof ApiError && error.code === 'no-agent-online' && offlineFormOn && config) {
          leave({ reason: 'no-agent', carried: textValues(values) });
        }
        return failure;
      }
    },
  );

  /** POST livechat/offline.message, once per submit: the message is mailed to the department or the site. */
  const submitOffline = useLatestCallback(async (values: FormValues): Promise<SubmitFailure | undefined> => {
    if (!offlineModel) return undefined;
    setFormError(undefined);
    const startedIn = store.get().generation;
    try {
      const submission = await toSubmission(offlineModel, values, normalisePhone);
      if (store.get().generation !== startedIn) return undefined;
      const body = toOfflineMessage(submission, location.origin);
      await offlineMessage.mutateAsync(body);
      if (store.get().generation !== startedIn) return undefined;
      clearDraft();
      setScreen('offline-sent');
      emit('offline-message', body);
      return undefined;
    } catch (error) {
      if (store.get().generation !== startedIn) return undefined;
      return report(error, offlineModel, 'offline');
    }
  });

  // Decided once per visitor, when the visitor opens the panel with the config loaded: never while someone
  // types, and not over a draft the visitor left (a reload brings their form back instead). Never for an inline
  // form: it is on screen without anyone asking, and a room per page view would fill the agents' queue with
  // empty chats — there the known visitor sees the filled-in form and starts the chat with one click.
  const autoStarted = useRef(-1);
  const decideAutoStart = useLatestCallback(() => {
    const now = store.get();
    // The store listener runs before React renders the update: when it changed more than `open` (the language at
    // open, a prefill or reset just before), this render's values are stale, and the effect below decides after
    // the next render instead.
    if (now.language !== language || now.prefill !== prefill || now.generation !== generation) return;
    if (inline || !now.open || configQuery.isPending || screen !== 'form') return;
    if (autoStarted.current === generation) return;
    // Nobody online: the visitor reads that (or gets the offline form) rather than a room that cannot open.
    if (config?.online === false) return;
    autoStarted.current = generation;
    if (!known || Object.values(loadDraft()).some(Boolean)) return;
    setScreen('connecting');
    void submit(model.defaults, true).then((failure) => {
      if (!failure) return;
      // Show what went wrong, at the fields it concerns too, with the known values to correct or resend.
      if (failure.fieldErrors.length) setAutoStartErrors(failure.fieldErrors);
      setScreen('form');
    });
  });
  // When the panel opens (read from the store, not rendered: see above), and when what the decision waits for
  // arrives while it is open (the config, the form screen again after a reset).
  useEffect(() => store.subscribe(decideAutoStart), [store, decideAutoStart]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: decideAutoStart reads them; they say when to ask again
  useEffect(decideAutoStart, [
    known,
    screen,
    generation,
    language,
    prefill,
    configQuery.isPending,
    config?.online,
  ]);

  return {
    t,
    prefill,
    generation,
    configQuery,
    config,
    /** The preset department as this server lists it (its agents are who `config.online` is about). */
    presetDepartment,
    model,
    screen,
    submit,
    busy: flow.busy || offlineMessage.isPending,
    paused: flow.paused || offlineMessage.isPaused,
    /** The department the visitor picked, when nobody there is online. */
    pickedOffline,
    /** The visitor picked (or the form restored) a department: it is asked about. */
    pickDepartment: setPicked,
    /** Nobody online for the visitor: the offline form (`offlineModel`), or only a note when the server has it off. */
    offline,
    offlineFormOn,
    leaving,
    leave,
    offlineModel,
    submitOffline,
    /** Seconds left while rate limited (0 otherwise). */
    remaining: countdown.remaining,
    formError,
    autoStartErrors,
  };
}
