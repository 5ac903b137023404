#!/usr/bin/env node
// The `archdrill` bin: plain Node, TypeScript sources loaded through tsx.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`archdrill score b.json --json | head`) is not a failure: stop quietly, as Unix tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
