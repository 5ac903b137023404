import type { ComponentKind, NodeKind } from '../board/kinds';

/**
 * The role-resolution table: the words and product names by which people
 * label a box of each kind. A generic box (a `service`, or an external API)
 * labelled "Redis" is a cache for every rule; a database labelled "Cassandra"
 * is a NoSQL store even if it was dropped as `sql_db`. Every selector of the
 * rules engine reads roles through `roleOf`, so this is the one place to add
 * a product. Terms match whole words, case-insensitively, in the label and the
 * `tech` prop ("fan-out" = "fan out" = "fanout").
 */
export const ROLE_TERMS: Readonly<Partial<Record<ComponentKind, readonly string[]>>> = {
  cache: ['cache', 'redis', 'memcached', 'memcache', 'elasticache', 'hazelcast', 'keydb', 'dragonfly', 'valkey'],
  nosql_db: [
    'nosql',
    'cassandra',
    'dynamodb',
    'dynamo',
    'mongodb',
    'mongo',
    'hbase',
    'bigtable',
    'scylla',
    'scylladb',
    'riak',
    'couchbase',
    'cosmosdb',
    'key-value store',
    'kv store',
    'wide-column',
    'document store',
  ],
  sql_db: [
    'sql',
    'postgres',
    'postgresql',
    'mysql',
    'mariadb',
    'aurora',
    'rds',
    'oracle',
    'sqlite',
    'spanner',
    'cockroachdb',
    'vitess',
    'relational',
    'rdbms',
    'database',
    'db',
  ],
  graph_db: ['graph db', 'graph database', 'neo4j', 'neptune', 'janusgraph', 'social graph store'],
  timeseries_db: ['time series', 'timeseries', 'influxdb', 'timescaledb', 'prometheus tsdb', 'druid'],
  object_store: ['object store', 'object storage', 's3', 'gcs', 'blob', 'blob store', 'azure blob', 'minio', 'bucket'],
  search_index: ['elasticsearch', 'opensearch', 'solr', 'lucene', 'search index'],
  event_stream: ['kafka', 'kinesis', 'pulsar', 'event stream', 'event bus', 'log stream', 'redpanda', 'event hubs'],
  message_queue: ['queue', 'rabbitmq', 'sqs', 'activemq', 'celery', 'message queue', 'mq', 'task queue', 'job queue'],
  pubsub: ['pub/sub', 'pubsub', 'pub sub', 'google pub/sub', 'sns', 'nats', 'redis pub/sub', 'publish/subscribe'],
  load_balancer: ['load balancer', 'lb', 'elb', 'alb', 'nlb', 'haproxy', 'balancer'],
  api_gateway: ['api gateway', 'gateway', 'kong', 'apigee'],
  reverse_proxy: ['reverse proxy', 'nginx', 'envoy', 'traefik', 'proxy'],
  cdn: ['cdn', 'cloudfront', 'akamai', 'fastly', 'cloudflare', 'edge cache'],
  dns: ['dns', 'route 53', 'route53'],
  worker: [
    'worker',
    'workers',
    'consumer',
    'consumers',
    'job runner',
    'background job',
    'cron',
    'fan-out service',
    'fanout worker',
  ],
  websocket_server: [
    'websocket',
    'websockets',
    'ws server',
    'socket server',
    'chat server',
    'gateway server',
    'connection server',
    // "gateway" alone is an API gateway; a gateway that holds sockets is a chat server.
    'ws',
    'ws gateway',
    'websocket gateway',
    'socket gateway',
    'connection gateway',
    'chat gateway',
    'realtime gateway',
  ],
  id_generator: [
    'id generator',
    'key generation service',
    'key generation',
    'key generator',
    'kgs',
    'snowflake',
    'ticket server',
    'id service',
    'sequence service',
    'counter service',
  ],
  rate_limiter: ['rate limiter', 'rate limit', 'throttler', 'token bucket'],
  auth_service: ['auth', 'authentication', 'oauth', 'identity', 'login service', 'sso'],
  notification_service: ['notification', 'notifications', 'push service', 'apns', 'fcm', 'push notification', 'notifier'],
  monitoring: ['monitoring', 'metrics', 'grafana', 'datadog', 'prometheus', 'observability', 'logging', 'alerting'],
  coordinator: ['zookeeper', 'etcd', 'consul', 'coordinator', 'coordination', 'chubby'],
  data_warehouse: ['data warehouse', 'warehouse', 'bigquery', 'redshift', 'snowflake db', 'hive', 'data lake', 'clickhouse'],
};

/**
 * Roles a specific kind may be refined to. A generic box takes any role; a
 * database box may name another database's product (a `sql_db` labelled
 * "Cassandra" is NoSQL); a queue box may be a stream, a pub/sub or a queue.
 * Other kinds keep the kind they were drawn as.
 */
const REFINABLE: Readonly<Partial<Record<NodeKind, readonly ComponentKind[] | 'any'>>> = {
  service: 'any',
  external_api: 'any',
  sql_db: ['nosql_db', 'graph_db', 'timeseries_db', 'cache'],
  nosql_db: ['sql_db', 'graph_db', 'timeseries_db', 'cache'],
  message_queue: ['event_stream', 'pubsub'],
  event_stream: ['message_queue', 'pubsub'],
  pubsub: ['message_queue', 'event_stream'],
};

/**
 * Order in which roles are tried, most specific first: "Redis pub/sub" is a
 * pub/sub before it is a cache; "Key Generation Service" an id generator
 * before anything with "service"; "Postgres" a SQL store, never a "gateway".
 * A bare "database" or "DB" is tried last, as a relational store.
 */
export const ROLE_ORDER: readonly ComponentKind[] = [
  'pubsub',
  'id_generator',
  'rate_limiter',
  'notification_service',
  'websocket_server',
  'event_stream',
  'message_queue',
  'search_index',
  'graph_db',
  'timeseries_db',
  'data_warehouse',
  'object_store',
  'cdn',
  'nosql_db',
  'cache',
  'coordinator',
  'auth_service',
  'monitoring',
  'dns',
  'api_gateway',
  'load_balancer',
  'reverse_proxy',
  'worker',
  'sql_db',
];

const refinable = new Map<NodeKind, readonly ComponentKind[]>();
/** The roles a node drawn as `kind` may take from its label, in the order they are tried. */
export const refinableRoles = (kind: NodeKind): readonly ComponentKind[] => {
  let roles = refinable.get(kind);
  if (roles === undefined) {
    const allowed = REFINABLE[kind];
    roles = allowed === undefined ? [] : allowed === 'any' ? ROLE_ORDER : ROLE_ORDER.filter((r) => allowed.includes(r));
    refinable.set(kind, roles);
  }
  return roles;
};
