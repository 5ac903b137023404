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

/** App-wide messages: errors stay until dismissed, info fades after a few seconds. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (kind, text) => {
    const id = ++seq;
    set({ toasts: [...get().toasts, { id, kind, text }] });
    if (kind === 'info') setTimeout(() => get().dismiss(id), 4000);
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
