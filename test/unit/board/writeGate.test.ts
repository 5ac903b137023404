import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * "One gate for every write": only renderer/src/board/editor.ts changes the
 * board's doc. Biome's noRestrictedImports (biome.json) fails the build when
 * a renderer file imports a shared writer; this test keeps that list complete
 * (every shared function that writes a doc is on it) and catches what an
 * import rule cannot see (a transaction or a Y type mutated by hand).
 */
const root = resolve(import.meta.dirname, '../../..');
const GATE = 'renderer/src/board/editor.ts';

const filesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** Shared functions that take a doc and write it: an `origin` parameter, a transaction, or a Y map/array mutation. */
const sharedWriters = (): Map<string, string[]> => {
  const byModule = new Map<string, string[]>();
  for (const file of filesUnder('shared')) {
    const text = readFileSync(join(root, file), 'utf8');
    const chunks = text.split(/\n(?=(?:export )?(?:const|function|interface|type) )/);
    for (const chunk of chunks) {
      const m = /^export const (\w+) = \(\s*doc: Y\.Doc([^)]*)\)/s.exec(chunk);
      if (!m) continue;
      const writes = /\borigin\b/.test(m[2]!) || /\.transact\(|\.(set|delete|insert|clear)\(|\.push\(\[/.test(chunk);
      if (!writes) continue;
      const module = `@shared/${relative('shared', file).replace(/\.ts$/, '')}`;
      byModule.set(module, [...(byModule.get(module) ?? []), m[1]!]);
    }
  }
  return byModule;
};

/** biome.json's renderer override: the restricted names per module. */
const lintRestrictions = (): Record<string, { importNames?: string[] } | string> => {
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as {
    overrides: { includes: string[]; linter?: { rules?: { style?: { noRestrictedImports?: { options: { paths: never } } } } } }[];
  };
  const renderer = config.overrides.find((o) => o.includes.includes('renderer/**'));
  return renderer?.linter?.rules?.style?.noRestrictedImports?.options.paths ?? {};
};

describe('one gate for every write', () => {
  it('finds the shared writers (the check is not vacuous)', () => {
    const writers = sharedWriters();
    expect(writers.get('@shared/board/doc')).toEqual(expect.arrayContaining(['addNodes', 'replaceBoard', 'setNotes']));
    expect(writers.get('@shared/interview/timerDoc')).toEqual(expect.arrayContaining(['applyTimer']));
    expect(writers.get('@shared/session/policy')).toEqual(['writePolicy']);
  });

  it('the lint rule forbids the renderer every shared function that writes a doc', () => {
    const restricted = lintRestrictions();
    for (const [module, names] of sharedWriters()) {
      const rule = restricted[module];
      const listed = typeof rule === 'object' ? (rule.importNames ?? []) : [];
      expect(listed, `biome.json: noRestrictedImports for ${module}`).toEqual(expect.arrayContaining(names));
    }
  });

  it('no renderer file but the editor imports a writer, opens a transaction or mutates a Y type', () => {
    const writers = [...sharedWriters().values()].flat();
    const offences: string[] = [];
    for (const file of filesUnder('renderer/src')) {
      if (file === GATE) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const imp of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'([^']*shared[^']*)'/g)) {
        const names = imp[1]!.split(',').map(
          (n) =>
            n
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0],
        );
        for (const n of names) if (writers.includes(n!)) offences.push(`${file}: imports ${n} from ${imp[2]}`);
      }
      for (const pattern of [
        /\.transact\(/,
        /UndoManager\(/,
        /\.get(Map|Text|Array|XmlFragment)\([^)]*\)\.(set|delete|clear|insert|push)\(/,
        /boardRoots\([^)]*\)\.\w+\.(set|delete|clear|insert|push)\(/,
      ]) {
        if (pattern.test(text)) offences.push(`${file}: ${pattern}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
