/**
 * Styling helpers shared by the loader and the widget. Styles go in through constructable stylesheets
 * (`adoptedStyleSheets`): no CSP `style-src` governs them, so a strict-CSP host page needs no exception.
 */
export function addStyles(root: ShadowRoot, css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return sheet;
}

/** Black or white, whichever has the higher WCAG contrast on the colour `hex` (#rrggbb). */
export function textColorOn(hex: string): string {
  // Relative luminance with the sRGB curve approximated by a 2.2 power: the choice only flips within
  // ±0.5% of the 0.179 crossover, where both colours pass AA for large text anyway.
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => (Number.parseInt(hex.slice(i, i + 2), 16) / 255) ** 2.2);
  // White wins when 1.05 / (L + 0.05) >= (L + 0.05) / 0.05, i.e. L <= 0.179.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#000' : '#fff';
}
