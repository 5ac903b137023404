import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp.ts';

/**
 * The CSP as a meta tag (the desktop shell also sends it as a header). At
 * build time only: the dev server's hot-reload preamble is an inline script.
 */
const cspMeta = (): Plugin => ({
  name: 'archdrill-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`,
    ),
});

/** The renderer: one build serves the browser (`npm run web`), the desktop app and the host's HTTP server. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), cspMeta()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
