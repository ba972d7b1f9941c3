/**
 * The Office look: Fluent UI's web light theme tokens (from `@fluentui/tokens`) as CSS
 * custom properties (`--colorBrandBackground` and so on, the names Fluent itself uses),
 * and the pane's stylesheet written against them.
 *
 * Both go in through constructed stylesheets (`document.adoptedStyleSheets`), which the
 * page's Content-Security-Policy allows without inline style.
 */
import { webLightTheme } from '@fluentui/tokens';
import { PANE_CSS } from './styles';

const SAFE_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
const SAFE_VALUE = /^[^;{}<>]*$/;

/** The theme as one `:root { --token: value; … }` rule. */
export function themeCss(theme: Readonly<Record<string, string | number>> = webLightTheme): string {
  const declarations = Object.entries(theme)
    .filter(([name, value]) => SAFE_NAME.test(name) && SAFE_VALUE.test(String(value)))
    .map(([name, value]) => `--${name}: ${String(value)};`);
  return `:root {\n  ${declarations.join('\n  ')}\n}`;
}

/** Applies the theme and the pane's styles to the document (once). */
export function applyTheme(doc: Document = document): void {
  if (doc.documentElement.dataset.themed === 'fluent-web-light') return;
  const css = `${themeCss()}\n${PANE_CSS}`;
  if ('adoptedStyleSheets' in doc && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = css;
    doc.head.appendChild(style);
  }
  doc.documentElement.dataset.themed = 'fluent-web-light';
}
