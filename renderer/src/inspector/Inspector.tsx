import { boardRoots, readEdge, readNode } from '@shared/board/doc';
import { PROTOCOLS, type Protocol } from '@shared/board/kinds';
import type { BoardEdge, BoardNode, PropValue } from '@shared/board/types';
import { kindInfo } from '@shared/catalogue/catalogue';
import { useState } from 'react';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { useBoardSession, useDocValue } from '../board/context';

const RESERVED = new Set(['replicas', 'tech']);

/** Reads the single selected element from the doc, so remote edits show live. */
const selectedReader = (nodeId: string | null, edgeId: string | null) => (doc: Y.Doc) => {
  const r = boardRoots(doc);
  if (nodeId) {
    const m = r.nodes.get(nodeId);
    return m ? readNode(m) : null;
  }
  if (edgeId) {
    const m = r.edges.get(edgeId);
    return m ? readEdge(m) : null;
  }
  return null;
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Edits the selected component's label and props, or the selected edge's label and protocol. */
export function Inspector({ readOnly = false }: { readonly readOnly?: boolean }) {
  const { store } = useBoardSession();
  const nodeIds = useStore(store, (s) => s.selectedNodeIds);
  const edgeIds = useStore(store, (s) => s.selectedEdgeIds);
  const nodeId = nodeIds.size === 1 && edgeIds.size === 0 ? [...nodeIds][0]! : null;
  const edgeId = edgeIds.size === 1 && nodeIds.size === 0 ? [...edgeIds][0]! : null;
  const [reader, setReader] = useState(() => ({ key: '', read: selectedReader(null, null) }));
  const key = `${nodeId}|${edgeId}`;
  if (reader.key !== key) setReader({ key, read: selectedReader(nodeId, edgeId) });
  const element = useDocValue(reader.read, sameJson);

  if (nodeIds.size + edgeIds.size > 1)
    return (
      <aside className="inspector" aria-label="Inspector">
        <p className="muted">
          {nodeIds.size} components, {edgeIds.size} connections selected. Delete removes them; Ctrl+D duplicates.
        </p>
      </aside>
    );
  if (!element)
    return (
      <aside className="inspector" aria-label="Inspector">
        <p className="muted">Select a component or a connection to edit it. Drag from a component’s edge dot to connect.</p>
      </aside>
    );
  return (
    <aside className="inspector" aria-label="Inspector">
      <fieldset className="plain" disabled={readOnly}>
        {'kind' in element ? <NodeInspector node={element} /> : <EdgeInspector edge={element} />}
      </fieldset>
    </aside>
  );
}

function NodeInspector({ node }: { readonly node: BoardNode }) {
  const { editor } = useBoardSession();
  const info = kindInfo(node.kind);
  const set = (k: string, v: PropValue | undefined) => editor.setNodeProp(node.id, k, v);
  const extraProps = Object.entries(node.props ?? {}).filter(([k]) => !RESERVED.has(k));
  const [newKey, setNewKey] = useState('');
  const isComponent = node.kind !== 'text' && node.kind !== 'group';
  return (
    <>
      <h2>{info.label}</h2>
      <p className="muted small">{info.description}</p>
      <label>
        Label
        <input
          data-testid="inspector-label"
          value={node.label ?? ''}
          placeholder={isComponent ? info.label : undefined}
          onChange={(e) => editor.updateNode(node.id, { label: e.target.value })}
        />
      </label>
      {isComponent && (
        <>
          <label>
            Replicas
            <input
              data-testid="inspector-replicas"
              type="number"
              min={1}
              max={10000}
              value={typeof node.props?.replicas === 'number' ? node.props.replicas : ''}
              placeholder="1"
              onChange={(e) => {
                const n = Number.parseInt(e.target.value, 10);
                set('replicas', Number.isFinite(n) && n >= 1 ? n : undefined);
              }}
            />
          </label>
          <label>
            Technology
            <input
              data-testid="inspector-tech"
              value={typeof node.props?.tech === 'string' ? node.props.tech : ''}
              placeholder="e.g. Redis, PostgreSQL, Kafka"
              onChange={(e) => set('tech', e.target.value || undefined)}
            />
          </label>
          <fieldset>
            <legend>Properties</legend>
            {extraProps.map(([k, v]) => (
              <div className="prop-row" key={k}>
                <span className="prop-key">{k}</span>
                <input aria-label={`Value of ${k}`} value={String(v)} onChange={(e) => set(k, parsePropValue(e.target.value))} />
                <button type="button" aria-label={`Remove ${k}`} onClick={() => set(k, undefined)}>
                  ×
                </button>
              </div>
            ))}
            <form
              className="prop-row"
              onSubmit={(e) => {
                e.preventDefault();
                const k = newKey.trim();
                if (k && !RESERVED.has(k)) set(k, '');
                setNewKey('');
              }}
            >
              <input
                aria-label="New property name"
                placeholder="new property…"
                value={newKey}
                onChange={(e) => setNewKey(e.target.value)}
              />
              <button type="submit">Add</button>
            </form>
          </fieldset>
        </>
      )}
    </>
  );
}

/** "3" → 3, "true" → true, else the string: props keep their natural type in the file. */
const parsePropValue = (s: string): PropValue => {
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s.trim() !== '' && Number.isFinite(Number(s))) return Number(s);
  return s;
};

function EdgeInspector({ edge }: { readonly edge: BoardEdge }) {
  const { editor } = useBoardSession();
  return (
    <>
      <h2>Connection</h2>
      <label>
        Label
        <input
          data-testid="inspector-edge-label"
          value={edge.label ?? ''}
          placeholder="e.g. GET /{code}"
          onChange={(e) => editor.updateEdge(edge.id, { label: e.target.value })}
        />
      </label>
      <label>
        Protocol
        <select
          data-testid="inspector-protocol"
          value={edge.protocol ?? ''}
          onChange={(e) => editor.updateEdge(edge.id, { protocol: (e.target.value || null) as Protocol | null })}
        >
          <option value="">(unspecified)</option>
          {PROTOCOLS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
