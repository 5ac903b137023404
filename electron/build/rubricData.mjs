/**
 * The built-in rubrics as the YAML reader reads them (shared/rubric/parse.ts's
 * readData: a BOM dropped, the document's data), for the CLI's bundle to
 * carry instead of parsing YAML at every run. Validation is not done here:
 * the bundle validates the data as it would the file's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/**
 * `data`: rubrics/ID.yaml's data by ID; `files`: every YAML file of rubrics/
 * (relative to `root`), each a source of the bundle. A file the YAML reader
 * finds fault with is left out of `data`, so the bundle reads it, and reports
 * it, as the sources do.
 */
export const builtinRubricData = (root) => {
  const names = readdirSync(join(root, 'rubrics'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const data = {};
  for (const name of names) {
    const text = readFileSync(join(root, 'rubrics', name), 'utf8');
    const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (doc.errors.length === 0 && text.trim() !== '') data[name.slice(0, -'.yaml'.length)] = doc.toJS();
  }
  return { data, files: names.map((n) => `rubrics/${n}`) };
};
