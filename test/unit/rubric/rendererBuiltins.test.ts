import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRICS, findRubric } from '../../../renderer/src/score/builtinRubrics';

// The renderer bundles the YAML files with Vite's ?raw: the same rubrics as the CLI reads from disk.
describe('renderer built-in rubrics', () => {
  it('bundles every rubric file of rubrics/, parsed, the original three first', () => {
    const files = readdirSync(new URL('../../../rubrics/', import.meta.url)).filter((f) => /\.(ya?ml|json)$/.test(f));
    const ids = BUILTIN_RUBRICS.map((r) => r.id);
    expect(ids.slice(0, 3)).toEqual(['url-shortener', 'chat', 'feed']);
    expect([...ids].sort()).toEqual(files.map((f) => f.replace(/\.[a-z]+$/, '')).sort());
  });

  it('gives every built-in question a category and a difficulty for the picker', () => {
    for (const r of BUILTIN_RUBRICS) {
      expect(r.category, r.id).toBeTruthy();
      expect(['easy', 'medium', 'hard'], r.id).toContain(r.difficulty);
    }
  });

  it('finds a question among built-ins and user rubrics', () => {
    const user = { ...BUILTIN_RUBRICS[0]!, id: 'mine' };
    expect(findRubric('chat')?.title).toBe('Chat / messaging app');
    expect(findRubric('mine', [user])).toBe(user);
    expect(findRubric('nope')).toBeNull();
    expect(findRubric(undefined)).toBeNull();
  });
});
