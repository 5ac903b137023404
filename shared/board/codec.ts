import { z } from 'zod';
import { NODE_KINDS, PROTOCOLS } from './kinds';
import { CURRENT_VERSION, migrate } from './migrations';
import type { Board, BoardEdge, BoardNode } from './types';

/**
 * The public board file format (`*.archdrill.json`), version 1.
 * One schema; unknown fields are kept (loose objects) and written back.
 */
export const BOARD_FORMAT = 'archdrill.board';
export const BOARD_FILE_EXTENSION = '.archdrill.json';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const propValue = z.union([z.string(), finite, z.boolean()]);

const nodeSchema = z.looseObject({
  id: z.string().min(1, 'must not be empty'),
  kind: z.enum(NODE_KINDS, { error: (i) => `unknown component kind ${JSON.stringify(i.input)}` }),
  label: z.string().optional(),
  position: z.object({ x: finite, y: finite }),
  props: z.record(z.string(), propValue).optional(),
  size: z
    .object({ width: finite.refine((n) => n > 0, 'must be > 0'), height: finite.refine((n) => n > 0, 'must be > 0') })
    .optional(),
});

const edgeSchema = z.looseObject({
  id: z.string().min(1, 'must not be empty'),
  source: z.string().min(1, 'must not be empty'),
  target: z.string().min(1, 'must not be empty'),
  label: z.string().optional(),
  protocol: z.enum(PROTOCOLS, { error: (i) => `unknown protocol ${JSON.stringify(i.input)}` }).optional(),
});

export const boardFileSchema = z.looseObject({
  format: z.literal(BOARD_FORMAT),
  version: z.literal(CURRENT_VERSION),
  question: z.string().optional(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  notes: z.record(z.string(), z.string()).optional(),
});

export type BoardFile = z.infer<typeof boardFileSchema>;

export type DecodeResult = { readonly ok: true; readonly board: Board } | { readonly ok: false; readonly error: string };

const fail = (error: string): DecodeResult => ({ ok: false, error });

const FILE_KEYS = ['format', 'version', 'question', 'nodes', 'edges', 'notes'] as const;
const NODE_KEYS = ['id', 'kind', 'label', 'position', 'props', 'size'] as const;
const EDGE_KEYS = ['id', 'source', 'target', 'label', 'protocol'] as const;

const splitExtra = <T extends Record<string, unknown>>(obj: T, known: readonly string[]) => {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!known.includes(k)) extra[k] = v;
  return Object.keys(extra).length > 0 ? extra : undefined;
};

const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

/** Explains why `text` is not JSON: cut short, or not JSON at all. */
const jsonProblem = (text: string, err: unknown): string => {
  const trimmed = text.trim();
  if (trimmed === '') return 'the file is empty';
  if (!/^[[{]/.test(trimmed)) return 'the file is not JSON (it does not start with “{”); is it a board file?';
  // V8 quotes a snippet of the file in its message; keep the reason on one line.
  const msg = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
  const at = /position (\d+)/.exec(msg);
  const truncated = /end of (JSON )?input/i.test(msg) || (at !== null && Number(at[1]) >= text.trimEnd().length);
  return truncated
    ? 'the file is cut short (truncated JSON); it was probably not saved completely'
    : `the file is not valid JSON: ${msg}`;
};

/**
 * Parses the text of a board file. Never throws; on failure returns one
 * clear sentence naming what is wrong and where.
 */
export const decodeBoard = (text: string): DecodeResult => {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return fail(jsonProblem(text, err));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('the file is JSON but not a board: expected an object');
  const obj = raw as Record<string, unknown>;
  if (obj.format !== BOARD_FORMAT)
    return fail(`not an Archdrill board: "format" is ${JSON.stringify(obj.format) ?? 'missing'}, expected "${BOARD_FORMAT}"`);
  if (typeof obj.version !== 'number' || !Number.isInteger(obj.version) || obj.version < 1)
    return fail(`"version" must be a whole number ≥ 1, got ${JSON.stringify(obj.version) ?? 'nothing'}`);
  if (obj.version > CURRENT_VERSION)
    return fail(
      `this board was saved by a newer Archdrill (format version ${obj.version}; this app reads up to ${CURRENT_VERSION}): update the app to open it`,
    );
  const migrated = migrate(obj);
  const parsed = boardFileSchema.safeParse(migrated);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : '';
    return fail(`invalid board: ${where ? `${where}: ` : ''}${issue?.message ?? 'unknown problem'}`);
  }
  const file = parsed.data;
  const ids = new Set<string>();
  for (const [i, n] of file.nodes.entries()) {
    if (ids.has(n.id)) return fail(`invalid board: nodes[${i}].id: duplicate id "${n.id}"`);
    ids.add(n.id);
  }
  const edgeIds = new Set<string>();
  for (const [i, e] of file.edges.entries()) {
    if (edgeIds.has(e.id)) return fail(`invalid board: edges[${i}].id: duplicate id "${e.id}"`);
    edgeIds.add(e.id);
    if (!ids.has(e.source)) return fail(`invalid board: edges[${i}] ("${e.id}") starts at a missing node "${e.source}"`);
    if (!ids.has(e.target)) return fail(`invalid board: edges[${i}] ("${e.id}") ends at a missing node "${e.target}"`);
  }
  const nodes: BoardNode[] = file.nodes.map((n) => {
    const extra = splitExtra(n, NODE_KEYS);
    return {
      id: n.id,
      kind: n.kind,
      position: { x: n.position.x, y: n.position.y },
      ...(n.label !== undefined && { label: n.label }),
      // Empty props are not written back (encodeBoard, the doc), so reading drops them too: a round-trip is stable.
      ...(n.props !== undefined && Object.keys(n.props).length > 0 && { props: n.props }),
      ...(n.size !== undefined && { size: n.size }),
      ...(extra && { extra }),
    };
  });
  const edges: BoardEdge[] = file.edges.map((e) => {
    const extra = splitExtra(e, EDGE_KEYS);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      ...(e.label !== undefined && { label: e.label }),
      ...(e.protocol !== undefined && { protocol: e.protocol }),
      ...(extra && { extra }),
    };
  });
  const extra = splitExtra(file, FILE_KEYS);
  return {
    ok: true,
    board: {
      ...(file.question !== undefined && { question: file.question }),
      nodes,
      edges,
      notes: file.notes ?? {},
      ...(extra && { extra }),
    },
  };
};

/**
 * Serialises a board to the file format; unknown fields follow the known ones.
 * `extra` may come from a partner's doc, so a key named like a known field is dropped, never written over it.
 */
export const encodeBoard = (board: Board): string => {
  const file = {
    format: BOARD_FORMAT,
    version: CURRENT_VERSION,
    ...(board.question !== undefined && { question: board.question }),
    nodes: board.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      ...(n.label !== undefined && { label: n.label }),
      position: { x: n.position.x, y: n.position.y },
      ...(n.props !== undefined && Object.keys(n.props).length > 0 && { props: n.props }),
      ...(n.size !== undefined && { size: n.size }),
      ...splitExtra(n.extra ?? {}, NODE_KEYS),
    })),
    edges: board.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      ...(e.label !== undefined && { label: e.label }),
      ...(e.protocol !== undefined && { protocol: e.protocol }),
      ...splitExtra(e.extra ?? {}, EDGE_KEYS),
    })),
    notes: board.notes,
    ...splitExtra(board.extra ?? {}, FILE_KEYS),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
};
