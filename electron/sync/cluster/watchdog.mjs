// Cleans up after a cluster whose parent died without doing it (a test runner killed, a crash):
// node watchdog.mjs <parent pid> <state file>. The state file (JSON: process groups, a stop command,
// directories) is rewritten by the parent as it starts things; deleting it means "all stopped, go".
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const [parent, stateFile] = process.argv.slice(2);

const readState = () => {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch {
    return null;
  }
};

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};

const tick = () => {
  const state = readState();
  if (!state) process.exit(0);
  if (alive(Number(parent))) return;
  for (const pgid of state.groups ?? []) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {}
  }
  if (state.stop?.length) {
    try {
      execFileSync(state.stop[0], state.stop.slice(1), { stdio: 'ignore', timeout: 30_000 });
    } catch {}
  }
  for (const dir of state.dirs ?? []) rmSync(dir, { recursive: true, force: true });
  rmSync(stateFile, { force: true });
  process.exit(0);
};

setInterval(tick, 500);
