/**
 * CPU per process from /proc (Linux), so a bench on a small shared machine can
 * say who used the cores during a run: its servers, its load generators,
 * PostgreSQL, HAProxy, and whatever else the machine was running. Elsewhere
 * (no /proc) every figure is NaN and the report says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** USER_HZ: /proc counts CPU time in ticks of 1/100 s on every Linux architecture Node runs on. */
const TICKS_PER_SEC = 100;

/** A process's utime + stime in seconds, and its parent; null once it has exited. */
const stat = (pid: number): { cpu: number; ppid: number } | null => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after the last ')' are fixed.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { cpu: (Number(f[11]) + Number(f[12])) / TICKS_PER_SEC, ppid: Number(f[1]) };
  } catch {
    return null;
  }
};

const allPids = (): number[] => {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
};

/** The processes whose command line contains `needle` (world-readable, unlike PostgreSQL's postmaster.pid). */
export const pidsByCommandLine = (needle: string): number[] =>
  allPids().filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(needle);
    } catch {
      return false;
    }
  });

/** `roots` and every process below them (PostgreSQL's backends, a node's children). */
const withDescendants = (roots: readonly number[]): number[] => {
  const parents = new Map<number, number>();
  for (const pid of allPids()) {
    const s = stat(pid);
    if (s) parents.set(pid, s.ppid);
  }
  const out = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (!out.has(pid) && out.has(ppid)) {
        out.add(pid);
        grew = true;
      }
  }
  return [...out];
};

/** The machine's busy and total CPU seconds across all cores so far (/proc/stat; idle and iowait are not busy). */
const machine = (): { busy: number; total: number } => {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0) / TICKS_PER_SEC;
    return { busy: total - (f[3]! + f[4]!) / TICKS_PER_SEC, total };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
};

/** Named groups of root pids; each group counts its roots and their descendants not claimed by an earlier group (list a parent last). */
export type ProcessGroups = Readonly<Record<string, readonly number[]>>;

/** One window's CPU: each group's share of one core (1 = a whole core), the rest of the machine, and the machine's load. */
export interface CpuReport {
  readonly seconds: number;
  readonly groups: ReadonlyArray<{ readonly name: string; readonly cores: number }>;
  /** Processes outside every group (other users of the machine), in cores. */
  readonly others: number;
  /** Busy share of all cores, 0..1. */
  readonly machineBusy: number;
  readonly cores: number;
}

/** Starts measuring; the returned function ends the window and reports it. */
export const measureCpu = (groups: ProcessGroups): (() => CpuReport) => {
  const claim = (): number[][] => {
    const taken = new Set<number>();
    return Object.values(groups).map((roots) => {
      const pids = withDescendants(roots).filter((pid) => !taken.has(pid));
      for (const pid of pids) taken.add(pid);
      return pids;
    });
  };
  const first = claim();
  const resolved = Object.keys(groups).map((name, i) => ({ name, pids: first[i]! }));
  const before = resolved.map((g) => new Map(g.pids.map((pid) => [pid, stat(pid)?.cpu ?? 0])));
  const m0 = machine();
  const t0 = performance.now();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const m1 = machine();
    const now = claim();
    const out = resolved.map((g, i) => {
      // Processes started during the window (a pool connection's backend) count from zero.
      const pids = new Set([...g.pids, ...now[i]!]);
      let used = 0;
      for (const pid of pids) {
        const now = stat(pid)?.cpu;
        if (now !== undefined) used += now - (before[i]!.get(pid) ?? 0);
      }
      return { name: g.name, cores: used / seconds };
    });
    const busyCores = (m1.busy - m0.busy) / seconds;
    const cores = cpus().length;
    return {
      seconds,
      groups: out,
      others: Math.max(0, busyCores - out.reduce((a, g) => a + g.cores, 0)),
      machineBusy: busyCores / cores,
      cores,
    };
  };
};

/** Past this share of every core busy, a latency figure measures the machine's queue, not the design. */
export const SATURATED = 0.9;

/** One line: each group's % of a core, the others', and the machine's busy share, with a warning when saturated. */
export const formatCpu = (r: CpuReport): string => {
  if (Number.isNaN(r.machineBusy)) return 'CPU per process: unavailable (no /proc)';
  const pct = (cores: number) => `${(cores * 100).toFixed(0)}%`;
  const parts = [...r.groups.map((g) => `${g.name} ${pct(g.cores)}`), `other processes ${pct(r.others)}`];
  const warn = r.machineBusy >= SATURATED ? '  ⚠ machine saturated: the machine, not the design, bounds this window' : '';
  return `CPU (% of one core): ${parts.join(', ')}; machine ${(r.machineBusy * 100).toFixed(0)}% of ${r.cores} cores busy${warn}`;
};

/** Microseconds some runnable task has waited for a CPU so far (Linux PSI, /proc/pressure/cpu), or NaN where there is none. */
const cpuStallMicros = (): number => {
  try {
    const some = readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0] ?? '';
    return Number(/total=(\d+)/.exec(some)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
};

/**
 * Starts measuring CPU pressure; the returned function gives the share of the
 * wall time since in which some task on the machine waited for a CPU (0–1):
 * how contended a window was, whoever caused it.
 */
export const measureCpuPressure = (): (() => number) => {
  const stall0 = cpuStallMicros();
  const t0 = performance.now();
  return () => (cpuStallMicros() - stall0) / ((performance.now() - t0) * 1000);
};
