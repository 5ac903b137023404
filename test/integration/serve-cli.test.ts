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
