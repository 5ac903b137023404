import { join } from 'node:path';
import { encodeBase64url } from '../../../shared/collab';
import { packageRoot } from '../../packageRoot';
import { type Group, spawnGroup, waitForLine } from './processes';

const bin = join(packageRoot(), 'electron/cli/archdrill.mjs');

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
  readonly compactAt?: number;
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
  if (spec.compactAt !== undefined) args.push('--compact-at', String(spec.compactAt));
  const group = spawnGroup(process.execPath, args, {
    env: { ...process.env, ARCHDRILL_STORE: spec.storeUrl, ARCHDRILL_SECRET: encodeBase64url(spec.secret) },
    stderr: 'pipe',
  });
  let log = '';
  const record = (chunk: Buffer) => {
    log += chunk.toString();
    if (spec.echo) process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${spec.name}] `));
  };
  group.proc.stdout?.on('data', record);
  group.proc.stderr?.on('data', record);
  await waitForLine(group, /sync server on \S+/);
  return { name: spec.name, port: spec.port, url: `http://127.0.0.1:${spec.port}`, group, output: () => log };
};
