import { useEffect, useRef } from 'react';
import type { LivechatConfig } from '../../livechat/schemas.ts';
import type { LauncherHandle } from '../../shared/widget-context.ts';
import type { EventMap, EventName } from '../../types/public-api.ts';
import type { LivechatApi } from '../api/livechat-api.ts';
import type { PhoneNormaliser } from '../form/form-schema.ts';
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

/** The screens: loading, the form, agents unavailable, connecting, connected. What happens is the controller's. */
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
        <p className="rcp-note">
          {state.presetDepartment
            ? t('agentsUnavailableIn', { department: state.presetDepartment.name })
            : t('agentsUnavailable')}
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
  } else {
    body = (
      <>
        <p className="rcp-intro">{config?.messages?.registrationFormMessage || t('intro')}</p>
        {!config && <p className="rcp-note">{t('configUnavailable')}</p>}
        {!props.tokens.persistent && <p className="rcp-note">{t('storageUnavailable')}</p>}
        <RegistrationForm
          key={state.generation}
          model={model}
          t={t}
          normalisePhone={props.normalisePhone}
          onPhoneFocus={props.preloadPhone}
          prefill={state.prefill}
          onSubmit={state.submit}
          busy={state.busy}
          blocked={remaining > 0}
          formError={remaining > 0 ? t('errorRateLimited', { seconds: remaining }) : formError?.message}
          canRetry={remaining === 0 && !!formError?.retryable}
        />
        {state.paused && <p className="rcp-note">{t('offlineWaiting')}</p>}
      </>
    );
  }

  return (
    <Panel title={title} launcher={launcher} open={state.open} onClose={props.onClose} t={t}>
      {body}
      <p className="rcp-visually-hidden" role="status">
        {state.busy ? t('submitting') : screen === 'connected' ? t('connectedTitle') : ''}
      </p>
    </Panel>
  );
}
