/**
 * Whether the CLI's bundle (electron/build/cli.mjs) was built from the sources
 * as they are now. Plain JavaScript: the bin asks before anything can compile
 * TypeScript.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The bundle's list of its sources, each with its size and mtime at build time. */
export const MANIFEST = 'inputs.json';

/**
 * The bundle's entry as a file: URL when `bundleDir` holds a bundle whose
 * every file has the size it was built with and whose every source (paths
 * relative to `root`) has the size and mtime it had when built; null when
 * there is none, or any source changed, moved or went. A changed source that
 * imports a new file changed itself, so the list needs no more than what the
 * last build read.
 */
export const freshBundle = (root, bundleDir) => {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(bundleDir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
  const sameSize = (path, size) => statSync(path, { throwIfNoEntry: false })?.size === size;
  for (const [file, size] of Object.entries(manifest.outputs ?? {})) if (!sameSize(join(bundleDir, file), size)) return null;
  if (!statSync(join(bundleDir, manifest.entry), { throwIfNoEntry: false })) return null;
  for (const [file, [size, mtimeMs]] of Object.entries(manifest.inputs)) {
    const now = statSync(join(root, file), { throwIfNoEntry: false });
    if (!now || now.size !== size || now.mtimeMs !== mtimeMs) return null;
  }
  return pathToFileURL(join(bundleDir, manifest.entry)).href;
};
