import { describe, expect, it } from 'vitest';
import { migrator } from '../../../shared/format/migrate';

describe('migrator', () => {
  const upgrade = migrator('test', 3, {
    1: (f) => ({ ...f, renamed: f.old, old: undefined }),
    2: (f) => ({ ...f, added: true }),
  });

  it('runs every step from the file’s version to the current one, in order', () => {
    expect(upgrade({ version: 1, old: 'x' })).toEqual({ version: 3, renamed: 'x', old: undefined, added: true });
    expect(upgrade({ version: 2, renamed: 'y' })).toEqual({ version: 3, renamed: 'y', added: true });
  });

  it('leaves a current file as it is', () => {
    const file = { version: 3, a: 1 };
    expect(upgrade(file)).toBe(file);
  });

  it('names the format and version when a step is missing', () => {
    expect(() => migrator('rubric', 2, {})({ version: 1 })).toThrow('no migration from rubric format version 1');
  });
});
