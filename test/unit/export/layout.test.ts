import { PROTOCOLS } from '@shared/board/kinds';
import type { BoardNode } from '@shared/board/types';
import { floatingEndpoints, placeEdgeLabel } from '@shared/export/edgeLayout';
import { COMPONENT_BOX, componentLayout, nodeBox } from '@shared/export/nodeLayout';
import { PROTOCOL_STYLE } from '@shared/export/protocols';
import { measureText, wrapText } from '@shared/export/textMeasure';
import { describe, expect, it } from 'vitest';

const component = (label: string, props?: BoardNode['props']): BoardNode => ({
  id: 'n',
  kind: 'service',
  label,
  position: { x: 0, y: 0 },
  ...(props && { props }),
});

describe('text measurement', () => {
  it('uses Arial/Liberation widths: bold wider than regular, a space narrower than an M', () => {
    expect(measureText('Shortener service', { size: 13, bold: true })).toBeGreaterThan(
      measureText('Shortener service', { size: 13 }),
    );
    expect(measureText(' ', { size: 10 })).toBeCloseTo(2.78, 1);
    expect(measureText('M', { size: 10 })).toBeCloseTo(8.33, 1);
    expect(measureText('漢字', { size: 10 })).toBe(20);
  });

  it('wraps at words, breaks words longer than a line, and marks what it cut', () => {
    expect(wrapText('one two three', 40, { size: 13 }).lines).toEqual(['one', 'two', 'three']);
    expect(wrapText('https://example.com/a/very/long/path', 60, { size: 13 }).lines.length).toBeGreaterThan(2);
    const cut = wrapText('one two three four five', 40, { size: 13 }, 2);
    expect(cut.truncated).toBe(true);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]).toMatch(/…$/);
  });
});

describe('component layout', () => {
  it('keeps the usual size for a short name', () => {
    const l = componentLayout(component('API'));
    expect([l.width, l.height]).toEqual([COMPONENT_BOX.minWidth, COMPONENT_BOX.minHeight]);
  });

  it('grows to fit a longer name on one line, up to the maximum', () => {
    const l = componentLayout(component('ID ranges (ZooKeeper)'));
    expect(l.width).toBeGreaterThan(COMPONENT_BOX.minWidth);
    expect(l.width).toBeLessThanOrEqual(COMPONENT_BOX.maxWidth);
    expect(l.nameLines.lines).toEqual(['ID ranges (ZooKeeper)']);
  });

  it('then wraps to two lines and grows taller, with nothing cut', () => {
    const l = componentLayout(component('Messages (partitioned by conversation)'));
    expect(l.width).toBe(COMPONENT_BOX.maxWidth);
    expect(l.nameLines.lines).toHaveLength(2);
    expect(l.nameLines.lines.join(' ')).toBe('Messages (partitioned by conversation)');
    expect(l.height).toBeGreaterThan(COMPONENT_BOX.minHeight);
    expect(l.tooltip).toBe('');
  });

  it('shows the technology the person typed in full, over two lines if need be', () => {
    const l = componentLayout(component('URL store', { tech: 'Cassandra with LWT' }));
    expect(l.kindLines.lines.join(' ')).toBe('Service · Cassandra with LWT');
  });

  it('makes room for the replica badge inside the box', () => {
    const plain = componentLayout(component('Shortener service'));
    const badged = componentLayout(component('Shortener service', { replicas: 4 }));
    expect(badged.badge?.text).toBe('×4');
    expect(badged.textWidth).toBeLessThan(plain.textWidth + 1);
    expect(badged.nameLines.lines).toEqual(['Shortener service']);
  });
});

describe('edge labels', () => {
  const a = nodeBox({ id: 'a', kind: 'client', position: { x: 0, y: 0 } });
  const b = nodeBox({ id: 'b', kind: 'load_balancer', position: { x: 220, y: 0 } });

  it('sit on the middle of a long line', () => {
    const far = nodeBox({ id: 'c', kind: 'cache', position: { x: 600, y: 0 } });
    const p = placeEdgeLabel('HTTPS', floatingEndpoints(a, far), [a, far]);
    expect(p.beside).toBe(false);
    expect(p.y).toBe(28);
  });

  it('move beside a short line, never covering it or the nodes it joins', () => {
    const ends = floatingEndpoints(a, b);
    const p = placeEdgeLabel('HTTPS', ends, [a, b]);
    expect(p.beside).toBe(true);
    // The line is at y = 28 between x = 176 and 220; the label's box stays above it and off both boxes.
    expect(p.y + p.height / 2).toBeLessThan(28);
    expect(p.y + p.height / 2 <= a.y || (p.x - p.width / 2 >= a.x + a.width && p.x + p.width / 2 <= b.x)).toBe(true);
  });
});

describe('protocol styles', () => {
  it('tell every protocol apart by line or marker, without its label', () => {
    const looks = PROTOCOLS.map((p) => {
      const s = PROTOCOL_STYLE[p];
      return `${s.dash ?? 'solid'} ${s.end} ${s.start ?? ''} ${s.width}`;
    });
    expect(new Set(looks).size).toBe(PROTOCOLS.length);
  });
});
