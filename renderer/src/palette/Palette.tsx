import { CATALOGUE, CATEGORIES, CATEGORY_LABELS } from '@shared/catalogue/catalogue';
import { memo } from 'react';
import { PALETTE_MIME } from '../canvas/Canvas';
import { iconFor } from '../canvas/icons';
import type { EditorCommands } from '../canvas/useEditorCommands';

/** Every component kind, by category: drag onto the canvas, click, or press its key to add at the centre. */
export const Palette = memo(function Palette({ commands }: { readonly commands: EditorCommands }) {
  return (
    <aside className="palette" aria-label="Components">
      {CATEGORIES.map((cat) => (
        <section key={cat}>
          <h3>{CATEGORY_LABELS[cat]}</h3>
          <ul>
            {CATALOGUE.filter((k) => k.category === cat).map((info) => {
              const Icon = iconFor(info.icon);
              return (
                <li key={info.kind}>
                  <button
                    type="button"
                    className={`palette-item cat-${cat}`}
                    draggable
                    data-testid={`palette-${info.kind}`}
                    title={`${info.description}${info.key ? ` (key ${info.key.toUpperCase()})` : ''}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, info.kind);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => commands.add(info.kind)}
                  >
                    <Icon size={16} aria-hidden />
                    <span>{info.label}</span>
                    {info.key && <kbd>{info.key.toUpperCase()}</kbd>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </aside>
  );
});
