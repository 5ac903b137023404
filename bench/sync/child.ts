import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
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

export const spawnChild = async (
  file: string,
  args: readonly string[] = [],
  /** A server: what BENCH_SYNC_PROF profiles. */
  isServer = false,
  /** More Node flags (the memory phase's fixed young generation). */
  nodeArgs: readonly string[] = [],
): Promise<Child & { ready: number }> => {
  const entry = await bundle(file);
  // BENCH_SYNC_PROF=DIR: V8 CPU profiles of the servers (written when they exit on SIGTERM), for chrome://inspect or speedscope.
  const prof = isServer && process.env.BENCH_SYNC_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SYNC_PROF}`] : [];
  const proc = fork(entry ?? join(here, file), [...args], {
    execArgv: ['--expose-gc', '--max-old-space-size=2048', ...nodeArgs, ...prof, ...(entry ? [] : ['--import', 'tsx'])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
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
