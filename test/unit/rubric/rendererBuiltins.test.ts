import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRICS, findRubric } from '../../../renderer/src/score/builtinRubrics';

// The renderer bundles the YAML files with Vite's ?raw: the same rubrics as the CLI reads from disk.
describe('renderer built-in rubrics', () => {
  it('bundles the three questions, parsed', () => {
    expect(BUILTIN_RUBRICS.map((r) => r.id)).toEqual(['url-shortener', 'chat', 'feed']);
  });

  it('finds a question among built-ins and user rubrics', () => {
    const user = { ...BUILTIN_RUBRICS[0]!, id: 'mine' };
    expect(findRubric('chat')?.title).toBe('Chat / messaging app');
    expect(findRubric('mine', [user])).toBe(user);
    expect(findRubric('nope')).toBeNull();
    expect(findRubric(undefined)).toBeNull();
  });
});
