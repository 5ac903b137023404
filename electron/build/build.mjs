#!/usr/bin/env node
/**
 * Builds the two Electron bundles into dist-electron/:
 *   main.cjs     the main process (Node): our code and shared/ bundled,
 *                npm dependencies left to node_modules (electron-builder packs them);
 *   preload.cjs  the sandboxed preload: everything bundled, because a sandboxed
 *                preload can require only `electron` and a few built-ins.
 * Both are CommonJS: Electron loads a sandboxed preload only as a classic script.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
// ARCHDRILL_ELECTRON_OUT: somewhere else (the test that runs the bundles builds them into a temp folder).
const outDir = resolve(process.env.ARCHDRILL_ELECTRON_OUT ?? resolve(root, 'dist-electron'));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const common = {
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
};

/** One CommonJS bundle of `entry` as dist-electron/<fileName>. */
const bundle = (entry, fileName, { ssr, external }) =>
  build({
    ...common,
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: true,
      target: 'node20',
      ssr: ssr ? resolve(root, entry) : false,
      ...(!ssr && { lib: { entry: resolve(root, entry), formats: ['cjs'], fileName: () => fileName } }),
      rollupOptions: {
        external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
        // main keeps the sync host in its own chunk, loaded only when a session is hosted;
        // the preload must be one file.
        output: ssr
          ? { format: 'cjs', entryFileNames: fileName, chunkFileNames: 'chunks/[name]-[hash].cjs' }
          : { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
      },
    },
    ...(ssr && { ssr: { noExternal: true, target: 'node' } }),
  });

await bundle('electron/main/index.ts', 'main.cjs', { ssr: true, external: ['electron', ...nodeBuiltins, ...dependencies] });
await bundle('electron/preload/index.ts', 'preload.cjs', { ssr: false, external: ['electron'] });
console.log(`Archdrill: built main.cjs and preload.cjs in ${outDir}`);
