import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { textColorOn } from '../../shared/styles.ts';
import type { LauncherHandle } from '../../shared/widget-context.ts';
import type { Translate } from '../i18n/translate.ts';
import type { WidgetStore } from './widget-store.ts';

interface PanelProps {
  title: string;
  /** The header's colour, when it differs from the widget's (the server's offline colour). */
  accent?: string;
  /** The loader's launcher; undefined for an inline form. */
  launcher: LauncherHandle | undefined;
  /** Open or closed is read here, not passed down: opening re-renders the frame, not the form inside it. */
  store: WidgetStore;
  onClose: () => void;
  t: Translate;
  children: ReactNode;
}

// Where the panel covers the whole screen (see widget-css.ts), it is modal: focus stays inside it.
const FULL_SCREEN = '(max-width: 480px)';
const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => window.matchMedia?.(query).matches ?? false,
  );
}

/** The frame: a labelled dialog behind the launcher, or a labelled region when inline. */
export function Panel({ title, accent, launcher, store, onClose, t, children }: PanelProps) {
  const inline = !launcher;
  const open = useSyncExternalStore(store.subscribe, () => inline || store.get().open);
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const modal = useMediaQuery(FULL_SCREEN) && !inline;

  // On open, focus moves into the panel: to the first field, else to the panel itself.
  useEffect(() => {
    if (!open || inline) return;
    const first = ref.current?.querySelector<HTMLElement>('input, select, button:not(.rcp-close)');
    (first ?? ref.current)?.focus();
  }, [open, inline]);

  // Full screen, the launcher sits under the panel: take it out of the tab order and the accessibility tree.
  useEffect(() => {
    launcher?.setInert(open && modal);
    return () => launcher?.setInert(false);
  }, [launcher, open, modal]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !inline) {
      event.stopPropagation();
      onClose();
    }
    if (event.key === 'Tab' && modal && ref.current) {
      const focusable = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => !el.hasAttribute('disabled'),
      );
      const active = (ref.current.getRootNode() as ShadowRoot).activeElement;
      const first = focusable[0];
      const last = focusable.at(-1);
      if (event.shiftKey && (active === first || active === ref.current)) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog or region, both take a label
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the dialog and Tab wraps from anywhere inside it
    <div
      ref={ref}
      className="rcp-panel"
      role={inline ? 'region' : 'dialog'}
      aria-labelledby={titleId}
      aria-modal={modal || undefined}
      hidden={!open}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      {/* React sets these through CSSOM, which a strict style-src allows (no style attribute in markup). */}
      <div
        className="rcp-header"
        style={
          accent
            ? ({ '--rcp-accent': accent, '--rcp-on-accent': textColorOn(accent) } as React.CSSProperties)
            : undefined
        }
      >
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
