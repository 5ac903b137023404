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
