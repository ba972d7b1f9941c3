/**
 * Which theme the pane takes (theme.ts), in Node: Office's word, else its body colour,
 * else the browser's preference; and each theme as CSS custom properties.
 */
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { chooseTheme, luminance, themeCss } from '../../src/taskpane/theme';

describe('the theme the pane takes', () => {
  it.each([
    ['Office says dark (a property)', { isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' }, false, 'dark'],
    ['Office says light (a property), whatever the browser prefers', { isDarkTheme: false }, true, 'light'],
    ['Office says dark (a method, in older builds)', { isDarkTheme: () => true }, false, 'dark'],
    ['Office gives a black body colour only', { bodyBackgroundColor: '#262626' }, false, 'dark'],
    ['Office gives a dark grey body colour only', { bodyBackgroundColor: '#444' }, false, 'dark'],
    ['Office gives the colourful theme’s body colour', { bodyBackgroundColor: '#E6E6E6' }, true, 'light'],
    ['Office gives a colour it cannot read: the browser decides', { bodyBackgroundColor: 'teal' }, true, 'dark'],
    ['no Office (the preview), the browser prefers dark', undefined, true, 'dark'],
    ['no Office, the browser prefers light', undefined, false, 'light'],
  ] as const)('%s', (_case, office, prefersDark, expected) => {
    expect(chooseTheme(office, prefersDark)).toBe(expected);
  });

  it('reads colours as their relative luminance', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#FFFFFF')).toBeCloseTo(1, 10);
    expect(luminance('#fff')).toBeCloseTo(1, 10);
    // Mid grey (#777) is just under a fifth of white's light.
    expect(luminance('#777777')).toBeCloseTo(0.184, 3);
    expect(luminance('rgb(0,0,0)')).toBeNull();
  });

  it('writes each theme as CSS custom properties', () => {
    expect(themeCss(webDarkTheme)).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1};`);
    expect(themeCss(webLightTheme)).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1};`);
    expect(webDarkTheme.colorNeutralBackground1).not.toBe(webLightTheme.colorNeutralBackground1);
  });
});
