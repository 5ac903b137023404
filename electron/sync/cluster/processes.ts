import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks; closed again before use, so a race is possible but rare). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Polls until `check` resolves true; fails with `what` after `ms`. */
export const waitUntil = async (what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> => {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** A child in its own process group, so it and anything it starts stop together. */
export interface Group {
  readonly proc: ChildProcess;
  readonly pid: number;
  /** Resolves once the process has exited (any signal; SIGKILL after `graceMs` if it lingers). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
  readonly exited: Promise<void>;
}

export const spawnGroup = (
  command: string,
  args: readonly string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    stdout?: 'pipe' | 'ignore' | 'inherit';
    stderr?: 'pipe' | 'ignore' | 'inherit';
  } = {},
): Group => {
  const proc = spawn(command, args, {
    detached: true,
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', options.stdout ?? 'pipe', options.stderr ?? 'inherit'],
  });
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    proc.once('exit', () => resolve());
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    proc,
    pid,
    exited,
    stop: async (signal = 'SIGTERM', graceMs = 5000) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return signalGroup('SIGKILL');
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Whatever the leader started and left behind.
      signalGroup('SIGKILL');
    },
  };
};

/** Resolves when the child's stdout has printed a line matching `pattern`; rejects if it exits first. */
export const waitForLine = (group: Group, pattern: RegExp, ms = 60_000): Promise<string> =>
  new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${ms} ms:\n${seen}`)), ms);
    group.proc.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = pattern.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    void group.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before printing ${pattern}:\n${seen}`));
    });
  });

/** Runs a command to completion without blocking the event loop (clients keep editing meanwhile); rejects with its output when it fails. */
export const run = (command: string, args: readonly string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(command, [...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || stdout || err.message}`));
      else resolve(stdout);
    });
  });
