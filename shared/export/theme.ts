import type { Category } from '../catalogue/catalogue';

/** The colours a picture of the board uses; the same values as the app's CSS variables (renderer/src/styles/app.css). */
export interface ThemeTokens {
  readonly canvas: string;
  readonly panel: string;
  readonly fg: string;
  readonly muted: string;
  readonly border: string;
  readonly edge: string;
  readonly accent: string;
  readonly category: Readonly<Record<Category, string>>;
}

export type ThemeName = 'light' | 'dark';

/** Light and dark tokens; test/unit/export/theme.test.ts fails when app.css drifts from them. */
export const THEMES: Readonly<Record<ThemeName, ThemeTokens>> = {
  light: {
    canvas: '#fbfcfd',
    panel: '#ffffff',
    fg: '#1d2330',
    muted: '#6b7385',
    border: '#dfe3ea',
    edge: '#5b6478',
    accent: '#3b6cf6',
    category: { network: '#2f7de1', compute: '#8d5cf6', storage: '#e07b16', messaging: '#12a37f', other: '#64748b' },
  },
  dark: {
    canvas: '#111419',
    panel: '#1c2028',
    fg: '#e6e9ef',
    muted: '#98a0b3',
    border: '#2d3340',
    edge: '#a3acbf',
    accent: '#6b93ff',
    category: { network: '#5b9cf0', compute: '#a98bfa', storage: '#f0963c', messaging: '#34c49a', other: '#94a3b8' },
  },
};
