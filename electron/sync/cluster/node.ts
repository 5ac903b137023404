import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeBase64url } from '../../../shared/collab';
import { type Group, spawnGroup, waitForLine } from './processes';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../../cli/archdrill.mjs');

/** One `archdrill serve --store …` process. */
export interface SyncNode {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  readonly group: Group;
  /** What it printed (its log), for a failing test's message. */
  output(): string;
}

export interface NodeSpec {
  readonly name: string;
  readonly port: number;
  readonly storeUrl: string;
  readonly secret: Uint8Array;
  readonly idleEvictMs?: number;
  /** Its stdout goes to ours too (npm run cluster). */
  readonly echo?: boolean;
}

/**
 * Starts a node exactly as an operator would: the `archdrill` bin, the store
 * from ARCHDRILL_STORE and the shared secret from ARCHDRILL_SECRET (the
 * documented environment). Resolves once it listens.
 */
export const startNode = async (spec: NodeSpec): Promise<SyncNode> => {
  const args = [bin, 'serve', '--host', '127.0.0.1', '--port', String(spec.port)];
  if (spec.idleEvictMs !== undefined) args.push('--idle-evict-ms', String(spec.idleEvictMs));
  const group = spawnGroup(process.execPath, args, {
    env: { ...process.env, ARCHDRILL_STORE: spec.storeUrl, ARCHDRILL_SECRET: encodeBase64url(spec.secret) },
  });
  let log = '';
  group.proc.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    if (spec.echo) process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${spec.name}] `));
  });
  await waitForLine(group, /sync server on \S+/);
  return { name: spec.name, port: spec.port, url: `http://127.0.0.1:${spec.port}`, group, output: () => log };
};
