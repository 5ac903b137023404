import { kindInfo } from '@shared/catalogue/catalogue';
import { componentLayout } from '@shared/export/nodeLayout';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { InlineLabel } from './InlineLabel';
import { iconImageUrl, useCategoryColour } from './iconImage';
import { iconFor } from './icons';
import { LaidOutLines } from './LaidOutLines';
import { type FlowNode, sameNodeView } from './toFlow';
import { useInlineEditing } from './useInlineEditing';

/**
 * A typed component: icon, name (double-click to rename), kind line, replicas.
 * Its size and line breaks come from shared/export's layout, which exported
 * pictures use too: it grows to fit its name, then wraps to two lines, and
 * shows the whole text on hover whenever any of it had to be cut.
 */
export const ComponentNode = memo(function ComponentNode({ id, data, selected }: NodeProps<FlowNode>) {
  const label = useInlineEditing(id);
  const { node } = data;
  const info = kindInfo(node.kind);
  const Icon = iconFor(info.icon);
  const iconUrl = iconImageUrl(info.icon, useCategoryColour(info.category));
  // The layout reads only these; a move (a new node object) keeps it.
  const { label: name, kind, props } = node;
  const tech = props?.tech;
  const replicas = props?.replicas;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the node stands for the four fields it is laid out from.
  const layout = useMemo(() => componentLayout(node), [name, kind, tech, replicas]);
  return (
    <div
      className={`component cat-${info.category}${selected ? ' selected' : ''}`}
      style={{ width: layout.width, height: layout.height }}
      data-testid={`node-${id}`}
      data-kind={node.kind}
      title={layout.tooltip ? `${layout.tooltip}\n\n${info.description}` : info.description}
      onDoubleClick={label.start}
    >
      <div className="component-icon">
        {iconUrl ? (
          <img src={iconUrl} width={20} height={20} alt="" draggable={false} />
        ) : (
          <Icon size={20} strokeWidth={1.8} aria-hidden />
        )}
      </div>
      <div className="component-text">
        <InlineLabel
          value={node.label ?? ''}
          placeholder={info.label}
          placeholderIsName
          lines={layout.nameLines.lines}
          editing={label.editing}
          onCommit={label.commit}
          onDone={label.done}
        />
        {layout.kindLines.lines.length > 0 && (
          <span className="kind">
            <LaidOutLines source={layout.kindText} lines={layout.kindLines.lines} />
          </span>
        )}
      </div>
      {layout.badge && (
        <span className="replicas" style={{ width: layout.badge.width }} title={`${node.props?.replicas} replicas`}>
          {layout.badge.text}
        </span>
      )}
      {/*
       * Two handles, as React Flow's default node has: every handle is a store
       * subscriber that runs on each node update, so fewer keep large boards
       * fast while dragging. The target covers the whole node and takes the
       * pointer only while a connection is drawn (React Flow's
       * `connectionindicator`), so a person drops anywhere on the node. It
       * comes first so the source dot stays on top of it. Edges float
       * (floating.ts), so handle positions are not where edges are drawn, but
       * ProtocolEdge relies on them moving with the node's box: the dot's
       * point is the right edge's middle, the target's the bottom's middle.
       */}
      <Handle id="in" type="target" position={Position.Bottom} className="drop-target" isConnectableStart={false} />
      <Handle id="out" type="source" position={Position.Right} className="handle" />
    </div>
  );
}, sameNodeView);
