import { describe, expect, it } from 'vitest';
import { parseRubric } from '../../../shared/rubric/parse';
import type { Rubric } from '../../../shared/rubric/schema';
import { buildGraph, scoreBoard, selectNodes, thinStepsMessage } from '../../../shared/rules';
import { board, chain, edge, node } from '../../fixtures/boards/builders';

/** A rubric written as a user would, so the file fields (flaw, severity, explain, steps, appliesWhen) are exercised too. */
const rubricOf = (rules: string): Rubric => {
  const r = parseRubric(
    `format: archdrill.rubric
version: 1
id: tiny
title: Tiny
summary: s
prompt: Design a thing that serves reads.
estimates:
  - { id: writes, label: Writes per second, quantity: qps, expected: 40/s, tolerance: 2.5, about: [write, writes], offHint: check the month → seconds step }
rules:
${rules}`,
    'tiny.yaml',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rubric;
};

const rubric = rubricOf(`
  - id: cache
    step: high_level
    weight: 4
    check: { type: component-exists, select: { kind: cache } }
    pass: cache
    hint: draw a cache
  - id: fan-out
    step: deep_dive
    weight: 4
    check: { type: path-exists, through: [{ kind: service }, { kind: queue }, { kind: worker }] }
    explain: { type: notes-mention, terms: [[fan-out]], prose: true }
    pass: fan-out drawn and explained
    hint: fan out through a queue and say why
  - id: no-client-to-store
    step: high_level
    weight: 2
    flaw: { type: client-reaches-datastore }
    severity: fatal
    pass: layered
    hint: a client must never reach the data directly
  - id: writes
    step: scope
    weight: 2
    steps: [understand]
    check: { type: estimate-within, estimate: writes }
    pass: writes ok
    hint: estimate writes
`);

const design = [node('u', 'client'), node('app', 'service'), node('c', 'cache'), node('q', 'message_queue'), node('w', 'worker')];
const good = board(design, [...chain('u', 'app', 'c'), ...chain('app', 'q', 'w')], {
  deep_dive: 'We fan out on write through the queue so that reading a feed is one lookup.',
  understand: 'About 40 writes/s.',
});

describe('scoring semantics', () => {
  it('gives full credit to a drawn and explained mechanism, and reads an extra step', () => {
    const r = scoreBoard(good, rubric);
    expect(r.rules.map((x) => [x.id, x.status])).toEqual([
      ['cache', 'passed'],
      ['fan-out', 'passed'],
      ['no-client-to-store', 'passed'],
      ['writes', 'passed'],
    ]);
    expect(r.percent).toBe(100);
    expect(r.band).toBe('strong');
  });

  it('gives partial credit, and says which half is missing', () => {
    const drawnOnly = scoreBoard({ ...good, notes: { understand: '40 writes/s' } }, rubric).rules[1]!;
    expect(drawnOnly).toMatchObject({ status: 'partial', credit: 0.5, mechanism: { drawn: true, explained: false } });
    expect(drawnOnly.explanation).toMatch(/^Drawn but not explained/);
    const saidOnly = scoreBoard(board(design, chain('u', 'app', 'c'), good.notes), rubric).rules[1]!;
    expect(saidOnly).toMatchObject({ status: 'partial', mechanism: { drawn: false, explained: true } });
    expect(saidOnly.explanation).toMatch(/^Mentioned in your notes but not drawn/);
  });

  it('keeps a design that skipped a step out of the top band, and says which step', () => {
    // Everything but the estimate: 10 of 12 points would be strong, but the scope step scored nothing.
    const r = scoreBoard({ ...good, notes: { deep_dive: good.notes.deep_dive! } }, rubric);
    expect(r.percent).toBeGreaterThanOrEqual(75);
    expect(r.band).toBe('acceptable');
    expect(r.uncappedBand).toBe('strong');
    expect(r.thinSteps).toEqual(['scope']);
    expect(thinStepsMessage(r)).toBe(
      'Strong needs every step: Define scope & requirements scored 0%. The band stays acceptable until it is answered.',
    );
    expect(scoreBoard(good, rubric).thinSteps).toBeUndefined();
  });

  it('names a fatal flaw at the top and caps the band below strong', () => {
    const flawed = { ...good, edges: [...good.edges, edge('u', 'c')] };
    const r = scoreBoard(flawed, rubric);
    expect(r.percent).toBeGreaterThanOrEqual(75);
    expect(r.band).toBe('acceptable');
    expect(r.uncappedBand).toBe('strong');
    expect(r.fatalFlaws.map((f) => f.ruleId)).toEqual(['no-client-to-store']);
    expect(r.fatalFlaws[0]!.evidence.edgeIds).toContain('u>c');
  });

  it('scores a not-applicable anti-pattern nothing either way', () => {
    const r = scoreBoard(board([node('u', 'client'), node('app', 'service')], [edge('u', 'app')]), rubric);
    const flaw = r.rules.find((x) => x.id === 'no-client-to-store')!;
    expect(flaw.status).toBe('not-applicable');
    expect(r.possible).toBe(10);
    expect(scoreBoard(board([], []), rubric).percent).toBe(0);
  });

  it('reports unconnected components, which earn nothing, and says so in the rule they would have earned', () => {
    const r = scoreBoard(board([...design, node('x', 'cache', { label: 'Spare cache' })], [edge('u', 'app')]), rubric);
    expect(r.unconnected.map((u) => u.id)).toEqual(['c', 'q', 'w', 'x']);
    expect(r.rules[0]!.status).toBe('failed');
    expect(r.rules[0]!.explanation).toBe(
      'Drawn, but your cache and “Spare cache” are not connected to the rest of the design, so they do not count. draw a cache',
    );
    // Mentioned and drawn, but the drawing is left out: the panel says why instead of "not drawn".
    const apart = board(
      [...design, node('s2', 'service', { label: 'Fan-out' })],
      [edge('u', 'app'), ...chain('s2', 'q', 'w')],
      good.notes,
    );
    const said = scoreBoard(apart, rubric).rules[1]!;
    expect(said).toMatchObject({ status: 'partial', mechanism: { drawn: false, explained: true } });
    expect(said.explanation).toBe(
      'Mentioned in your notes and drawn, but your message queue, worker and “Fan-out” are not connected to the rest of the design, so they do not count. fan out through a queue and say why',
    );
    // A rule the left-out boxes would not have earned either keeps its plain hint.
    const missing = scoreBoard(
      board([node('u', 'client'), node('app', 'service'), node('w', 'worker')], [edge('u', 'app')]),
      rubric,
    );
    expect(missing.rules[1]!.explanation).toBe('fan out through a queue and say why');
  });

  it('names the dead end in the rule it would have earned', () => {
    const queued = rubricOf(`
  - id: queue
    step: high_level
    weight: 2
    check: { type: path-exists, through: [{ kind: service }, { kind: queue }] }
    pass: queued
    hint: put a queue behind the service`);
    const r = scoreBoard(
      board([node('u', 'client'), node('app', 'service'), node('q', 'event_stream', { label: 'Kafka' })], chain('u', 'app', 'q')),
      queued,
    );
    expect(r.rules[0]!.explanation).toBe(
      'Drawn, but your “Kafka” leads nowhere (nothing reads from it), so it does not count. put a queue behind the service',
    );
  });

  it('reports what leads nowhere — a queue nothing reads, a load balancer with nothing behind it — and gives it nothing', () => {
    // A star: one service "calls" every box, so the queue has no consumer and the balancer no servers.
    const star = board(
      [
        node('u', 'client'),
        node('app', 'service'),
        node('q', 'message_queue', { label: 'Kafka' }),
        node('lb', 'load_balancer'),
        node('w', 'worker'),
      ],
      [...chain('u', 'app', 'q'), edge('app', 'lb'), edge('app', 'w')],
    );
    const r = scoreBoard(star, rubric);
    expect(r.deadEnds).toEqual([
      { id: 'q', kind: 'message_queue', label: 'Kafka', reason: 'nothing-reads', why: 'nothing reads from it' },
      { id: 'lb', kind: 'load_balancer', reason: 'nothing-behind', why: 'nothing is behind it' },
    ]);
    expect(r.unconnected).toEqual([]);
    expect(r.rules.find((x) => x.id === 'fan-out')!.mechanism).toMatchObject({ drawn: false });
    // Drawn with its consumer, the same queue takes part and earns the rule.
    const fixed = { ...star, edges: [...star.edges, edge('q', 'w'), edge('lb', 'app')] };
    expect(scoreBoard(fixed, rubric).deadEnds).toEqual([]);
    expect(scoreBoard(fixed, rubric).rules.find((x) => x.id === 'fan-out')!.mechanism).toMatchObject({ drawn: true });
  });

  it.each([
    ['a worker drawn pointing at the queue (how many draw a consumer)', [edge('app', 'q'), edge('w', 'q')], []],
    ['two producers on one queue', [edge('app', 'q'), edge('u2', 'q')], []],
    ['a consumer reading over async', [edge('app', 'q'), edge('w', 'q', { protocol: 'async' })], []],
    ['one producer, no consumer', [edge('app', 'q')], ['q']],
    ['a pub/sub one server box publishes to (the fleet publishes and subscribes)', [edge('app', 'ps')], []],
    ['a pub/sub only a client feeds', [edge('u', 'ps')], ['ps']],
    ['a balancer answering only the client', [edge('u', 'lb'), edge('lb', 'u'), edge('lb', 'app')], []],
    ['a balancer drawn with response arrows (app → LB → client)', [edge('app', 'lb'), edge('lb', 'u')], []],
    ['a balancer the service calls, with no client', [edge('app', 'lb')], ['lb']],
    ['a balancer that forwards to nothing', [edge('u', 'lb'), edge('u', 'app')], ['lb']],
    ['a CDN clients fetch from, origin not drawn', [edge('u', 'cdn'), edge('u', 'app')], []],
    ['a CDN with its origin store (drawn store → CDN)', [edge('s3', 'cdn'), edge('app', 's3')], []],
    ['a CDN drawn with response arrows (origin → CDN → client)', [edge('app', 'cdn'), edge('cdn', 'u')], []],
    ['a CDN the service calls, with no client and no origin', [edge('app', 'cdn')], ['cdn']],
  ])('dead ends: %s', (_what, edges, dead) => {
    const nodes = [
      node('u', 'client'),
      node('u2', 'service'),
      node('app', 'service'),
      node('q', 'message_queue'),
      node('w', 'worker'),
      node('lb', 'load_balancer'),
      node('cdn', 'cdn'),
      node('s3', 'object_store'),
      node('ps', 'pubsub'),
    ];
    const g = buildGraph(board(nodes, [edge('u', 'app'), edge('u', 'u2'), ...edges]));
    expect(g.deadEnds.map((d) => d.node.id)).toEqual(dead);
    for (const id of dead) expect(g.design.has(id)).toBe(false);
  });

  it('says by how much an estimate is off', () => {
    const r = scoreBoard({ ...good, notes: { scope: 'writes: 40,000/s' } }, rubric);
    expect(r.estimates[0]).toMatchObject({ estimate: 'writes', withinTolerance: false, found: '40,000/s' });
    expect(r.estimates[0]!.message).toBe('Your 40,000/s is 1,000× the ≈40/s the brief implies: check the month → seconds step.');
  });
});

describe('roles', () => {
  it.each([
    ['service', 'Redis', 'cache'],
    ['service', 'Memcached cluster', 'cache'],
    ['service', 'Cassandra', 'nosql_db'],
    ['service', 'DynamoDB table', 'nosql_db'],
    ['sql_db', 'Cassandra', 'nosql_db'],
    ['nosql_db', 'Messages DB', 'nosql_db'],
    ['service', 'Kafka', 'event_stream'],
    ['service', 'RabbitMQ', 'message_queue'],
    ['service', 'SQS', 'message_queue'],
    ['service', 'S3 bucket', 'object_store'],
    ['service', 'Key Generation Service', 'id_generator'],
    ['service', 'KGS', 'id_generator'],
    ['service', 'Redis pub/sub', 'pubsub'],
    ['service', 'Postgres', 'sql_db'],
    ['service', 'URL service', 'service'],
    // A gateway that holds sockets is a chat server; "gateway" alone an API gateway.
    ['service', 'WS gateway', 'websocket_server'],
    ['service', 'WebSocket gateway', 'websocket_server'],
    ['service', 'Gateway', 'api_gateway'],
    ['cache', 'Kafka', 'cache'],
    // Plurals name the role too (people label a box by what it holds several of).
    ['service', 'Load balancers (2)', 'load_balancer'],
    ['service', 'Caches', 'cache'],
    ['service', 'Reverse proxies', 'reverse_proxy'],
    ['service', 'Fan-out workers', 'worker'],
    ['service', 'API gateways', 'api_gateway'],
    // A category word in the plural re-types a drawn store no more than in the singular.
    ['nosql_db', 'Message caches', 'nosql_db'],
  ] as const)('a %s labelled "%s" plays %s', (kind, label, role) => {
    // Anywhere: a lone queue or balancer leads nowhere, and the role is what is asked here.
    const g = buildGraph(board([node('u', 'client'), node('x', kind, { label })], [edge('u', 'x')]));
    expect(selectNodes(g, { kind: role, anywhere: true }).map((n) => n.id)).toEqual(['x']);
  });

  it('reads the tech prop too', () => {
    const g = buildGraph(board([node('u', 'client'), node('x', 'service', { props: { tech: 'memcached' } })], [edge('u', 'x')]));
    expect(selectNodes(g, { kind: 'cache' })).toHaveLength(1);
  });
});

describe('selections shared between rules', () => {
  const g = buildGraph(
    board(
      [
        node('u', 'client'),
        node('a', 'service', { label: 'URL shortener' }),
        node('b', 'service', { label: 'Session shortener' }),
        node('c', 'cache', { label: 'lonely' }),
      ],
      [edge('u', 'a'), edge('u', 'b')],
    ),
  );
  const ids = (s: Parameters<typeof selectNodes>[1]) => selectNodes(g, s).map((n) => n.id);

  it('gives equal selectors the same nodes, whatever the order of their fields', () => {
    expect(ids({ label: ['shortener'], kind: 'service' })).toEqual(['a', 'b']);
    expect(ids({ kind: 'service', label: ['shortener'] })).toEqual(['a', 'b']);
  });

  it('keeps selectors apart that differ in any field', () => {
    expect(ids({ kind: 'service', label: ['shortener'], unless: ['session'] })).toEqual(['a']);
    expect(ids({ kind: 'service', label: 'shortener', unless: 'url' })).toEqual(['b']);
    expect(ids({ kind: 'cache' })).toEqual([]);
    expect(ids({ kind: 'cache', anywhere: true })).toEqual(['c']);
  });

  it('reads a label again when it changes between two scorings', () => {
    const renamed = buildGraph(board([node('u', 'client'), node('a', 'service', { label: 'Session store' })], [edge('u', 'a')]));
    expect(selectNodes(renamed, { kind: 'service', label: ['shortener'] })).toEqual([]);
  });
});
