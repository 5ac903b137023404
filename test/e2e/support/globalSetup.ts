import { resolve } from 'node:path';
import { build, preview } from 'vite';

const root = resolve(import.meta.dirname, '../../..');

/**
 * Builds the renderer once and serves it on 127.0.0.1 at a free port; tests
 * read the address from E2E_BASE_URL. The server stops when the run ends.
 */
export default async function globalSetup() {
  if (!process.env.E2E_SKIP_BUILD) await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  const server = await preview({
    configFile: resolve(root, 'vite.config.ts'),
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  process.env.E2E_BASE_URL = `http://127.0.0.1:${address.port}/`;
  return async () => {
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  };
}
