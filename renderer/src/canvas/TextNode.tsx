import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import { InlineLabel } from './InlineLabel';
import type { FlowNode } from './toFlow';
import { useInlineEditing } from './useInlineEditing';

/** A free-text annotation; double-click to edit (Ctrl+Enter to finish). */
export const TextNode = memo(function TextNode({ id, data, selected }: NodeProps<FlowNode>) {
  const label = useInlineEditing(id);
  return (
    <div className="text-note" data-testid={`node-${id}`} data-kind="text" onDoubleClick={label.start}>
      <NodeResizer isVisible={selected && !label.readOnly} minWidth={80} minHeight={32} />
      <InlineLabel
        value={data.node.label ?? ''}
        placeholder="Double-click to write"
        editing={label.editing}
        multiline
        onCommit={label.commit}
        onDone={label.done}
      />
    </div>
  );
});
