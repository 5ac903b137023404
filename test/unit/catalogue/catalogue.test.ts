import { COMPONENT_KINDS, DECORATION_KINDS, isComponentKind, isNodeKind, NODE_KINDS, PROTOCOLS } from '@shared/board/kinds';
import { CATALOGUE, CATEGORIES, CATEGORY_LABELS, kindForKey, kindInfo } from '@shared/catalogue/catalogue';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md's lists, copied here on purpose: these ids are written into users'
 * files, so changing one must break a test, not silently break old boards.
 */
const DESIGN_COMPONENT_KINDS = [
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
];
const DESIGN_PROTOCOLS = ['http', 'grpc', 'websocket', 'tcp', 'async', 'replication', 'other'];

describe('component kinds (public format)', () => {
  it('are exactly the ids DESIGN.md fixes, plus the text and group decorations', () => {
    expect([...COMPONENT_KINDS]).toEqual(DESIGN_COMPONENT_KINDS);
    expect([...DECORATION_KINDS]).toEqual(['text', 'group']);
    expect([...NODE_KINDS]).toEqual([...DESIGN_COMPONENT_KINDS, 'text', 'group']);
  });

  it('protocols are exactly the ones DESIGN.md fixes', () => {
    expect([...PROTOCOLS]).toEqual(DESIGN_PROTOCOLS);
  });

  it('tells components from decorations and from unknown kinds', () => {
    expect(isComponentKind('cache')).toBe(true);
    expect(isComponentKind('text')).toBe(false);
    expect(isNodeKind('group')).toBe(true);
    expect(isNodeKind('mainframe')).toBe(false);
    // Lookups are by own id, not by prototype keys.
    expect(isNodeKind('constructor')).toBe(false);
  });
});

describe('catalogue', () => {
  it('has exactly one entry per node kind', () => {
    const kinds = CATALOGUE.map((info) => info.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual([...NODE_KINDS].sort());
  });

  it.each([...NODE_KINDS])('describes %s with a label, a category, a one-line description and an icon', (kind) => {
    const info = kindInfo(kind);
    expect(info.kind).toBe(kind);
    expect(info.label.trim()).not.toBe('');
    expect(CATEGORIES).toContain(info.category);
    expect(info.description.trim().length).toBeGreaterThan(20);
    expect(info.description).not.toMatch(/\n/);
    expect(info.icon).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every category a label and uses each one', () => {
    for (const c of CATEGORIES) {
      expect(CATEGORY_LABELS[c]).toBeTruthy();
      expect(CATALOGUE.some((info) => info.category === c)).toBe(true);
    }
  });

  it('binds no palette key to two kinds, and keys are single lowercase letters', () => {
    const keys = CATALOGUE.flatMap((info) => (info.key === undefined ? [] : [info.key]));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z]$/);
  });

  it('kindForKey finds the kind of every palette key, either case, and nothing for free keys', () => {
    for (const info of CATALOGUE) {
      if (info.key === undefined) continue;
      expect(kindForKey(info.key)).toBe(info.kind);
      expect(kindForKey(info.key.toUpperCase())).toBe(info.kind);
    }
    const used = new Set(CATALOGUE.map((info) => info.key));
    const free = [...'abcdefghijklmnopqrstuvwxyz'].find((k) => !used.has(k));
    if (free) expect(kindForKey(free)).toBeUndefined();
    expect(kindForKey('')).toBeUndefined();
  });
});
