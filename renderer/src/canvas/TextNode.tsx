import { updateNode } from '@shared/board/doc';
import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo, useState } from 'react';
import { useBoardSession } from '../board/context';
import { InlineLabel } from './InlineLabel';
import type { FlowNode } from './toFlow';

/** A free-text annotation; double-click to edit (Ctrl+Enter to finish). */
export const TextNode = memo(function TextNode({ id, data, selected }: NodeProps<FlowNode>) {
  const { doc, origin } = useBoardSession();
  const [editing, setEditing] = useState(false);
  return (
    <div className="text-note" data-testid={`node-${id}`} data-kind="text" onDoubleClick={() => setEditing(true)}>
      <NodeResizer isVisible={selected} minWidth={80} minHeight={32} />
      <InlineLabel
        value={data.node.label ?? ''}
        placeholder="Double-click to write"
        editing={editing}
        multiline
        onCommit={(label) => updateNode(doc, id, { label }, origin)}
        onDone={() => setEditing(false)}
      />
    </div>
  );
});
