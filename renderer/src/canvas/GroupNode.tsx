import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import { InlineLabel } from './InlineLabel';
import { type FlowNode, sameNodeView } from './toFlow';
import { useInlineEditing } from './useInlineEditing';

/** A labelled frame drawn under the components it groups. */
export const GroupNode = memo(function GroupNode({ id, data, selected }: NodeProps<FlowNode>) {
  const label = useInlineEditing(id);
  return (
    <div className="group-frame" data-testid={`node-${id}`} data-kind="group">
      <NodeResizer isVisible={selected && !label.readOnly} minWidth={120} minHeight={80} />
      <div className="group-title" onDoubleClick={label.start}>
        <InlineLabel
          value={data.node.label ?? ''}
          placeholder="Group"
          editing={label.editing}
          onCommit={label.commit}
          onDone={label.done}
        />
      </div>
    </div>
  );
}, sameNodeView);
