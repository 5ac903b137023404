import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, run } from './processes';

/** A throwaway PostgreSQL: its own data directory and port, nothing shared with a system instance. */
export interface Postgres {
  /** postgres://archdrill@127.0.0.1:PORT/postgres (trust auth, loopback only). */
  readonly url: string;
  readonly port: number;
  /** Data directory and socket directory; removed by `stop`. */
  readonly dir: string;
  /** What a watchdog runs to stop it if this process dies: [command, ...args]. */
  readonly emergencyStop: readonly string[];
  /** Stops (fast shutdown: connections dropped, everything committed stays) and starts again on the same port. */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}

/** PostgreSQL's server binaries: $PG_BIN, else Debian's newest /usr/lib/postgresql/<version>/bin. */
export const postgresBin = (): string => {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0])
    throw new Error('PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN to its bin directory)');
  return join(root, versions[0], 'bin');
};

/** initdb refuses to run as root: then every PostgreSQL command runs as the unprivileged `postgres` user. */
const asRoot = process.getuid?.() === 0;
const pgCommand = (bin: string, tool: string, args: readonly string[]): [string, string[]] =>
  asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), [...args]];

const uidOf = async (user: string): Promise<[number, number]> => {
  const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return [Number(uid.trim()), Number(gid.trim())];
};

/** initdb + pg_ctl start in a fresh temporary directory, on a free port on 127.0.0.1. */
export const startPostgres = async (): Promise<Postgres> => {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'archdrill-pg-'));
  if (asRoot) {
    const [uid, gid] = await uidOf('postgres');
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const pg = (tool: string, args: readonly string[]) => run(...pgCommand(bin, tool, args));
  // Throwaway: no fsync at initdb (the server itself keeps its defaults, so commits are as durable as in production).
  await pg('initdb', ['-D', data, '-U', 'archdrill', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = () => pg('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', serverOptions, 'start']);
  await start();
  const [cmd, args] = pgCommand(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  let stopped = false;
  return {
    url: `postgres://archdrill@127.0.0.1:${port}/postgres`,
    port,
    dir,
    emergencyStop: [cmd, ...args],
    restart: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      await start();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']).catch(() =>
        pg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => {}),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
