import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_TYPES, CHECKS } from '../../../shared/rules/registry';

describe('check registry', () => {
  it('is sorted by type', () => {
    expect(CHECK_TYPES).toEqual([...CHECK_TYPES].sort((a, b) => a.localeCompare(b)));
  });

  it.each(CHECKS.map((c) => [c.type, c] as const))(
    '%s has a kebab-case type, a file, a description and a test',
    (type, check) => {
      expect(type).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(
        existsSync(new URL(`../../../shared/rules/checks/${type}.ts`, import.meta.url)),
        'source file named after the type',
      ).toBe(true);
      expect(check.meta.description.length, 'a description').toBeGreaterThan(20);
      expect(existsSync(new URL(`./checks/${type}.test.ts`, import.meta.url)), `test/unit/rules/checks/${type}.test.ts`).toBe(
        true,
      );
    },
  );
});
