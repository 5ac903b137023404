import { nodeBox, TEXT_NOTE } from '@shared/export/nodeLayout';
import { wrapText } from '@shared/export/textMeasure';
import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { InlineLabel } from './InlineLabel';
import { type FlowNode, sameNodeView } from './toFlow';
import { useInlineEditing } from './useInlineEditing';

/** A free-text annotation; double-click to edit (Ctrl+Enter to finish). */
export const TextNode = memo(function TextNode({ id, data, selected }: NodeProps<FlowNode>) {
  const label = useInlineEditing(id);
  const { node } = data;
  // Broken into lines as exported pictures break them (shared/export), not by the browser.
  const lines = useMemo(() => {
    const box = nodeBox(node);
    return wrapText(node.label ?? '', box.width - 2 * TEXT_NOTE.padX, TEXT_NOTE).lines;
  }, [node]);
  return (
    <div className="text-note" data-testid={`node-${id}`} data-kind="text" onDoubleClick={label.start}>
      <NodeResizer isVisible={selected && !label.readOnly} minWidth={80} minHeight={32} />
      <InlineLabel
        value={node.label ?? ''}
        placeholder="Double-click to write"
        lines={node.label ? lines : undefined}
        editing={label.editing}
        multiline
        onCommit={label.commit}
        onDone={label.done}
      />
    </div>
  );
}, sameNodeView);
