import '../../renderer/src/styles/app.css';
import { addEdges, addNodes, moveNodes } from '@shared/board/doc';
import { COMPONENT_KINDS } from '@shared/board/kinds';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useState } from 'react';
import * as Y from 'yjs';
import { type BoardSession, BoardSessionContext } from '../../renderer/src/board/context';
import { sessionFor } from '../../renderer/src/board/openSession';
import { Canvas } from '../../renderer/src/canvas/Canvas';
import type { Platform } from '../../renderer/src/platform/types';
import { BenchHooks } from './BenchHooks';
import { gridCells, gridLinks } from './grid';

/** The origin of writes "from a partner": not the session's, so undo and the binding treat them as remote. */
const REMOTE = { kind: 'remote', user: 'bench-peer' } as const;

/**
 * The canvas never reaches the platform (files, storage, menus), so the bench
 * session carries an empty one; a cast rather than stubs, so the page does not
 * have to follow every method added to Platform.
 */
const noPlatform = { kind: 'browser' } as Platform;

/** An in-memory session seeded with N components in a grid, chained by edges (as a peer's board would arrive). */
function seededSession(n: number): BoardSession {
  const doc = new Y.Doc();
  const nodes = gridCells(n).map(({ id, position }, i) => ({
    id,
    kind: COMPONENT_KINDS[i % COMPONENT_KINDS.length]!,
    position,
    label: `Node ${id}`,
  }));
  addNodes(doc, nodes, REMOTE);
  addEdges(doc, gridLinks(n), REMOTE);
  return sessionFor(doc, noPlatform);
}

export function OursPage({ n, levelOfDetail }: { readonly n: number; readonly levelOfDetail: boolean }) {
  const [session] = useState(() => seededSession(n));
  const moveRemote = useCallback(
    (id: string, x: number, y: number) => moveNodes(session.doc, new Map([[id, { x, y }]]), REMOTE),
    [session],
  );
  return (
    <BoardSessionContext.Provider value={session}>
      <ReactFlowProvider>
        <BenchHooks moveRemote={moveRemote} />
        <div className="app">
          <Canvas snapToGrid={false} colorMode="light" levelOfDetail={levelOfDetail} />
        </div>
      </ReactFlowProvider>
    </BoardSessionContext.Provider>
  );
}
