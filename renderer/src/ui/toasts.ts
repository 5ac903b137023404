import { create } from 'zustand';

export interface Toast {
  readonly id: number;
  readonly kind: 'info' | 'error' | 'progress';
  readonly text: string;
}

interface ToastState {
  readonly toasts: readonly Toast[];
  show(kind: Toast['kind'], text: string): number;
  dismiss(id: number): void;
}

let seq = 0;
const INFO_MS = 4000;
const ERROR_MS = 8000;

/** App-wide messages: info fades after a few seconds, errors after long enough to read them (or at ×). */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (kind, text) => {
    const id = ++seq;
    set({ toasts: [...get().toasts, { id, kind, text }] });
    if (kind !== 'progress') setTimeout(() => get().dismiss(id), kind === 'error' ? ERROR_MS : INFO_MS);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = {
  info: (text: string) => useToasts.getState().show('info', text),
  error: (text: string) => useToasts.getState().show('error', text),
  progress: (text: string) => useToasts.getState().show('progress', text),
  dismiss: (id: number) => useToasts.getState().dismiss(id),
};
