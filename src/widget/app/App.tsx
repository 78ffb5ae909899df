import { useEffect, useRef } from 'react';
import type { LivechatConfig } from '../../livechat/schemas.ts';
import { isHexColour } from '../../shared/checks.ts';
import type { LauncherHandle } from '../../shared/widget-context.ts';
import type { EventMap, EventName } from '../../types/public-api.ts';
import type { LivechatApi } from '../api/livechat-api.ts';
import { type PhoneNormaliser, textValues } from '../form/form-schema.ts';
import { RegistrationForm } from '../form/RegistrationForm.tsx';
import type { ResolvedOptions } from '../options.ts';
import type { TokenStore } from '../storage/token-store.ts';
import { Panel } from './Panel.tsx';
import { useWidgetController } from './use-widget-controller.ts';
import type { WidgetStore } from './widget-store.ts';

export interface AppProps {
  api: LivechatApi;
  tokens: TokenStore;
  options: ResolvedOptions;
  /** The loader's launcher, or undefined for an inline form. */
  launcher: LauncherHandle | undefined;
  /** GET livechat/config as parsed at mount, or undefined. */
  initialConfig: LivechatConfig | undefined;
  store: WidgetStore;
  normalisePhone: PhoneNormaliser;
  preloadPhone: () => void;
  emit: <E extends EventName>(name: E, detail: EventMap[E]) => void;
  onClose: () => void;
  onServerUnreachable: () => void;
}

/** Rocket.Chat's default `Livechat_offline_title` (CONTRACT.md §2.3). */
const ROCKET_CHAT_OFFLINE_TITLE = 'Leave a message';

/**
 * The screens: loading, the chat form, the offline form (or agents unavailable), connecting, connected, message
 * sent. What happens is the controller's.
 */
export function App(props: AppProps) {
  const { launcher } = props;
  const inline = !launcher;
  const state = useWidgetController({ ...props, inline, close: props.onClose });
  const { t, configQuery, config, model, screen, remaining, formError } = state;

  // The form (and the focused button) is replaced by the confirmation: focus follows, so keyboard and
  // screen-reader users land on what happened instead of on the page's <body>.
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (screen !== 'form') doneHeading.current?.focus();
  }, [screen]);

  // Rocket.Chat's default offline title is English text the admin never chose: the visitor reads ours, translated.
  const serverOfflineTitle = config?.theme?.offlineTitle;
  const offlineTitle =
    serverOfflineTitle && serverOfflineTitle !== ROCKET_CHAT_OFFLINE_TITLE
      ? serverOfflineTitle
      : t('offlineTitle');
  // The offline form (or its confirmation) wears the server's offline title and colour; the site's colour wins.
  const offlineShown =
    state.offline && state.offlineFormOn && (screen === 'form' || screen === 'offline-sent');
  const title = offlineShown ? offlineTitle : config?.theme?.title || t('title');
  const offlineColor = config?.theme?.offlineColor;
  const accent =
    offlineShown && !props.options.theme.color && isHexColour(offlineColor) ? offlineColor : undefined;
  const formProps = {
    t,
    normalisePhone: props.normalisePhone,
    onPhoneFocus: props.preloadPhone,
    prefill: state.prefill,
    busy: state.busy,
    blocked: remaining > 0,
    formError: remaining > 0 ? t('errorRateLimited', { seconds: remaining }) : formError?.message,
    canRetry: remaining === 0 && !!formError?.retryable,
  };
  const storageNote = !props.tokens.persistent && <p className="rcp-note">{t('storageUnavailable')}</p>;
  const pausedNote = state.paused && <p className="rcp-note">{t('offlineWaiting')}</p>;
  // Who has nobody online: the department the visitor left for, the preset one, or everyone.
  const offlineDepartment = state.leaving?.department ?? state.presetDepartment?.name;

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
    const [heading, text] = {
      connected: [t('connectedTitle'), t('connectedText')],
      registered: [t('registeredTitle'), t('registeredText')],
      'offline-sent': [
        t('offlineSentTitle'),
        config?.messages?.offlineSuccessMessage || t('offlineSentText'),
      ],
    }[screen];
    body = (
      <div className="rcp-done">
        <h3 tabIndex={-1} ref={doneHeading}>
          {heading}
        </h3>
        <p className="rcp-intro">{text}</p>
      </div>
    );
  } else if (configQuery.data && !configQuery.data.enabled) {
    body = <p className="rcp-note">{t('errorUnavailable')}</p>;
  } else if (state.offline && !state.offlineModel) {
    // The server has the offline form switched off: its own words, else ours.
    body = (
      <>
        <p className="rcp-note">
          {config?.messages?.offlineUnavailableMessage ||
            (offlineDepartment
              ? t('agentsUnavailableIn', { department: offlineDepartment })
              : t('agentsUnavailable'))}
        </p>
        <button
          type="button"
          className="rcp-button rcp-button-secondary"
          onClick={() => configQuery.refetch()}
        >
          {t('checkAgain')}
        </button>
      </>
    );
  } else if (state.offlineModel) {
    const why =
      state.leaving?.reason === 'no-agent'
        ? t('offlineAfterNoAgent')
        : offlineDepartment
          ? t('departmentOffline', { department: offlineDepartment })
          : t('nobodyOnline');
    body = (
      <>
        <p className="rcp-note">{why}</p>
        {/* The admin's instructions for this form (Livechat_offline_message), as plain text. */}
        <p className="rcp-intro">{config?.messages?.offlineMessage || t('offlineIntro')}</p>
        {storageNote}
        <RegistrationForm
          key={`offline-${state.generation}`}
          {...formProps}
          model={state.offlineModel}
          onSubmit={state.submitOffline}
          submitLabel={t('offlineSubmit')}
          busyLabel={t('offlineSubmitting')}
        />
        {state.leaving && (
          <button
            type="button"
            className="rcp-button rcp-button-secondary"
            onClick={() => state.leave(undefined)}
          >
            {t('backToChat')}
          </button>
        )}
        {pausedNote}
      </>
    );
  } else {
    const picked = state.pickedOffline;
    body = (
      <>
        <p className="rcp-intro">{config?.messages?.registrationFormMessage || t('intro')}</p>
        {!config && <p className="rcp-note">{t('configUnavailable')}</p>}
        {storageNote}
        <RegistrationForm
          key={state.generation}
          {...formProps}
          model={model}
          onSubmit={state.submit}
          serverErrors={state.autoStartErrors}
          onDepartmentChange={state.pickDepartment}
          departmentNotice={
            picked && {
              text: t('departmentOffline', { department: picked.name }),
              action: state.offlineFormOn
                ? {
                    label: t('leaveMessage'),
                    run: (values) =>
                      state.leave({
                        reason: 'department',
                        department: picked.name,
                        carried: textValues(values),
                      }),
                  }
                : undefined,
            }
          }
        />
        {pausedNote}
      </>
    );
  }

  return (
    <Panel
      title={title}
      accent={accent}
      launcher={launcher}
      store={props.store}
      onClose={props.onClose}
      t={t}
    >
      {body}
      <p className="rcp-visually-hidden" role="status">
        {state.busy
          ? t(offlineShown ? 'offlineSubmitting' : 'submitting')
          : screen === 'connected'
            ? t('connectedTitle')
            : ''}
      </p>
    </Panel>
  );
}
