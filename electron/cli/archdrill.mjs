#!/usr/bin/env node
// The `archdrill` bin: plain Node. It runs the CLI's bundle (dist/cli/, built by
// `npm run build:cli`) when that was built from the sources as they are, and
// the TypeScript sources through tsx otherwise (slower to start: tsx compiles
// them), and also when the bundle throws as it loads (a broken build, a package
// it expects gone), with one line saying so: the bundle only makes starting faster.
// ARCHDRILL_CLI_BUNDLE names another bundle folder, or `none` for the sources.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBundle } from './cliBundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const choice = process.env.ARCHDRILL_CLI_BUNDLE;
const bundle = choice === 'none' ? null : freshBundle(root, choice ? resolve(choice) : join(root, 'dist/cli'));

// A reader that stops early (`archdrill score b.json --json | head`) is not a failure: stop quietly, as Unix tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
let main;
if (bundle) {
  try {
    ({ main } = await import(bundle));
    if (typeof main !== 'function') throw new Error('it has no main()');
  } catch (err) {
    main = undefined;
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    process.stderr.write(`archdrill: warning: the CLI bundle failed to load (${why}); running the sources instead\n`);
  }
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
