/**
 * What the engine specs do inside the page, as one script each driver injects before a step. Both drivers can
 * run a script; not both can pierce a shadow root by role or label, so the form is reached through its open
 * shadow root here. Fields are filled the way React listens for it (the native value setter, then `input`).
 */
export const IN_PAGE = `
window.__rcp = (() => {
  const root = () => document.querySelector('[data-rocketchat-prechat]')?.shadowRoot;
  const byLabel = (text) => {
    const label = [...(root()?.querySelectorAll('label') ?? [])].find((l) => l.textContent.replace('*', '').trim() === text);
    return label && root().getElementById(label.htmlFor);
  };
  const setValue = (element, value) => {
    const proto = Object.getPrototypeOf(element);
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(element, value);
    element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  };
  const buttonNamed = (name) =>
    [...(root()?.querySelectorAll('button') ?? [])].find((b) => (b.getAttribute('aria-label') || b.textContent.trim()) === name);
  return {
    has: (text) => (root()?.textContent ?? '').includes(text),
    click: (name) => { const b = buttonNamed(name); if (!b) return false; b.click(); return true; },
    fill: (text, value) => { const f = byLabel(text); if (!f) return false; setValue(f, value); return true; },
    select: (text, optionLabel) => {
      const f = byLabel(text);
      const option = f && [...f.options].find((o) => o.textContent.trim() === optionLabel);
      if (!option) return false;
      setValue(f, option.value);
      return true;
    },
    focus: (text) => { const f = byLabel(text); f?.focus(); return !!f; },
    inputFontSize: () => { const f = byLabel('Name'); return f ? getComputedStyle(f).fontSize : null; },
    expanded: () => root()?.querySelector('.rcp-launcher')?.getAttribute('aria-expanded'),
    events: () => (window.__events ?? []).map((e) => e.name),
    evilRan: () => window.__evilRan === true,
  };
})();
`;
