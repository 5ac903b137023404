import { describe, expect, it } from 'vitest';
import { parsePresence, parseToken } from '../../../shared/collab';

const valid = {
  name: 'Ada',
  colour: '#3366ff',
  role: 'candidate',
  cursor: { x: -120.5, y: 40 },
  selection: { nodes: ['lb'], edges: [] },
  drag: [{ id: 'lb', x: 10, y: 20 }],
};

describe('presence from peers', () => {
  it('accepts a well-formed state', () => {
    expect(parsePresence(valid)).toEqual(valid);
    expect(parsePresence({ ...valid, cursor: null, drag: null })).not.toBeNull();
  });

  it.each([
    ['no state yet', null],
    ['an unknown role', { ...valid, role: 'admin' }],
    ['a colour that is not #rrggbb', { ...valid, colour: 'red' }],
    ['a blank name', { ...valid, name: '   ' }],
    ['a cursor at infinity', { ...valid, cursor: { x: Number.POSITIVE_INFINITY, y: 0 } }],
    ['a flood of selected ids', { ...valid, selection: { nodes: Array.from({ length: 501 }, (_, i) => `n${i}`), edges: [] } }],
  ])('ignores %s', (_what, state) => {
    expect(parsePresence(state)).toBeNull();
  });
});

describe('tokens', () => {
  it('read the role from the letter and refuse anything else', () => {
    expect(parseToken('s.AbCdEfGhIjKlMnOpQrStUg')).toEqual({ role: 'spectator', mac: 'AbCdEfGhIjKlMnOpQrStUg' });
    expect(parseToken('x.AbCdEfGhIjKlMnOpQrStUg')).toBeNull();
    expect(parseToken('c.short')).toBeNull();
  });
});
