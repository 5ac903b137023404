/**
 * Component kinds. The ids are part of the public board format (DESIGN.md):
 * never rename one; add new ones at the end.
 */
export const COMPONENT_KINDS = [
  'client',
  'dns',
  'cdn',
  'load_balancer',
  'api_gateway',
  'reverse_proxy',
  'service',
  'websocket_server',
  'worker',
  'cache',
  'sql_db',
  'nosql_db',
  'graph_db',
  'timeseries_db',
  'object_store',
  'search_index',
  'message_queue',
  'event_stream',
  'pubsub',
  'notification_service',
  'rate_limiter',
  'id_generator',
  'auth_service',
  'monitoring',
  'coordinator',
  'data_warehouse',
  'external_api',
] as const;

/** Not components: an annotation and a frame that groups components. */
export const DECORATION_KINDS = ['text', 'group'] as const;

export const NODE_KINDS = [...COMPONENT_KINDS, ...DECORATION_KINDS] as const;

export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export type DecorationKind = (typeof DECORATION_KINDS)[number];
export type NodeKind = (typeof NODE_KINDS)[number];

const componentKindSet: ReadonlySet<string> = new Set(COMPONENT_KINDS);
const nodeKindSet: ReadonlySet<string> = new Set(NODE_KINDS);

export const isComponentKind = (kind: string): kind is ComponentKind => componentKindSet.has(kind);
export const isNodeKind = (kind: string): kind is NodeKind => nodeKindSet.has(kind);

/** Edge protocols of the board format; `async` is a queue or stream hop. */
export const PROTOCOLS = ['http', 'grpc', 'websocket', 'tcp', 'async', 'replication', 'other'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
