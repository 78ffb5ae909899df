import { useSyncExternalStore } from 'react';
import type { LauncherHandle } from '../../shared/widget-context.ts';
import type { Translate } from '../i18n/translate.ts';
import { Panel } from './Panel.tsx';
import type { WidgetStore } from './widget-store.ts';

interface CrashedPanelProps {
  store: WidgetStore;
  launcher: LauncherHandle | undefined;
  t: Translate;
  onClose: () => void;
  onRetry: () => void;
}

/** What the visitor sees when the form could not be drawn: the panel, a plain message and "Try again". */
export function CrashedPanel({ store, launcher, t, onClose, onRetry }: CrashedPanelProps) {
  const { open } = useSyncExternalStore(store.subscribe, store.get);
  return (
    <Panel title={t('title')} launcher={launcher} open={open || !launcher} onClose={onClose} t={t}>
      <div className="rcp-alert" role="alert">
        <p className="rcp-alert-text">{t('errorUnavailable')}</p>
        <button type="button" className="rcp-button rcp-button-secondary" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      </div>
    </Panel>
  );
}
