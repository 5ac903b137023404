import { afterEach, describe, expect, it, vi } from 'vitest';
import { runServe } from '../../electron/cli/serve';

const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
afterEach(() => {
  stderr.mockClear();
  stdout.mockClear();
});

describe('archdrill serve flags', () => {
  it('prints help and exits 0', async () => {
    expect(await runServe(['--help'])).toBe(0);
    expect(String(stdout.mock.calls[0]?.[0])).toContain('usage: archdrill serve');
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port', 'abc'], '--port must be a number'],
    [['--port', '70000'], '--port'],
    [['extra'], 'positional'],
  ])('rejects %j with exit 2 and one line', async (argv, message) => {
    expect(await runServe(argv)).toBe(2);
    expect(stderr).toHaveBeenCalledTimes(1);
    const line = String(stderr.mock.calls[0]?.[0]);
    expect(line).toContain(message);
    expect(line.trim().split('\n')).toHaveLength(1);
  });
});

describe('archdrill serve --store', () => {
  it('rejects a store that is not a postgres:// URL, from the flag or ARCHDRILL_STORE, with exit 2', async () => {
    expect(await runServe(['--store', 'mysql://db/rooms'])).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('--store must be a postgres:// URL');
    vi.stubEnv('ARCHDRILL_STORE', 'rooms.db');
    try {
      expect(await runServe([])).toBe(2);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('exits 1 with one line naming the database (password hidden) when PostgreSQL is unreachable', async () => {
    expect(await runServe(['--port', '0', '--store', 'postgres://ops:hunter2@127.0.0.1:1/archdrill'])).toBe(1);
    const line = String(stderr.mock.calls.at(-1)?.[0]);
    expect(line).toContain('PostgreSQL at postgres://ops:***@127.0.0.1:1/archdrill');
    expect(line).not.toContain('hunter2');
    expect(line.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 when ARCHDRILL_SECRET is not a secret', async () => {
    vi.stubEnv('ARCHDRILL_SECRET', 'short');
    try {
      expect(await runServe(['--port', '0'])).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(String(stderr.mock.calls.at(-1)?.[0])).toContain('ARCHDRILL_SECRET does not hold a base64url secret');
  });
});
