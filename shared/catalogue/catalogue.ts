import type { NodeKind } from '../board/kinds';

/** Palette categories; each has its own colour in the UI. */
export const CATEGORIES = ['network', 'compute', 'storage', 'messaging', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  network: 'Network & edge',
  compute: 'Compute',
  storage: 'Storage',
  messaging: 'Messaging',
  other: 'Other',
};

export interface KindInfo {
  readonly kind: NodeKind;
  readonly label: string;
  readonly category: Category;
  /** One line shown on hover in the palette and in the inspector. */
  readonly description: string;
  /** Icon name; the renderer maps it to an icon component. */
  readonly icon: string;
  /** Single key that adds this kind at the viewport centre. */
  readonly key?: string;
}

/** The component catalogue, in palette order. Descriptions are our own words from the system-design notes. */
export const CATALOGUE: readonly KindInfo[] = [
  {
    kind: 'client',
    label: 'Client',
    category: 'network',
    icon: 'monitor-smartphone',
    key: 'u',
    description: 'A user’s browser or mobile app: the start of every request path; never let it reach a database directly.',
  },
  {
    kind: 'dns',
    label: 'DNS',
    category: 'network',
    icon: 'globe',
    key: 'n',
    description:
      'Resolves a domain to IP addresses; geo-DNS routes users to the nearest region and enables failover between regions.',
  },
  {
    kind: 'cdn',
    label: 'CDN',
    category: 'network',
    icon: 'cloud',
    key: 'f',
    description:
      'Edge servers close to users that cache static files and media; cuts latency and origin load (push or pull, TTL-based).',
  },
  {
    kind: 'load_balancer',
    label: 'Load balancer',
    category: 'network',
    icon: 'split',
    key: 'l',
    description:
      'Spreads requests over healthy servers (round robin, least connections, IP hash; L4 or L7); run two or more to avoid a single point of failure.',
  },
  {
    kind: 'api_gateway',
    label: 'API gateway',
    category: 'network',
    icon: 'door-open',
    key: 'g',
    description: 'One entry point for clients: routing, authentication, rate limiting, request shaping and API composition.',
  },
  {
    kind: 'reverse_proxy',
    label: 'Reverse proxy',
    category: 'network',
    icon: 'shield',
    key: 'p',
    description: 'Sits in front of servers to terminate TLS, compress, cache and hide the backends (nginx, HAProxy, Envoy).',
  },
  {
    kind: 'service',
    label: 'Service',
    category: 'compute',
    icon: 'server',
    key: 's',
    description:
      'A stateless application server or microservice; scale it horizontally behind a load balancer. Name it for what it does.',
  },
  {
    kind: 'websocket_server',
    label: 'WebSocket server',
    category: 'compute',
    icon: 'radio-tower',
    key: 'w',
    description: 'Holds long-lived, full-duplex connections so the server can push in real time (chat, presence, live updates).',
  },
  {
    kind: 'worker',
    label: 'Worker',
    category: 'compute',
    icon: 'cog',
    key: 'k',
    description:
      'Background process that consumes jobs from a queue or stream: fan-out, thumbnails, emails, analytics; retries with idempotency.',
  },
  {
    kind: 'cache',
    label: 'Cache',
    category: 'storage',
    icon: 'zap',
    key: 'c',
    description:
      'In-memory key-value store in front of a slower store (Redis, Memcached); cache-aside, write-through or write-back; evicts LRU/LFU.',
  },
  {
    kind: 'sql_db',
    label: 'SQL database',
    category: 'storage',
    icon: 'database',
    key: 'd',
    description:
      'Relational store with schemas, joins and ACID transactions (PostgreSQL, MySQL); scale reads with replicas, writes by sharding.',
  },
  {
    kind: 'nosql_db',
    label: 'NoSQL database',
    category: 'storage',
    icon: 'database-zap',
    key: 'b',
    description:
      'Key-value, document or wide-column store (DynamoDB, Cassandra, MongoDB); flexible schema, BASE, scales horizontally by partition key.',
  },
  {
    kind: 'graph_db',
    label: 'Graph database',
    category: 'storage',
    icon: 'share-2',
    description: 'Stores nodes and relationships for many-hop queries such as social graphs and recommendations (Neo4j).',
  },
  {
    kind: 'timeseries_db',
    label: 'Time-series DB',
    category: 'storage',
    icon: 'chart-line',
    description: 'Optimised for timestamped appends and range queries: metrics, IoT, monitoring (InfluxDB, TimescaleDB).',
  },
  {
    kind: 'object_store',
    label: 'Object store',
    category: 'storage',
    icon: 'archive',
    key: 'o',
    description: 'Cheap, durable blob storage for images, video, files and backups (S3, GCS); serve it through a CDN.',
  },
  {
    kind: 'search_index',
    label: 'Search index',
    category: 'storage',
    icon: 'search',
    key: 'i',
    description:
      'Inverted index for full-text search and ranking (Elasticsearch, OpenSearch), fed asynchronously from the primary store.',
  },
  {
    kind: 'message_queue',
    label: 'Message queue',
    category: 'messaging',
    icon: 'list-ordered',
    key: 'q',
    description:
      'Buffers work between producers and consumers (SQS, RabbitMQ): decouples services, absorbs spikes, retries and dead-letters.',
  },
  {
    kind: 'event_stream',
    label: 'Event stream',
    category: 'messaging',
    icon: 'scroll-text',
    key: 'e',
    description:
      'Durable, ordered, replayable log partitioned by key (Kafka, Kinesis); many consumer groups read the same events.',
  },
  {
    kind: 'pubsub',
    label: 'Pub/sub',
    category: 'messaging',
    icon: 'megaphone',
    key: 'm',
    description:
      'Publishers broadcast to topics and every subscriber gets a copy (Redis pub/sub, SNS); used to route messages between servers.',
  },
  {
    kind: 'notification_service',
    label: 'Notifications',
    category: 'messaging',
    icon: 'bell',
    description:
      'Sends push (APNs/FCM), email and SMS to users who are offline or away; batches, retries and respects preferences.',
  },
  {
    kind: 'rate_limiter',
    label: 'Rate limiter',
    category: 'other',
    icon: 'gauge',
    key: 'r',
    description:
      'Caps requests per user, key or IP (token bucket, leaky bucket, sliding window) to stop abuse and protect the backends.',
  },
  {
    kind: 'id_generator',
    label: 'ID generator',
    category: 'other',
    icon: 'hash',
    description:
      'Issues unique ids without a central bottleneck: Snowflake-style (time + machine + sequence), ranges or counters, encoded base62.',
  },
  {
    kind: 'auth_service',
    label: 'Auth service',
    category: 'other',
    icon: 'key-round',
    key: 'a',
    description: 'Authenticates users and issues tokens (OAuth 2.0, JWT, sessions); other services only verify.',
  },
  {
    kind: 'monitoring',
    label: 'Monitoring',
    category: 'other',
    icon: 'activity',
    key: 'y',
    description: 'Metrics, logs, traces and alerts (Prometheus, Grafana): how you find out something failed before users do.',
  },
  {
    kind: 'coordinator',
    label: 'Coordinator',
    category: 'other',
    icon: 'network',
    description: 'Consensus-backed configuration, leader election and service discovery (ZooKeeper, etcd, Consul).',
  },
  {
    kind: 'data_warehouse',
    label: 'Data warehouse',
    category: 'storage',
    icon: 'warehouse',
    description: 'Columnar store for analytics over history (BigQuery, Snowflake, Redshift), loaded by batch or stream ETL.',
  },
  {
    kind: 'external_api',
    label: 'External API',
    category: 'other',
    icon: 'plug',
    description: 'A third-party system you call (payments, maps, SMS); wrap it with timeouts, retries and a circuit breaker.',
  },
  {
    kind: 'text',
    label: 'Text note',
    category: 'other',
    icon: 'type',
    key: 't',
    description: 'A free-text annotation on the canvas; not scored as a component.',
  },
  {
    kind: 'group',
    label: 'Group frame',
    category: 'other',
    icon: 'frame',
    key: 'x',
    description: 'A labelled frame around related components (a region, a tier, a team’s services).',
  },
];

const byKind = new Map<string, KindInfo>(CATALOGUE.map((info) => [info.kind, info]));

/** The catalogue entry of a kind. */
export const kindInfo = (kind: NodeKind): KindInfo => byKind.get(kind) as KindInfo;

/** What people call a box: its label, else its kind's name ("Load balancer"). */
export const displayName = (c: { readonly label?: string | undefined; readonly kind: NodeKind }): string =>
  c.label || kindInfo(c.kind).label;

/** The kind bound to a single palette key, if any. */
export const kindForKey = (key: string): NodeKind | undefined => CATALOGUE.find((info) => info.key === key.toLowerCase())?.kind;
