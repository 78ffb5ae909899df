/**
 * The launcher: the only thing drawn before the visitor asks for the form. Plain DOM, no framework, because it
 * ships in loader.js. The widget reaches it only through the returned handle.
 */
import { addStyles } from '../shared/styles.ts';
import type { LauncherHandle } from '../shared/widget-context.ts';

const CSS =
  ':host{all:initial!important;direction:ltr!important;position:fixed!important;z-index:2147483000!important;bottom:20px!important;right:20px!important}' +
  ':host(.rcp-left){right:auto!important;left:20px!important}' +
  '.rcp-launcher{all:initial;width:56px;height:56px;border-radius:50%;cursor:pointer;display:grid;place-items:center;' +
  'background:var(--rcp-accent,#1d74f5);color:var(--rcp-on-accent,#fff);box-shadow:0 4px 14px #0004}' +
  // The ring must show on any page and any accent: dark, with a white halo between it and the button.
  '.rcp-launcher:focus-visible{outline:3px solid #1f2329;outline-offset:2px;box-shadow:0 0 0 2px #fff}' +
  '.rcp-launcher svg{width:28px;height:28px;fill:currentColor}';

export function drawLauncher(root: ShadowRoot, label: string, onClick: () => void): LauncherHandle {
  addStyles(root, CSS);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'rcp-launcher';
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', 'M3 4h18v13H9l-5 4v-4H3z'); // a speech bubble
  svg.append(path);
  button.append(svg);
  button.addEventListener('click', onClick);
  root.append(button);
  const handle: LauncherHandle = {
    setLabel: (text) => button.setAttribute('aria-label', text),
    setExpanded: (expanded) => button.setAttribute('aria-expanded', String(expanded)),
    setInert: (inert) => {
      button.inert = inert;
    },
    setHidden: (hidden) => {
      button.style.display = hidden ? 'none' : '';
    },
    focus: () => button.focus(),
  };
  handle.setLabel(label);
  button.setAttribute('aria-expanded', 'false');
  return handle;
}
