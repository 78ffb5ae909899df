/**
 * All of the widget's CSS, scoped to its shadow root. px rather than rem (rem follows the host page's root
 * font size), system fonts (no @font-face inside a shadow root), and every inherited property the widget
 * relies on is set on .rcp-root, because inherited properties are the one thing a host page's CSS can
 * push through the shadow boundary (`all` does not reset `direction`: the root carries a `dir` attribute).
 * The panel's side is physical (`right`/`left`): it follows the launcher the site owner placed. Colours: body text #1f2329 on white is 15.6:1; errors #b3261e 6.5:1.
 * Closed, the panel is invisible (`visibility`, which also takes it out of the tab order and the accessibility tree)
 * rather than `display:none`: it was laid out when the form mounted at idle, so opening it costs no layout. So an
 * element reset with `all:initial` must take `visibility:inherit` back, or it would show through a closed panel.
 */
export const WIDGET_CSS = `
.rcp-root{all:initial;display:block;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  color:#1f2329;text-align:start;letter-spacing:normal;word-spacing:normal;text-transform:none;white-space:normal;visibility:visible;
  --rcp-accent-fallback:#1d74f5}
.rcp-root *,.rcp-root *::before,.rcp-root *::after{box-sizing:border-box}
.rcp-panel{position:fixed;bottom:88px;right:20px;z-index:2147483001;width:370px;max-width:calc(100vw - 40px);
  max-height:calc(100vh - 108px);overflow:auto;background:#fff;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.25);
  display:flex;flex-direction:column;transition:opacity .16s ease-out}
:host(.rcp-left) .rcp-panel{right:auto;left:20px}
.rcp-inline .rcp-panel{position:static;width:auto;max-width:none;max-height:none;box-shadow:none;border:1px solid #c9ced6;transition:none}
.rcp-panel[hidden]{visibility:hidden;opacity:0}
@media (prefers-reduced-motion:reduce){.rcp-panel{transition:none}}
@media (max-width:480px){.rcp-root:not(.rcp-inline) .rcp-panel{inset:0;width:100%;max-width:none;max-height:none;height:100%;border-radius:0}}
.rcp-header{display:flex;align-items:center;gap:8px;padding:14px 16px;background:var(--rcp-accent,#1d74f5);color:var(--rcp-on-accent,#fff);
  border-radius:12px 12px 0 0}
.rcp-inline .rcp-header{border-radius:0}
.rcp-title{margin:0;flex:1;font-size:18px;font-weight:700;line-height:1.3}
.rcp-close{all:initial;visibility:inherit;cursor:pointer;width:36px;height:36px;border-radius:8px;display:grid;place-items:center;color:inherit;font:inherit}
.rcp-close svg{width:20px;height:20px;stroke:currentColor;stroke-width:2.2}
.rcp-close:hover{background:rgba(127,127,127,.2)}
.rcp-close:focus-visible{outline:3px solid currentColor;outline-offset:-3px}
.rcp-body{padding:16px;display:flex;flex-direction:column;gap:14px}
.rcp-intro{margin:0;white-space:pre-line}
.rcp-note{margin:0;padding:10px 12px;border-radius:8px;background:#f1f3f5;color:#1f2329}
.rcp-notice{display:flex;flex-direction:column;gap:8px}
.rcp-form{display:flex;flex-direction:column;gap:14px;margin:0}
.rcp-field{display:flex;flex-direction:column;gap:4px}
.rcp-label{font-weight:600}
.rcp-required{color:#b3261e}
.rcp-input{width:100%;min-height:44px;margin:0;padding:10px 12px;font:inherit;font-size:16px;color:#1f2329;background:#fff;
  border:1px solid #6b7280;border-radius:8px;appearance:none}
textarea.rcp-input{resize:vertical;min-height:76px;line-height:1.4}
select.rcp-input{background-image:linear-gradient(45deg,transparent 50%,#1f2329 50%),linear-gradient(135deg,#1f2329 50%,transparent 50%);
  background-position:calc(100% - 18px) 50%,calc(100% - 13px) 50%;background-size:5px 5px;background-repeat:no-repeat;padding-inline-end:36px}
.rcp-input:focus-visible,.rcp-button:focus-visible{outline:3px solid #1d74f5;outline-offset:2px}
.rcp-input[aria-invalid="true"]{border-color:#b3261e;border-width:2px}
.rcp-error{margin:0;color:#b3261e;font-size:14px}
.rcp-alert{margin:0;padding:10px 12px;border-radius:8px;background:#fdecea;color:#8c1d18;border:1px solid #f3b8b2;
  display:flex;flex-direction:column;gap:8px}
.rcp-alert-text{margin:0}
.rcp-hint{margin:0;font-size:14px;color:#4b5563}
.rcp-button{all:initial;visibility:inherit;box-sizing:border-box;display:block;width:100%;min-height:44px;padding:10px 16px;border-radius:8px;cursor:pointer;
  text-align:center;font:inherit;font-weight:700;background:var(--rcp-accent,#1d74f5);color:var(--rcp-on-accent,#fff)}
.rcp-button[aria-disabled="true"]{cursor:not-allowed;opacity:.75}
.rcp-button-secondary{background:#fff;color:#1f2329;border:1px solid #6b7280}
.rcp-status{margin:0}
.rcp-consent{display:grid;grid-template-columns:auto 1fr;column-gap:10px;align-items:start}
.rcp-consent .rcp-error{grid-column:1 / -1}
.rcp-checkbox{width:24px;height:24px;margin:0;accent-color:#1d74f5}
.rcp-checkbox:focus-visible{outline:3px solid #1d74f5;outline-offset:2px}
.rcp-consent-text a{color:#0b57d0;text-decoration:underline}
.rcp-consent-text a:focus-visible{outline:3px solid #1d74f5;outline-offset:2px}
.rcp-input[readonly],select.rcp-input[aria-readonly="true"]{background-color:#f1f3f5;color:#1f2329}
.rcp-visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.rcp-done{display:flex;flex-direction:column;gap:8px;align-items:flex-start}
.rcp-done h3{margin:0;font-size:18px}
.rcp-done h3:focus{outline:none}
.rcp-done h3:focus-visible{outline:3px solid #1d74f5;outline-offset:2px}
.rcp-done p{margin:0}
`;

/** Inline mode only: the host element is an ordinary block in the site's layout. */
export const INLINE_HOST_CSS = ':host{all:initial!important;display:block!important}';
