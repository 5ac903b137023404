import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/**
 * The archdrill package's folder (package.json, rubrics/, dist/): the nearest
 * folder above this module holding our package.json. Looked for rather than
 * a fixed number of `..`, because this module runs from the sources
 * (electron/) and from the CLI's bundle (dist/cli/, one file for many modules).
 */
export const packageRoot = (): string => {
  if (found) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'archdrill') {
      found = dir;
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`archdrill: no archdrill package.json above ${start}`);
  }
};
