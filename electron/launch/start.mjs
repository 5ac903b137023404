#!/usr/bin/env node
/**
 * `npm start`: launches the desktop app, building what is missing or stale.
 *
 * npm installs the electron package without running its install script
 * (package.json allowScripts), so the binary may be absent. We try Electron's
 * own download once; where that fails (no network to GitHub, as on the build
 * machines) we say so in one line and point to the browser build, instead of
 * Electron's stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
// Tests point this at a stand-in package to check the no-binary path without touching the real one.
const electronDir = process.env.ARCHDRILL_ELECTRON_DIR ?? join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 60_000;
const NO_BINARY =
  'Archdrill: the Electron binary is not installed and could not be downloaded here; run `npm run web` to use Archdrill in your browser.';

const fail = (message) => {
  console.error(message);
  process.exit(1);
};

/** The executable electron's install script records in path.txt, if it is really there. */
function electronBinary() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = join(electronDir, 'dist', relative);
    return relative && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function ensureElectron() {
  const found = electronBinary();
  if (found) return found;
  const installer = join(electronDir, 'install.js');
  if (existsSync(installer)) {
    // Progress only for a person at a terminal: scripted runs see the one-line outcome.
    if (process.stdout.isTTY) console.log('Archdrill: downloading the Electron binary (once)…');
    spawnSync(process.execPath, [installer], { cwd: electronDir, stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
  }
  return electronBinary() ?? fail(NO_BINARY);
}

/** Newest modification time of any file under `dirs` (skipping node_modules). */
function newestSource(dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return newest;
}

const isStale = (output, sources) =>
  !existsSync(join(root, output)) || statSync(join(root, output)).mtimeMs < newestSource(sources);

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`Archdrill: could not build ${what}; see the errors above.`);
}

const binary = ensureElectron();
if (isStale('dist/renderer/index.html', ['renderer', 'shared']))
  run([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], 'the renderer');
if (isStale('dist-electron/main.cjs', ['electron', 'shared']))
  run([join(root, 'electron', 'build', 'build.mjs')], 'the Electron bundles');

// ELECTRON_RUN_AS_NODE in the environment would start Electron as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
