import { readdirSync, readFileSync } from 'node:fs';
import { BOARD_FORMAT, decodeBoard, encodeBoard } from '@shared/board/codec';
import { CURRENT_VERSION } from '@shared/board/migrations';
import type { Board } from '@shared/board/types';
import { describe, expect, it } from 'vitest';
import { board, edge, node, SAMPLE_DIR } from '../../fixtures/boards/builders';

/** A file the way a user (or a later version of the app) might write it. */
const richFile = () => ({
  format: BOARD_FORMAT,
  version: 1,
  question: 'url-shortener',
  createdWith: { app: 'archdrill', build: 7 },
  theme: 'dark',
  nodes: [
    {
      id: 'client',
      kind: 'client',
      label: 'Browser',
      position: { x: -120.5, y: 40 },
      pinned: true,
      style: { colour: '#f80' },
    },
    {
      id: 'lb',
      kind: 'load_balancer',
      label: 'LB',
      position: { x: 0, y: 0 },
      props: { replicas: 2, tech: 'nginx', healthChecks: true },
    },
    { id: 'note', kind: 'text', label: 'Reads dominate', position: { x: 10, y: 200 }, size: { width: 220, height: 90 } },
  ],
  edges: [
    { id: 'e1', source: 'client', target: 'lb', label: 'HTTPS', protocol: 'http', waypoints: [{ x: 1, y: 2 }] },
    { id: 'e2', source: 'lb', target: 'note' },
  ],
  notes: { understand: 'Shorten URLs; 100M/day', scope: 'QPS ≈ 1160', custom_step: 'kept' },
});

const decodeOk = (text: string): Board => {
  const result = decodeBoard(text);
  if (!result.ok) throw new Error(`expected a board, got: ${result.error}`);
  return result.board;
};

