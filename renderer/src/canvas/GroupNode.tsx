import { updateNode } from '@shared/board/doc';
import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo, useState } from 'react';
import { useBoardSession } from '../board/context';
import { InlineLabel } from './InlineLabel';
import type { FlowNode } from './toFlow';

/** A labelled frame drawn under the components it groups. */
export const GroupNode = memo(function GroupNode({ id, data, selected }: NodeProps<FlowNode>) {
  const { doc, origin } = useBoardSession();
  const [editing, setEditing] = useState(false);
  return (
    <div className="group-frame" data-testid={`node-${id}`} data-kind="group">
      <NodeResizer isVisible={selected} minWidth={120} minHeight={80} />
      <div className="group-title" onDoubleClick={() => setEditing(true)}>
        <InlineLabel
          value={data.node.label ?? ''}
          placeholder="Group"
          editing={editing}
          onCommit={(label) => updateNode(doc, id, { label }, origin)}
          onDone={() => setEditing(false)}
        />
      </div>
    </div>
  );
});
