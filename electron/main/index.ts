import { join } from 'node:path';
import { app } from 'electron';
import { startShell } from './app';
import { loadOptionalServices } from './services';

/**
 * The main-process entry, bundled to dist-electron/main.cjs (electron/build).
 * __dirname is dist-electron, inside app.asar once packaged.
 */
const rendererRoot = join(__dirname, '..', 'dist', 'renderer');

startShell({
  rendererRoot,
  preloadPath: join(__dirname, 'preload.cjs'),
  isDev: !app.isPackaged,
  argv: process.argv,
  cwd: process.cwd(),
  ...loadOptionalServices({ dataDir: join(app.getPath('userData'), 'sessions'), rendererRoot }),
});
