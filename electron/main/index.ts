import { join } from 'node:path';
import { app } from 'electron';
import { appDataDir } from '../paths';
import { startShell } from './app';
import { loadServices } from './services';

/**
 * The main-process entry, bundled to dist-electron/main.cjs (electron/build).
 * __dirname is dist-electron, inside app.asar once packaged.
 */
const appRoot = join(__dirname, '..');
const rendererRoot = join(appRoot, 'dist', 'renderer');

// One data folder for the app and the CLI (electron/paths.ts), whatever the
// package name of an unpackaged run; must be set before anything reads it.
app.setPath('userData', appDataDir());

startShell({
  rendererRoot,
  preloadPath: join(__dirname, 'preload.cjs'),
  isDev: !app.isPackaged,
  argv: process.argv,
  cwd: process.cwd(),
  ...loadServices({ dataDir: app.getPath('userData'), rendererRoot, builtinRubrics: join(appRoot, 'rubrics') }),
});
