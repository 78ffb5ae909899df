import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { Translate } from '../i18n/translate.ts';

interface PanelProps {
  title: string;
  inline: boolean;
  open: boolean;
  onClose: () => void;
  t: Translate;
  children: ReactNode;
}

/** The frame: a labelled dialog behind the launcher, or a labelled region when inline. */
export function Panel({ title, inline, open, onClose, t, children }: PanelProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  // On open, focus moves into the panel: to the first field, else to the panel itself.
  useEffect(() => {
    if (!open || inline) return;
    const first = ref.current?.querySelector<HTMLElement>('input, select, button:not(.rcp-close)');
    (first ?? ref.current)?.focus();
  }, [open, inline]);

  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog or region, both take a label
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the dialog from anywhere inside it
    <div
      ref={ref}
      className="rcp-panel"
      role={inline ? 'region' : 'dialog'}
      aria-labelledby={titleId}
      hidden={!open}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !inline) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="rcp-header">
        <h2 className="rcp-title" id={titleId}>
          {title}
        </h2>
        {!inline && (
          <button type="button" className="rcp-close" aria-label={t('closeChat')} onClick={onClose}>
            <svg viewBox="0 0 24 24" aria-hidden="true" fill="none">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        )}
      </div>
      <div className="rcp-body">{children}</div>
    </div>
  );
}
