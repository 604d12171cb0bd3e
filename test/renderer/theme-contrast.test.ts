// The packet colouring stays readable in both themes: for every row kind, its text colour on its
// background (and the selected row's) has at least WCAG AA contrast, 4.5:1, computed from the
// variables of styles/base.css and styles/theme.css; and the dark theme sets every variable the
// light one does, so no component keeps a light colour in the dark.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = (name: string): string => readFileSync(new URL(`../../src/renderer/styles/${name}`, import.meta.url), 'utf8');

/** The custom properties declared in the first block opened by `selector`. */
function variables(text: string, selector: string): Map<string, string> {
  const start = text.indexOf(`${selector} {`);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = text.slice(start, text.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const base = variables(css('base.css'), ':root');
const light = new Map([...base, ...variables(css('theme.css'), ':root')]);
const dark = new Map([...light, ...variables(css('theme.css'), ':root[data-theme="dark"]')]);

// Each row kind: its background and its text colour (the page's text unless the kind sets one), from styles/tables.css.
const ROWS: ReadonlyArray<[string, string, string]> = [
  ['chat', '--row-chat', '--text'], ['presence', '--row-presence', '--text'], ['error', '--row-error', '--row-error-text'],
  ['p2p', '--row-p2p', '--text'], ['msnp', '--row-msnp', '--text'], ['tcp', '--row-tcp', '--row-tcp-text'], ['other', '--row-other', '--row-other-text'],
  ['selected', '--selected', '#ffffff'], ['selected, unfocused', '--selected-unfocused', '--text'], ['related', '--row-related', '--text'],
];

describe('theme colours', () => {
  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it(`packet rows are readable in the ${name} theme (≥ 4.5:1)`, () => {
      const value = (v: string): string => (v.startsWith('#') ? v : theme.get(v)!);
      const ratios = ROWS.map(([kind, bg, fg]) => ({ kind, ratio: Math.round(contrast(value(bg), value(fg)) * 10) / 10 }));
      for (const r of ratios) expect(r.ratio, `${r.kind}: ${r.ratio}`).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('the dark theme sets every colour variable, and differs from the light one for the surfaces', () => {
    const darkOwn = variables(css('theme.css'), ':root[data-theme="dark"]');
    const colours = [...light.keys()].filter((k) => !k.startsWith('--font') && k !== '--row-height' && k !== '--rail-size');
    expect(colours.filter((k) => !darkOwn.has(k))).toEqual([]);
    for (const k of ['--window', '--pane', '--text', '--input-bg', '--row-chat']) expect(dark.get(k)).not.toBe(light.get(k));
  });
});
