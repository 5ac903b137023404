import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatRubricError, parseRubric, parseRubricData, type RubricError } from '../../shared/rubric/parse';
import type { Rubric } from '../../shared/rubric/schema';
import { builtinRubricsDir } from './builtinDir';
import { compiledRubrics } from './compiledRubrics';

/** Where a rubric came from: shipped with the app, or the user's folder. */
export type RubricSource = 'builtin' | 'user';

export interface LoadedRubric {
  readonly rubric: Rubric;
  readonly source: RubricSource;
  readonly file: string;
}

/** A file that did not load, with one line per problem (file, rule and field named). */
export interface RubricLoadProblem {
  readonly file: string;
  readonly source: RubricSource;
  readonly messages: readonly string[];
}

export interface RubricCatalogue {
  readonly rubrics: readonly LoadedRubric[];
  readonly problems: readonly RubricLoadProblem[];
}

export const RUBRIC_FILE = /\.(ya?ml|json)$/i;

/** Reads and validates one rubric file; never throws. */
export const loadRubricFile = async (
  path: string,
  name = path,
): Promise<{ ok: true; rubric: Rubric } | { ok: false; errors: readonly RubricError[] }> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code ?? err})`;
    return { ok: false, errors: [{ file: name, message: reason }] };
  }
  return parseRubric(text, name);
};

const listDir = async (dir: string): Promise<string[]> => {
  try {
    return (await readdir(dir)).filter((f) => RUBRIC_FILE.test(f)).sort();
  } catch {
    return []; // A missing user folder just means no user rubrics yet.
  }
};

/**
 * Loads every rubric of the built-in folder and of the user's folder. A
 * broken file is reported and skipped; the others still load. A user rubric
 * may not reuse an id already taken (built-ins first), so a typo'd copy of
 * a built-in cannot silently replace it.
 */
export const loadRubrics = async (dirs: { readonly builtin: string; readonly user?: string }): Promise<RubricCatalogue> => {
  const rubrics: LoadedRubric[] = [];
  const problems: RubricLoadProblem[] = [];
  const sources: [RubricSource, string | undefined][] = [
    ['builtin', dirs.builtin],
    ['user', dirs.user],
  ];
  for (const [source, dir] of sources) {
    if (!dir) continue;
    for (const name of await listDir(dir)) {
      const file = join(dir, name);
      const result = await loadRubricFile(file, name);
      if (!result.ok) {
        problems.push({ file, source, messages: result.errors.map(formatRubricError) });
        continue;
      }
      const taken = rubrics.find((r) => r.rubric.id === result.rubric.id);
      if (taken) {
        problems.push({ file, source, messages: [`${name}: id: "${result.rubric.id}" is already used by ${taken.file}`] });
        continue;
      }
      rubrics.push({ rubric: result.rubric, source, file });
    }
  }
  return { rubrics, problems };
};

/**
 * The built-in rubric `id` read from its own file (the question bank names
 * each file after its id, and built-ins win every id), without parsing the
 * whole bank: the CLI's export and score need one rubric, and parsing all of
 * them was a third of a spawned export's start-up. Null when there is no such
 * file or it does not declare that id, so the caller falls back to loadRubrics.
 */
export const loadBuiltinRubric = async (dir: string, id: string): Promise<Rubric | null> => {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return null;
  const data = dir === builtinRubricsDir() && Object.hasOwn(compiledRubrics, id) ? compiledRubrics[id] : undefined;
  const result =
    data === undefined ? await loadRubricFile(join(dir, `${id}.yaml`), `${id}.yaml`) : parseRubricData(data, `${id}.yaml`);
  return result.ok && result.rubric.id === id ? result.rubric : null;
};
