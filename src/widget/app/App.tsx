import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { configResponseSchema, type EnabledConfig } from '../../livechat/schemas.ts';
import type { EventMap, EventName } from '../../types/public-api.ts';
import type { LivechatApi } from '../api/livechat-api.ts';
import { buildFormModel, withDraft } from '../form/form-model.ts';
import type { FormValues, PhoneNormaliser } from '../form/form-schema.ts';
import { hasPrefill, isKnownVisitor } from '../form/known-visitor.ts';
import { PrechatForm, type SubmitFailure } from '../form/PrechatForm.tsx';
import { toRegistration, toSubmittedValues } from '../form/registration-body.ts';
import type { Translate } from '../i18n/translate.ts';
import type { ResolvedOptions } from '../options.ts';
import { clearDraft, loadDraft } from '../storage/draft-store.ts';
import type { TokenStore } from '../storage/token-store.ts';
import { describeError } from './describe-error.ts';
import { handOffToLivechat } from './handoff.ts';
import { Panel } from './Panel.tsx';
import { useCountdown } from './use-countdown.ts';
import { usePrechatFlow } from './use-prechat-flow.ts';
import type { WidgetStore } from './widget-store.ts';

export interface AppProps {
  api: LivechatApi;
  tokens: TokenStore;
  options: ResolvedOptions;
  locale: string;
  t: Translate;
  inline: boolean;
  /** GET livechat/config as the loader fetched it (raw JSON), or null. */
  initialConfig: unknown;
  store: WidgetStore;
  normalisePhone: PhoneNormaliser;
  preloadPhone: () => void;
  emit: <E extends EventName>(name: E, detail: EventMap[E]) => void;
  onClose: () => void;
  onServerUnreachable: () => void;
}

type Screen = 'form' | 'connecting' | 'connected' | 'registered';

export function App(props: AppProps) {
  const { api, tokens, options, locale, t, inline, store, emit } = props;
  const { open, prefill, generation } = useSyncExternalStore(store.subscribe, store.get);
  const initial = useMemo(
    () => configResponseSchema.safeParse(props.initialConfig).data?.config,
    [props.initialConfig],
  );
  const configQuery = useQuery({
    queryKey: ['livechat', 'config'],
    queryFn: () => api.config({ token: tokens.get(), department: options.department }),
    initialData: initial,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const config = configQuery.data?.enabled ? (configQuery.data as EnabledConfig) : undefined;

  const [screen, setScreen] = useState<Screen>('form');
  const [formError, setFormError] = useState<{ message: string; retryable: boolean }>();
  // Rate limited: the button is blocked while the wait Rocket.Chat named counts down.
  const countdown = useCountdown(() => setFormError(undefined));
  const remaining = countdown.remaining;
  const flow = usePrechatFlow({ api, tokens, startRoom: options.startRoom, emit });

  // The form (and the focused button) is replaced by the confirmation: focus follows, so keyboard and
  // screen-reader users land on what happened instead of on the page's <body>.
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (screen !== 'form') doneHeading.current?.focus();
  }, [screen]);

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
        const typedPhone = (typeof values.phone === 'string' && values.phone.trim()) || model.hidden.phone;
        // A hidden phone from the host page is sent as given when it cannot be normalised.
        const phone = typedPhone
          ? ((await props.normalisePhone(typedPhone)) ?? typedPhone.trim())
          : undefined;
        const submitted = toSubmittedValues(model, values, phone);
        emit('submit', submitted);
        const visitor = toRegistration(model, submitted, tokens.get(), prefill.username);
        // Nothing new to tell a visitor the server already knows: ask for the room directly.
        const { outcome, token } = await flow.run(visitor, { recognised: auto && !!guest && !prefilled });
        clearDraft();
        if (options.handoff === 'rocketchat' && handOffToLivechat(token)) props.onClose();
        setScreen(outcome);
        return undefined;
      } catch (error) {
        const described = describeError(error, model, t, configQuery.isSuccess);
        if (described.likelyCorsRefusal) props.onServerUnreachable();
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
      props,
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

  const title = config?.theme?.title || t('title');
  let body: React.ReactNode;
  if (configQuery.isPending) body = <p className="rcp-status">{t('loading')}</p>;
  else if (screen === 'connecting') {
    const name = model.defaults.name || model.hidden.name;
    body = (
      <div className="rcp-done">
        {name && <h3>{t('welcomeBack', { name })}</h3>}
        <p>{t('connecting')}</p>
      </div>
    );
  } else if (screen !== 'form') {
    body = (
      <div className="rcp-done">
        <h3 tabIndex={-1} ref={doneHeading}>
          {t(screen === 'connected' ? 'connectedTitle' : 'registeredTitle')}
        </h3>
        <p>{t(screen === 'connected' ? 'connectedText' : 'registeredText')}</p>
      </div>
    );
  } else if (configQuery.data && !configQuery.data.enabled) {
    body = <p className="rcp-note">{t('errorUnavailable')}</p>;
  } else if (config?.online === false) {
    body = (
      <>
        <p className="rcp-note">{t('agentsUnavailable')}</p>
        <button
          type="button"
          className="rcp-button rcp-button-secondary"
          onClick={() => configQuery.refetch()}
        >
          {t('checkAgain')}
        </button>
      </>
    );
  } else {
    body = (
      <>
        <p className="rcp-intro">{config?.messages?.registrationFormMessage || t('intro')}</p>
        {!config && <p className="rcp-note">{t('configUnavailable')}</p>}
        {!tokens.persistent && <p className="rcp-note">{t('storageUnavailable')}</p>}
        <PrechatForm
          key={generation}
          model={model}
          t={t}
          normalisePhone={props.normalisePhone}
          onPhoneFocus={props.preloadPhone}
          prefill={prefill}
          onSubmit={submit}
          busy={flow.busy}
          blocked={remaining > 0}
          formError={remaining > 0 ? t('errorRateLimited', { seconds: remaining }) : formError?.message}
          canRetry={remaining === 0 && !!formError?.retryable}
        />
        {flow.paused && <p className="rcp-note">{t('offlineWaiting')}</p>}
      </>
    );
  }

  return (
    <Panel title={title} inline={inline} open={inline || open} onClose={props.onClose} t={t}>
      {body}
      <p className="rcp-visually-hidden" role="status">
        {flow.busy ? t('submitting') : screen === 'connected' ? t('connectedTitle') : ''}
      </p>
    </Panel>
  );
}
