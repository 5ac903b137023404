#!/usr/bin/env node
/**
 * Bundles the CLI (electron/cli/main.ts and what it imports from electron/ and
 * shared/) into dist/cli/ as ES modules, most npm packages left to node_modules, so
 * the `archdrill` bin starts without compiling TypeScript through tsx (about
 * 0.7 s of every run). Commands loaded on demand stay in chunks of their own:
 * `score` never loads the rasteriser, `export` never the sync server.
 *
 * The built-in rubrics ride in the bundle as data (compiledRubrics.ts), so
 * a run parses no YAML. Beside the bundle, inputs.json records each source file's size and mtime;
 * the bin (electron/cli/archdrill.mjs, cliBundle.mjs) runs the bundle only
 * while every one of them is unchanged, and the sources through tsx otherwise.
 * Run by `npm install`/`npm ci` (prepare) and `npm run build`; a failure here
 * fails nothing, the bin just stays on tsx.
 * ARCHDRILL_CLI_OUT: somewhere else (the test that compares the two paths).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MANIFEST } from '../cli/cliBundle.mjs';
import { builtinRubricData } from './rubricData.mjs';

const root = resolve(import.meta.dirname, '../..');
/**
 * npm packages bundled in, not left to node_modules: pure JavaScript that no
 * external package imports (so there is never a second copy of one), and
 * whose many small files cost Node more to resolve and load one by one than
 * the code itself (zod alone: ~0.3 s at load 7). Yjs and its kin stay out:
 * y-leveldb, outside, must share our copy.
 */
const BUNDLED = ['zod', 'yaml', 'png-chunk-text', 'png-chunks-encode', 'png-chunks-extract'];
const outDir = resolve(process.env.ARCHDRILL_CLI_OUT ?? join(root, 'dist/cli'));

try {
  const { build } = await import('esbuild');
  // Old chunks and a manifest that would vouch for them go first: a failed build leaves no bundle to run.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const rubrics = builtinRubricData(root);
  // The built-in rubrics' data in electron/rubrics/compiledRubrics.ts's place; JSON.parse reads it faster than a literal.
  const compiledRubrics = {
    name: 'compiled-rubrics',
    setup(b) {
      b.onLoad({ filter: /[\\/]electron[\\/]rubrics[\\/]compiledRubrics\.ts$/ }, () => ({
        contents: `export const compiledRubrics = JSON.parse(${JSON.stringify(JSON.stringify(rubrics.data))});\n`,
        loader: 'js',
      }));
    },
  };
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'electron/cli/main.ts' },
    outdir: outDir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies).filter(
      (d) => !BUNDLED.includes(d),
    ),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [compiledRubrics],
    // The CommonJS packages bundled (yaml) require Node's built-ins: give the ES module chunks a require.
    banner: {
      js: "import { createRequire as __archdrillRequire } from 'node:module'; const require = __archdrillRequire(import.meta.url);",
    },
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...rubrics.files]) {
    const { size, mtimeMs } = statSync(join(root, file));
    // Changed while esbuild read it: the bundle may hold either version, so vouch for none.
    if (mtimeMs >= started) throw new Error(`${file} changed during the build`);
    inputs[file] = [size, mtimeMs];
  }
  // The bundle's own files too: a chunk gone or cut short would fail mid-run, not fall back.
  const outputs = {};
  for (const file of Object.keys(result.metafile.outputs))
    outputs[relative(outDir, join(root, file))] = statSync(join(root, file)).size;
  writeFileSync(join(outDir, MANIFEST), `${JSON.stringify({ entry: 'main.mjs', inputs, outputs })}\n`);
  console.log(`Archdrill: bundled the CLI (${Object.keys(inputs).length} sources, rubrics included) into ${outDir}`);
} catch (err) {
  rmSync(outDir, { recursive: true, force: true });
  console.warn(
    `Archdrill: the CLI was not bundled (${err instanceof Error ? err.message : err}); archdrill runs its sources through tsx`,
  );
}
