import { describe, expect, it } from 'vitest';
import { mapCaret } from '../../../renderer/src/interview/caret';

describe('caret mapping across a partner’s edit', () => {
  const prev = 'QPS is 40 per second';

  it('stays put when the edit is after the caret', () => {
    expect(mapCaret(prev, `${prev}, peak 120`, 3)).toBe(3);
  });

  it('shifts by the inserted length when the edit is before the caret', () => {
    expect(mapCaret(prev, `Write ${prev}`, 10)).toBe(16);
  });

  it('shifts back when text before the caret is deleted', () => {
    expect(mapCaret(prev, prev.slice(4), 10)).toBe(6);
  });

  it('moves to the end of the new text when the span around the caret was replaced', () => {
    expect(mapCaret('abcdef', 'abXYZef', 3)).toBe(5);
  });

  it('is the identity for unchanged text', () => {
    expect(mapCaret(prev, prev, 7)).toBe(7);
  });
});
