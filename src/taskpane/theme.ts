/**
 * The Office look, light or dark as the person's Office is: Fluent UI's web themes
 * (`@fluentui/tokens`) as CSS custom properties (`--colorBrandBackground` and so on,
 * the names Fluent itself uses), and the pane's stylesheet written against them.
 *
 * Which theme: inside Office, the Office theme's body colour (`Office.context.officeTheme`,
 * which Excel supports on the web, Windows, Mac and iPad); outside Office (the preview),
 * the browser's `prefers-color-scheme`, followed when it changes. Windows' high-contrast
 * themes need nothing here: the browser forces its system colours (`forced-colors`),
 * and Fluent's controls are written for that.
 *
 * Both go in through a constructed stylesheet (`document.adoptedStyleSheets`), which the
 * page's Content-Security-Policy allows without inline style.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/tokens';
import { PANE_CSS } from './styles';

export type ThemeName = 'light' | 'dark';

const THEMES: Readonly<Record<ThemeName, Theme>> = { light: webLightTheme, dark: webDarkTheme };

/** The part of `Office.context.officeTheme` the choice reads. */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  /** A property in current Office.js; a method in some older builds. */
  isDarkTheme?: boolean | (() => boolean);
}

/** The relative luminance of a `#rrggbb` (or `#rgb`) colour, 0 (black) to 1 (white); null if it is not one. */
export function luminance(colour: string): number | null {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (hex === undefined) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(full.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Light or dark: Office's own word when it gives one, else its body colour (dark below
 * the luminance of mid grey), else — outside Office — the browser's preference.
 */
export function chooseTheme(office: OfficeThemeColours | undefined, prefersDark: boolean): ThemeName {
  if (office !== undefined) {
    const said = typeof office.isDarkTheme === 'function' ? office.isDarkTheme() : office.isDarkTheme;
    if (typeof said === 'boolean') return said ? 'dark' : 'light';
    const light = office.bodyBackgroundColor === undefined ? null : luminance(office.bodyBackgroundColor);
    if (light !== null) return light < 0.18 ? 'dark' : 'light';
  }
  return prefersDark ? 'dark' : 'light';
}

const SAFE_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
const SAFE_VALUE = /^[^;{}<>]*$/;

/** A theme as one `:root { --token: value; … }` rule. */
export function themeCss(theme: Readonly<Record<string, string | number>> = webLightTheme): string {
  const declarations = Object.entries(theme)
    .filter(([name, value]) => SAFE_NAME.test(name) && SAFE_VALUE.test(String(value)))
    .map(([name, value]) => `--${name}: ${String(value)};`);
  return `:root {\n  ${declarations.join('\n  ')}\n}`;
}

let shown: ThemeName = 'light';
const watchers = new Set<() => void>();
const sheets = new WeakMap<Document, CSSStyleSheet | HTMLStyleElement>();

/** The Fluent theme the page shows now (the pane's FluentProvider and dialogs draw with it). */
export function shownTheme(): Theme {
  return THEMES[shown];
}

/** Calls `redraw` whenever the page's theme changes; returns how to stop. */
export function watchTheme(redraw: () => void): () => void {
  watchers.add(redraw);
  return () => watchers.delete(redraw);
}

/** Applies a theme and the pane's styles to the document (replacing the theme it had). */
export function applyTheme(name: ThemeName = shown, doc: Document = document): void {
  const marker = `fluent-web-${name}`;
  if (doc.documentElement.dataset.themed === marker) return;
  const css = `${themeCss(THEMES[name])}\n:root { color-scheme: ${name}; }\n${PANE_CSS}`;
  const existing = sheets.get(doc);
  if (existing !== undefined) {
    if ('replaceSync' in existing) existing.replaceSync(css);
    else existing.textContent = css;
  } else if ('adoptedStyleSheets' in doc && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    sheets.set(doc, sheet);
  } else {
    const style = doc.createElement('style');
    style.textContent = css;
    doc.head.appendChild(style);
    sheets.set(doc, style);
  }
  doc.documentElement.dataset.themed = marker;
  const changed = name !== shown;
  shown = name;
  if (changed) for (const redraw of watchers) redraw();
}

/** What Office said of its theme, once it has said (undefined until then, or outside Office). */
let officeColours: OfficeThemeColours | undefined;
let listening = false;

/**
 * Follows the theme the person uses: Office's once given (inside Excel, after
 * `Office.onReady`), else the browser's preference, followed as it changes.
 */
export function followTheme(office?: OfficeThemeColours, win: Window = window): void {
  if (office !== undefined) officeColours = office;
  const query = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : undefined;
  applyTheme(chooseTheme(officeColours, query?.matches ?? false), win.document);
  if (!listening && query !== undefined) {
    listening = true;
    query.addEventListener('change', (event) => applyTheme(chooseTheme(officeColours, event.matches), win.document));
  }
}
