import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './setup/launchShell';

const root = resolve(import.meta.dirname, '../..');
const MESSAGE =
  'Archdrill: the Electron binary is not installed and could not be downloaded here; run `npm run web` to use Archdrill in your browser.';

/** An electron package as npm leaves it when the install script is blocked: no path.txt, no dist, a download that fails. */
const electronWithoutBinary = () => {
  const dir = tempDir('archdrill-electron-');
  writeFileSync(
    join(dir, 'install.js'),
    "console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1);\n",
  );
  return dir;
};

const run = (command: string, args: string[]) =>
  spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARCHDRILL_ELECTRON_DIR: electronWithoutBinary() },
    timeout: 60_000,
  });

describe('npm start without the Electron binary', () => {
  it('exits non-zero with one line pointing to the browser build', () => {
    const result = run(process.execPath, ['electron/launch/start.mjs']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${MESSAGE}\n`);
    expect(result.stdout).toBe('');
  });

  it('does the same through npm, without a stack trace', () => {
    const result = run('npm', ['start', '--silent']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(MESSAGE);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
  });
});
