import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const KEY = 'archdrill.theme';

const initial = (): Theme => {
  const saved = localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

/** Local preferences: theme and snap-to-grid, remembered per machine. */
export const usePrefs = create<{
  theme: Theme;
  snap: boolean;
  /** "Hide hints until the end", for a realistic mock. */
  hintsHidden: boolean;
  toggleTheme(): void;
  toggleSnap(): void;
  setHintsHidden(hidden: boolean): void;
}>()((set, get) => ({
  theme: initial(),
  snap: localStorage.getItem('archdrill.snap') !== 'false',
  hintsHidden: localStorage.getItem('archdrill.hintsHidden') === 'true',
  setHintsHidden: (hintsHidden) => {
    localStorage.setItem('archdrill.hintsHidden', String(hintsHidden));
    set({ hintsHidden });
  },
  toggleTheme: () => {
    const theme = get().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, theme);
    set({ theme });
  },
  toggleSnap: () => {
    const snap = !get().snap;
    localStorage.setItem('archdrill.snap', String(snap));
    set({ snap });
  },
}));

const flag = (key: string, fallback: boolean) => {
  const v = localStorage.getItem(key);
  return v === null ? fallback : v === 'true';
};

/** Which panels are shown (collapsible for small windows), remembered per machine. */
export const usePanels = create<{
  palette: boolean;
  sidebar: boolean;
  minimap: boolean;
  togglePalette(): void;
  toggleSidebar(): void;
  toggleMinimap(): void;
}>()((set, get) => {
  const toggle = (key: 'palette' | 'sidebar' | 'minimap') => () => {
    const next = !get()[key];
    localStorage.setItem(`archdrill.panel.${key}`, String(next));
    set({ [key]: next });
  };
  return {
    palette: flag('archdrill.panel.palette', true),
    sidebar: flag('archdrill.panel.sidebar', true),
    // A small window keeps its canvas for the design: the minimap starts hidden there.
    minimap: flag('archdrill.panel.minimap', typeof window === 'undefined' || window.innerWidth >= 1200),
    togglePalette: toggle('palette'),
    toggleSidebar: toggle('sidebar'),
    toggleMinimap: toggle('minimap'),
  };
});
