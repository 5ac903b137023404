import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { THEMES } from '@shared/export/theme';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../renderer/src/styles/app.css'), 'utf8');

/** The custom properties of one rule block (`:root {` or `:root[data-theme="dark"] {`). */
const varsOf = (selector: string) => {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
};

describe('export theme tokens', () => {
  it.each([
    ['light', ':root'],
    ['dark', ':root[data-theme="dark"]'],
  ] as const)('match the app’s %s theme, so a picture looks like the canvas', (name, selector) => {
    const vars = varsOf(selector);
    const t = THEMES[name];
    expect({
      canvas: vars.canvas,
      panel: vars.panel,
      fg: vars.fg,
      muted: vars.muted,
      border: vars.border,
      edge: vars.edge,
      accent: vars.accent,
    }).toEqual({
      canvas: t.canvas,
      panel: t.panel,
      fg: t.fg,
      muted: t.muted,
      border: t.border,
      edge: t.edge,
      accent: t.accent,
    });
    for (const [cat, colour] of Object.entries(t.category)) expect(vars[`cat-${cat}`], cat).toBe(colour);
  });
});
