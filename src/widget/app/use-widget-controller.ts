import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { LivechatConfig } from '../../livechat/schemas.ts';
import type { EventMap, EventName } from '../../types/public-api.ts';
import type { LivechatApi } from '../api/livechat-api.ts';
import { buildFormModel, withDraft } from '../form/form-model.ts';
import type { FormValues, PhoneNormaliser } from '../form/form-schema.ts';
import { hasPrefill, isKnownVisitor } from '../form/known-visitor.ts';
import type { SubmitFailure } from '../form/RegistrationForm.tsx';
import { toRegistration, toSubmission } from '../form/registration-body.ts';
import type { ResolvedOptions } from '../options.ts';
import { clearDraft, loadDraft } from '../storage/draft-store.ts';
import type { TokenStore } from '../storage/token-store.ts';
import { describeError } from './describe-error.ts';
import { handOffToLivechat } from './handoff.ts';
import { useCountdown } from './use-countdown.ts';
import { usePrechatFlow } from './use-prechat-flow.ts';
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
  /** Closes the panel (after a hand-off to Rocket.Chat's widget). */
  close: () => void;
  onServerUnreachable: () => void;
}

/** Where the visitor is: the form, straight to the room for a known visitor, or done. */
export type Screen = 'form' | 'connecting' | 'connected' | 'registered';

/**
 * The widget's controller: the config query, the form model, the submit (registration, room, hand-off,
 * errors), the rate-limit countdown and the known visitor's automatic start. App only draws what it returns.
 */
export function useWidgetController(deps: ControllerDeps) {
  const { api, tokens, options, inline, store, emit, normalisePhone } = deps;
  const { open, language, prefill, generation } = useSyncExternalStore(store.subscribe, store.get);
  // Changes only when the panel opens in another language (mount.tsx): labels follow, typed values stay.
  const { t, locale } = language;
  const configQuery = useQuery({
    queryKey: ['livechat', 'config'],
    queryFn: () => api.config({ token: tokens.get(), department: options.department }),
    initialData: deps.initialConfig,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const config = configQuery.data?.enabled === true ? configQuery.data : undefined;

  const [screen, setScreen] = useState<Screen>('form');
  const [formError, setFormError] = useState<{ message: string; retryable: boolean }>();
  // Rate limited: the button is blocked while the wait Rocket.Chat named counts down.
  const countdown = useCountdown(() => setFormError(undefined));
  const flow = usePrechatFlow({ api, tokens, startRoom: options.startRoom, emit });

  // `reset`: a new visitor starts from an empty form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on reset only
  useEffect(() => {
    setScreen('form');
    setFormError(undefined);
  }, [generation]);

  // A later prefill rebuilds the model too (its modes may hide or lock fields); the form keeps what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation: a reset starts from the defaults again
  const model = useMemo(
    () => withDraft(buildFormModel(config, options, prefill, t, locale), loadDraft()),
    [config, options, prefill, t, locale, generation],
  );

  // Known visitor: every required field is known (prefilled, or config.guest for the stored token), so the form
  // does not ask again — it goes straight to the room when the panel opens.
  const guest = config?.guest?.token === tokens.get() ? config.guest : undefined;
  const prefilled = hasPrefill(prefill);
  const known = isKnownVisitor(model, prefilled || !!guest, t);

  const submit = useCallback(
    async (values: FormValues, auto = false): Promise<SubmitFailure | undefined> => {
      setFormError(undefined);
      try {
        const submission = await toSubmission(model, values, normalisePhone);
        emit('submit', submission.values);
        const visitor = toRegistration(submission, tokens.get(), prefill.username);
        // Nothing new to tell a visitor the server already knows: ask for the room directly.
        const { outcome, token } = await flow.run(visitor, { recognised: auto && !!guest && !prefilled });
        clearDraft();
        if (options.handoff === 'rocketchat' && handOffToLivechat(token, locale)) deps.close();
        setScreen(outcome);
        return undefined;
      } catch (error) {
        const described = describeError(error, model, t, configQuery.isSuccess);
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
      }
    },
    [
      model,
      emit,
      flow,
      tokens,
      prefill.username,
      t,
      locale,
      deps,
      normalisePhone,
      configQuery.isSuccess,
      guest,
      prefilled,
      options.handoff,
      countdown.start,
    ],
  );

  // Decided once per visitor, when the panel first shows with the config loaded: never while someone types,
  // and not over a draft the visitor left (a reload brings their form back instead).
  const autoStarted = useRef(-1);
  useEffect(() => {
    if (!(inline || open) || configQuery.isPending || screen !== 'form' || autoStarted.current === generation)
      return;
    autoStarted.current = generation;
    if (!known || Object.values(loadDraft()).some(Boolean)) return;
    setScreen('connecting');
    void submit(model.defaults, true).then((failure) => {
      if (failure) setScreen('form'); // show what went wrong, with the known values to correct or resend
    });
  }, [known, inline, open, screen, generation, submit, model.defaults, configQuery.isPending]);

  return {
    open: inline || open,
    t,
    prefill,
    generation,
    configQuery,
    config,
    model,
    screen,
    submit,
    busy: flow.busy,
    paused: flow.paused,
    /** Seconds left while rate limited (0 otherwise). */
    remaining: countdown.remaining,
    formError,
  };
}
