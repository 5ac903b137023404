import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Haproxy, startHaproxy } from './haproxy';
import { type SyncNode, startNode } from './node';
import { type Postgres, startPostgres } from './postgres';
import { freePort } from './processes';

const here = dirname(fileURLToPath(import.meta.url));

export interface ClusterOptions {
  readonly nodes?: number;
  readonly idleEvictMs?: number;
  readonly compactAt?: number;
  /** HAProxy's own warnings (a node DOWN, UP) on stderr. */
  readonly haproxyLog?: boolean;
  /** Nodes' logs on our stdout, prefixed by node name. */
  readonly echo?: boolean;
}

/** A throwaway PostgreSQL, N nodes sharing it and one secret, and HAProxy in front; all on 127.0.0.1. */
export interface Cluster {
  readonly pg: Postgres;
  readonly haproxy: Haproxy;
  /** The live nodes by index; a killed one stays in the list until restarted (same name, same port). */
  readonly nodes: SyncNode[];
  readonly secret: Uint8Array;
  /** HAProxy's URL: what to open. */
  readonly url: string;
  kill(index: number): Promise<void>;
  restart(index: number): Promise<void>;
  /** Stops everything (nodes first, so their last writes reach PostgreSQL) and removes the temporary files. */
  stop(): Promise<void>;
}

/**
 * Starts the cluster `npm run cluster` runs and the cluster tests use. A
 * detached watchdog stops everything if this process dies without `stop()`.
 */
export const startCluster = async (options: ClusterOptions = {}): Promise<Cluster> => {
  const count = options.nodes ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'archdrill-cluster-'));
  const stateFile = join(dir, 'watchdog.json');
  const groups = new Set<number>();
  const state: { groups: number[]; stop: readonly string[]; dirs: string[] } = { groups: [], stop: [], dirs: [dir] };
  const save = () => writeFileSync(stateFile, JSON.stringify({ ...state, groups: [...groups] }));
  save();
  const watchdog = spawn(process.execPath, [join(here, 'watchdog.mjs'), String(process.pid), stateFile], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();

  const started: { pg?: Postgres; haproxy?: Haproxy; nodes: SyncNode[] } = { nodes: [] };
  const stop = async () => {
    await Promise.all(started.nodes.map((n) => n.group.stop('SIGTERM')));
    await started.haproxy?.stop();
    await started.pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const pg = await startPostgres();
    started.pg = pg;
    state.stop = pg.emergencyStop;
    state.dirs.push(pg.dir);
    save();
    const secret = randomBytes(32);
    const ports: number[] = [];
    for (let i = 0; i < count; i++) ports.push(await freePort());
    const spec = (i: number) => ({
      name: `node${i + 1}`,
      port: ports[i]!,
      storeUrl: pg.url,
      secret,
      idleEvictMs: options.idleEvictMs,
      compactAt: options.compactAt,
      echo: options.echo,
    });
    const launch = async (i: number) => {
      const node = await startNode(spec(i));
      groups.add(node.group.pid);
      save();
      started.nodes[i] = node;
      return node;
    };
    await Promise.all(ports.map((_, i) => launch(i)));
    const haproxy = await startHaproxy(
      {
        bind: `127.0.0.1:${await freePort()}`,
        statsBind: `127.0.0.1:${await freePort()}`,
        nodes: started.nodes.map((n) => ({ name: n.name, host: '127.0.0.1', port: n.port })),
      },
      dir,
      options.haproxyLog ?? false,
    );
    started.haproxy = haproxy;
    groups.add(haproxy.pid);
    save();
    return {
      pg,
      haproxy,
      nodes: started.nodes,
      secret,
      url: haproxy.url,
      kill: async (i) => {
        const node = started.nodes[i]!;
        await node.group.stop('SIGKILL');
        groups.delete(node.group.pid);
        save();
      },
      restart: async (i) => void (await launch(i)),
      stop,
    };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
};
