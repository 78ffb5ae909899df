import { useSyncExternalStore } from 'react';
import type { LauncherHandle } from '../../shared/widget-context.ts';
import { Panel } from './Panel.tsx';
import type { WidgetStore } from './widget-store.ts';

interface CrashedPanelProps {
  store: WidgetStore;
  launcher: LauncherHandle | undefined;
  onClose: () => void;
  onRetry: () => void;
}

/** What the visitor sees when the form could not be drawn: the panel, a plain message and "Try again". */
export function CrashedPanel({ store, launcher, onClose, onRetry }: CrashedPanelProps) {
  const { t } = useSyncExternalStore(store.subscribe, () => store.get().language);
  return (
    <Panel title={t('title')} launcher={launcher} store={store} onClose={onClose} t={t}>
      <div className="rcp-alert" role="alert">
        <p className="rcp-alert-text">{t('errorUnavailable')}</p>
        <button type="button" className="rcp-button rcp-button-secondary" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      </div>
    </Panel>
  );
}
