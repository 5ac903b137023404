import { kindInfo } from '@shared/catalogue/catalogue';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { InlineLabel } from './InlineLabel';
import { iconImageUrl, useCategoryColour } from './iconImage';
import { iconFor } from './icons';
import type { FlowNode } from './toFlow';
import { useInlineEditing } from './useInlineEditing';

/** A typed component: icon, label (double-click to rename), kind, replicas and technology. */
export const ComponentNode = memo(function ComponentNode({ id, data, selected }: NodeProps<FlowNode>) {
  const label = useInlineEditing(id);
  const { node } = data;
  const info = kindInfo(node.kind);
  const Icon = iconFor(info.icon);
  const iconUrl = iconImageUrl(Icon, info.icon, useCategoryColour(info.category));
  const replicas = node.props?.replicas;
  const tech = node.props?.tech;
  // A label that only repeats the kind ("Client") needs no kind line under it.
  const named = Boolean(node.label) && node.label?.toLowerCase() !== info.label.toLowerCase();
  return (
    <div
      className={`component cat-${info.category}${selected ? ' selected' : ''}`}
      data-testid={`node-${id}`}
      data-kind={node.kind}
      title={info.description}
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
          editing={label.editing}
          onCommit={label.commit}
          onDone={label.done}
        />
        {(named || tech) && (
          <span className="kind">
            {[named ? info.label : '', typeof tech === 'string' ? tech : ''].filter(Boolean).join(' · ')}
          </span>
        )}
      </div>
      {typeof replicas === 'number' && replicas > 1 && (
        <span className="replicas" title={`${replicas} replicas`}>
          ×{replicas}
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
});
