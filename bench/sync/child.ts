import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A forked bench process with keyed request/reply over IPC. */
export interface Child {
  readonly proc: ChildProcess;
  /** Sends `msg` and resolves with the `key` field of the next reply that has it. */
  ask<T>(msg: unknown, key: string): Promise<T>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Children run from a bundle on plain Node, not through tsx, whose loader would
 * add ~60 MB to a server's RSS being measured (and seconds to each load
 * process's start on a busy machine). esbuild comes with tsx; without it we
 * fall back to tsx and say so.
 */
const bundled = new Map<string, Promise<string | null>>();
const bundle = (file: string): Promise<string | null> => {
  let out = bundled.get(file);
  if (!out) {
    // Inside node_modules so the bundle's bare imports resolve to this package's dependencies. Worktrees share one
    // node_modules: without a folder per checkout, two benches running at once would run each other's server.
    const checkout = createHash('sha1').update(here).digest('hex').slice(0, 12);
    const outfile = join(here, '../../node_modules/.cache/archdrill-bench', checkout, file.replace(/\.ts$/, '.mjs'));
    out = import('esbuild')
      .then((esbuild) =>
        esbuild.build({
          entryPoints: [join(here, file)],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'esm',
          packages: 'external',
          logLevel: 'error',
        }),
      )
      .then(() => outfile)
      .catch(() => {
        console.log(`  (esbuild unavailable: ${file} runs through tsx, whose loader inflates its RSS)`);
        return null;
      });
    bundled.set(file, out);
  }
  return out;
};

/**
 * BENCH_SYNC_PIN=1 (Linux, taskset, 2+ cores): servers on every core but the
 * last, load generators on the last, so no server waits for a core a load
 * process holds. Off by default: other work on the machine is not pinned,
 * and a server kept off one core has less room from it (see bench/README.md).
 */
const PIN = process.env.BENCH_SYNC_PIN === '1' && cpus().length >= 2;
const pin = (pid: number, isServer: boolean): void => {
  const last = cpus().length - 1;
  // -a: every thread (V8's and libuv's, and those started later inherit it).
  execFileSync('taskset', ['-a', '-p', '-c', isServer ? `0-${last - 1}` : String(last), String(pid)], { stdio: 'ignore' });
};

export const spawnChild = async (
  file: string,
  args: readonly string[] = [],
  /** A server, not a load generator: which cores BENCH_SYNC_PIN gives it. */
  isServer = false,
  /** More Node flags (the memory phase's fixed young generation). */
  nodeArgs: readonly string[] = [],
): Promise<Child & { ready: number }> => {
  const entry = await bundle(file);
  const proc = fork(entry ?? join(here, file), [...args], {
    execArgv: ['--expose-gc', '--max-old-space-size=2048', ...nodeArgs, ...(entry ? [] : ['--import', 'tsx'])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (PIN && proc.pid) pin(proc.pid, isServer);
  const waiters: { key: string; resolve: (v: never) => void }[] = [];
  proc.on('message', (msg: Record<string, unknown>) => {
    const i = waiters.findIndex((w) => w.key in msg);
    if (i < 0) return;
    const w = waiters.splice(i, 1)[0]!;
    w.resolve(msg[w.key] as never);
  });
  const wait = <T>(key: string): Promise<T> =>
    new Promise<T>((resolve) => waiters.push({ key, resolve: resolve as (v: never) => void }));
  const child: Child = {
    proc,
    ask: <T>(msg: unknown, key: string) => {
      const p = wait<T>(key);
      proc.send(msg as never);
      return p;
    },
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      }),
  };
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    wait<number>('ready').then((ready) => resolve({ ...child, ready }));
  });
};
