import { useToasts } from './toasts';

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast-${t.kind}`}
          role={t.kind === 'error' ? 'alert' : 'status'}
          data-testid={`toast-${t.kind}`}
        >
          {t.kind === 'progress' && <span className="spinner" aria-hidden />}
          <span>{t.text}</span>
          {t.kind !== 'progress' && (
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