const decodeError = (text: string): string => {
  const result = decodeBoard(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.error;
};

const withFile = (patch: (f: ReturnType<typeof richFile>) => unknown): string => JSON.stringify(patch(richFile()));

describe('board file round-trip', () => {
  it('decode → encode → decode gives the same board', () => {
    const first = decodeOk(JSON.stringify(richFile()));
    const second = decodeOk(encodeBoard(first));
    expect(second).toEqual(first);
  });

  it('keeps unknown fields at file, node and edge level', () => {
    const text = encodeBoard(decodeOk(JSON.stringify(richFile())));
    const written = JSON.parse(text);
    expect(written.createdWith).toEqual({ app: 'archdrill', build: 7 });
    expect(written.theme).toBe('dark');
    expect(written.nodes[0].pinned).toBe(true);
    expect(written.nodes[0].style).toEqual({ colour: '#f80' });
    expect(written.edges[0].waypoints).toEqual([{ x: 1, y: 2 }]);
    expect(written.notes.custom_step).toBe('kept');
  });

  it('writes the whole file back as it was read (same JSON value)', () => {
    const original = richFile();
    expect(JSON.parse(encodeBoard(decodeOk(JSON.stringify(original))))).toEqual(original);
  });

  it('keeps the type of each prop value (string, number, boolean)', () => {
    const lb = decodeOk(encodeBoard(decodeOk(JSON.stringify(richFile())))).nodes.find((n) => n.id === 'lb');
    expect(lb?.props).toEqual({ replicas: 2, tech: 'nginx', healthChecks: true });
    expect(typeof lb?.props?.replicas).toBe('number');
    expect(typeof lb?.props?.healthChecks).toBe('boolean');
  });

  it('is stable for a node with empty props (read as no props, as it is written)', () => {
    const text = withFile((f) => ({ ...f, nodes: [{ id: 'c', kind: 'cache', position: { x: 0, y: 0 }, props: {} }], edges: [] }));
    const first = decodeOk(text);
    expect(first.nodes[0]?.props).toBeUndefined();
    expect(decodeOk(encodeBoard(first))).toEqual(first);
  });

  it('encodes a board built in memory to a file that names the format and version', () => {
    const b = board([node('a', 'service'), node('b', 'cache')], [edge('a', 'b', 'tcp')], { deep_dive: 'cache-aside' });
    const file = JSON.parse(encodeBoard(b));
    expect(file.format).toBe(BOARD_FORMAT);
    expect(file.version).toBe(CURRENT_VERSION);
    expect(decodeOk(encodeBoard(b))).toEqual(b);
  });

  it('never lets unknown fields (say, from a partner’s doc) overwrite known ones', () => {
    const b = board([node('a', 'cache', { extra: { id: 'evil', position: 'nowhere', pinned: true } })], [], {});
    const withExtras: Board = {
      ...b,
      edges: [edge('a', 'a', { extra: { source: 'ghost', dashed: true } })],
      extra: { format: 'nope', version: 99, nodes: [], theme: 'dark' },
    };
    const back = decodeOk(encodeBoard(withExtras));
    expect(back.nodes).toEqual([node('a', 'cache', { extra: { pinned: true } })]);
    expect(back.edges).toEqual([edge('a', 'a', { extra: { dashed: true } })]);
    expect(back.extra).toEqual({ theme: 'dark' });
  });

  it('tolerates a UTF-8 byte-order mark', () => {
    expect(decodeOk(`\uFEFF${JSON.stringify(richFile())}`)).toEqual(decodeOk(JSON.stringify(richFile())));
  });

  it('accepts a file without notes or question', () => {
    const b = decodeOk(JSON.stringify({ format: BOARD_FORMAT, version: 1, nodes: [], edges: [] }));
    expect(b).toEqual({ nodes: [], edges: [], notes: {} });
  });

  it('never mutates the parsed input', () => {
    const text = JSON.stringify(richFile());
    const board1 = decodeOk(text);
    const snapshot = structuredClone(board1);
    encodeBoard(board1);
    expect(board1).toEqual(snapshot);
    expect(JSON.stringify(richFile())).toBe(text);
  });
});

describe('board file rejections (one clear sentence each)', () => {
  const cases: [string, string, RegExp][] = [
    ['a wrong format', withFile((f) => ({ ...f, format: 'excalidraw' })), /not an Archdrill board: "format" is "excalidraw"/],
    ['a missing format', withFile(({ format: _, ...f }) => f), /"format" is missing/],
    ['a newer version', withFile((f) => ({ ...f, version: 2 })), /newer Archdrill \(format version 2; this app reads up to 1\)/],
    ['a version that is not a whole number', withFile((f) => ({ ...f, version: '1' })), /"version" must be a whole number/],
    [
      'an edge from a missing node',
      withFile((f) => ({ ...f, edges: [{ id: 'e9', source: 'ghost', target: 'lb' }] })),
      /edges\[0\] \("e9"\) starts at a missing node "ghost"/,
    ],
    [
      'an edge to a missing node',
      withFile((f) => ({ ...f, edges: [...f.edges, { id: 'e9', source: 'lb', target: 'ghost' }] })),
      /edges\[2\] \("e9"\) ends at a missing node "ghost"/,
    ],
    [
      'a duplicate node id',
      withFile((f) => ({ ...f, nodes: [...f.nodes, { id: 'lb', kind: 'cache', position: { x: 0, y: 0 } }] })),
      /nodes\[3\]\.id: duplicate id "lb"/,
    ],
    [
      'a duplicate edge id',
      withFile((f) => ({ ...f, edges: [...f.edges, { id: 'e1', source: 'lb', target: 'client' }] })),
      /edges\[2\]\.id: duplicate id "e1"/,
    ],
    [
      'an unknown component kind',
      withFile((f) => ({ ...f, nodes: [{ id: 'm', kind: 'mainframe', position: { x: 0, y: 0 } }], edges: [] })),
      /nodes\[0\]\.kind: unknown component kind "mainframe"/,
    ],
    [
      'an unknown protocol',
      withFile((f) => ({ ...f, edges: [{ ...f.edges[0], protocol: 'carrier-pigeon' }] })),
      /edges\[0\]\.protocol: unknown protocol "carrier-pigeon"/,
    ],
    [
      'a nested prop value',
      withFile((f) => ({
        ...f,
        nodes: [{ id: 'x', kind: 'cache', position: { x: 0, y: 0 }, props: { ttl: { s: 1 } } }],
        edges: [],
      })),
      /nodes\[0\]\.props\.ttl/,
    ],
    [
      'a node without a position',
      withFile((f) => ({ ...f, nodes: [{ id: 'x', kind: 'cache' }], edges: [] })),
      /nodes\[0\]\.position/,
    ],
    ['truncated JSON', JSON.stringify(richFile()).slice(0, 200), /cut short \(truncated JSON\)/],
    ['truncated pretty-printed JSON', encodeBoard(board([node('a', 'cache')])).slice(0, 60), /cut short/],
    [
      'non-JSON bytes (a PNG read as text)',
      '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10',
      /not JSON \(it does not start with “\{”\)/,
    ],
    ['an empty file', '', /the file is empty/],
    ['a file of blank lines', '\n  \n', /the file is empty/],
    ['a JSON array', JSON.stringify([richFile()]), /JSON but not a board: expected an object/],
    ['JSON null', 'null', /JSON but not a board/],
    ['broken JSON in the middle', '{"format": "archdrill.board",, "version": 1}', /not valid JSON/],
    ['broken JSON across lines', '{\n  "format": tru\n, "version": 1\n}', /not valid JSON/],
    ['text after the board', `${JSON.stringify(richFile())}\n\nmore`, /not valid JSON/],
  ];

  it.each(cases)('rejects %s', (_name, text, message) => {
    const error = decodeError(text);
    expect(error).toMatch(message);
    expect(error).not.toMatch(/\n/);
  });
});

describe('sample boards', () => {
  const samples = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.archdrill.json'));

  it('exist', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples)('%s decodes and survives a round-trip', (name) => {
    const b = decodeOk(readFileSync(new URL(name, SAMPLE_DIR), 'utf8'));
    expect(b.nodes.length).toBeGreaterThan(0);
    expect(decodeOk(encodeBoard(b))).toEqual(b);
  });
});
