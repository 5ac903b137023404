import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = resolve(import.meta.dirname, '../..');

/** The canvas benchmark pages (bare React Flow and our Canvas); built and served by bench/canvas.bench.ts. */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(repo, 'shared') } },
  preview: { host: '127.0.0.1' },
  build: { emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  logLevel: 'warn',
});
