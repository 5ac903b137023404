import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'electron/cli/archdrill.mjs');
const fixture = (p: string) => join(root, 'test/fixtures', p);
const example = (name: string) => join(root, 'rubrics/examples', name);
let dataDir: string;

/** Runs the real bin with plain Node, with a private data folder. */
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARCHDRILL_DATA_DIR: dataDir, NODE_OPTIONS: '' },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** Bad input: exit 2, exactly one line on stderr, no stack trace. */
const expectOneLineError = (r: ReturnType<typeof run>, pattern: RegExp) => {
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'archdrill-cli-'));
  mkdirSync(join(dataDir, 'rubrics'));
  copyFileSync(fixture('rubrics/minimal.json'), join(dataDir, 'rubrics/minimal.json'));
  copyFileSync(fixture('rubrics/unknown-check.yaml'), join(dataDir, 'rubrics/unknown-check.yaml'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Each test spawns the bin (Node + tsx) once per assertion: on a busy machine six spawns outlast the default 20 s. */
const SPAWNING = { timeout: 180_000 };

describe('archdrill score', SPAWNING, () => {
  it('stops quietly when the reader of its output goes away (| head)', async () => {
    // The reader is gone before the scorecard is written (as when `head` has exited, or a script failed early).
    const child = spawn(process.execPath, [bin, 'score', example('url-shortener.strong.archdrill.json'), '--json'], {
      cwd: root,
      env: { ...process.env, ARCHDRILL_DATA_DIR: dataDir, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('prints the scorecard for the board’s own question, exit 0', () => {
    const r = run('score', example('url-shortener.textbook.archdrill.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^URL shortener — url-shortener\.textbook\.archdrill\.json\nScore \d+% \(acceptable\)/);
    expect(r.stdout).toMatch(/✓ entry-path .*\[u, lb/);
    expect(r.stdout).toMatch(/Estimates:\n {2}✗ New URLs per second: not estimated/);
    expect(r.stdout).toMatch(/✗ redirect-status .*Hint: .*301/);
    expect(r.stderr).toBe('');
  });

  it('prints JSON with --json, and takes a rubric by id or by file', () => {
    const byId = run('score', example('chat.strong.archdrill.json'), '--rubric', 'minimal', '--json');
    expect(byId.code).toBe(0);
    const result = JSON.parse(byId.stdout);
    expect(result).toMatchObject({
      rubric: { id: 'minimal' },
      percent: 100,
      band: 'strong',
      rules: [{ id: 'has-cache', passed: true, status: 'passed', credit: 1 }],
      fatalFlaws: [],
      unconnected: [],
      deadEnds: [],
      estimates: [],
    });
    const byFile = run('score', example('feed.strong.archdrill.json'), '--rubric', join(root, 'rubrics/feed.yaml'), '--json');
    expect(JSON.parse(byFile.stdout)).toMatchObject({ rubricId: 'feed', band: 'strong' });
  });

  it('says which skipped step keeps a strong design out of the top band, in --json and the scorecard', () => {
    const strong = JSON.parse(readFileSync(example('url-shortener.strong.archdrill.json'), 'utf8'));
    strong.notes.scope = '';
    const file = join(dataDir, 'no-scope.archdrill.json');
    writeFileSync(file, JSON.stringify(strong));
    const json = JSON.parse(run('score', file, '--json').stdout);
    expect(json).toMatchObject({ band: 'acceptable', uncappedBand: 'strong', thinSteps: ['scope'], fatalFlaws: [] });
    const text = run('score', file).stdout;
    expect(text).toMatch(/^Score \d+% \(acceptable, capped from strong by a skipped step\)/m);
    expect(text).toContain('Strong needs every step: Define scope & requirements scored 0%.');
  });

  it('carries fatal flaws, unconnected components and estimate deltas in --json and the scorecard', () => {
    const flawed = JSON.parse(readFileSync(fixture('calibration/url-shortener.flaw-client-to-cache.archdrill.json'), 'utf8'));
    flawed.nodes.push({ id: 'spare', kind: 'search_index', label: 'Spare index', position: { x: 0, y: 900 } });
    flawed.notes.scope = 'Writes: about 40,000 new URLs/s.';
    const file = join(dataDir, 'flawed.archdrill.json');
    writeFileSync(file, JSON.stringify(flawed));
    const json = JSON.parse(run('score', file, '--json').stdout);
    expect(json.band).toBe('acceptable');
    expect(json.uncappedBand).toBe('strong');
    expect(json.fatalFlaws.map((f: { ruleId: string }) => f.ruleId)).toEqual(['no-client-to-datastore']);
    expect(json.unconnected).toEqual([{ id: 'spare', kind: 'search_index', label: 'Spare index' }]);
    expect(json.estimates.find((e: { estimate: string }) => e.estimate === 'write-qps')).toMatchObject({
      withinTolerance: false,
      found: '40,000 new URLs/s',
      ratio: 1000,
    });
    const text = run('score', file).stdout;
    expect(text).toMatch(/capped from strong by a fatal flaw/);
    expect(text.indexOf('Fatal flaw:')).toBeLessThan(text.indexOf('Step '));
    expect(text).toMatch(/1 component is not connected to anything and earns nothing: Spare index/);
    expect(text).toMatch(/Your 40,000 new URLs\/s is 1,000× the ≈40\/s the brief implies/);
  });

  it('names what leads nowhere in --json and the scorecard, and gives it nothing', () => {
    const b = JSON.parse(readFileSync(example('url-shortener.strong.archdrill.json'), 'utf8'));
    const service = b.nodes.find((n: { kind: string }) => n.kind === 'service');
    b.nodes.push({ id: 'clicks', kind: 'message_queue', label: 'Click events', position: { x: 0, y: 900 } });
    b.edges.push({ id: 'to-clicks', source: service.id, target: 'clicks' });
    const file = join(dataDir, 'dead-end.archdrill.json');
    writeFileSync(file, JSON.stringify(b));
    const json = JSON.parse(run('score', file, '--json').stdout);
    expect(json.deadEnds).toEqual([
      { id: 'clicks', kind: 'message_queue', label: 'Click events', reason: 'nothing-reads', why: 'nothing reads from it' },
    ]);
    expect(run('score', file).stdout).toMatch(/^Leads nowhere and earns nothing:\n {2}- Click events: nothing reads from it$/m);
  });

  it('rejects bad input with one line and exit 2', () => {
    expectOneLineError(run('score', 'missing.archdrill.json'), /^archdrill: missing\.archdrill\.json: no such file$/);
    expectOneLineError(run('score', join(root, 'package.json')), /not an Archdrill board/);
    expectOneLineError(
      run('score', example('chat.strong.archdrill.json'), '--rubric', 'nope'),
      /unknown rubric "nope" \(available: (?=.*\bchat\b)(?=.*\bfeed\b)(?=.*\burl-shortener\b).*\bminimal\)/,
    );
    expectOneLineError(
      run('score', example('chat.strong.archdrill.json'), '--rubric', fixture('rubrics/unknown-check.yaml')),
      /invalid rubric: unknown-check\.yaml: rule "ws-servers": check\.type: unknown check type "foo"/,
    );
    expectOneLineError(run('score', example('chat.strong.archdrill.json'), '--frob'), /unknown option --frob/);
    expectOneLineError(run('score'), /missing BOARD/);
  });

  it('asks for a rubric when the board names no question', () => {
    const file = join(dataDir, 'no-question.archdrill.json');
    writeFileSync(file, JSON.stringify({ format: 'archdrill.board', version: 1, nodes: [], edges: [] }));
    expectOneLineError(run('score', file), /names no question; pass --rubric/);
  });
});

describe('archdrill rubrics and check-rubric', SPAWNING, () => {
  it('lists built-in and user rubrics with the user folder, and reports a broken user file', () => {
    const r = run('rubrics');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`User rubrics (${join(dataDir, 'rubrics')}):`);
    expect(r.stdout).toMatch(/url-shortener\s+URL shortener/);
    expect(r.stdout).toMatch(/minimal\s+Minimal user rubric/);
    expect(r.stdout).toContain('unknown-check.yaml: rule "ws-servers": check.type: unknown check type "foo"');
  });

  it('check-rubric: ok for a valid file, every problem named for a broken one', () => {
    const ok = run('check-rubric', join(root, 'rubrics/url-shortener.yaml'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/url-shortener\.yaml: ok — "url-shortener"/);
    expectOneLineError(
      run('check-rubric', fixture('rubrics/missing-weight.yaml')),
      /^missing-weight\.yaml: rule "cache": weight: is required$/,
    );
  });
});

describe('archdrill help and dispatch', SPAWNING, () => {
  it.each([[['--help']], [['score', '--help']], [['rubrics', '--help']], [['check-rubric', '--help']]])(
    '%j prints usage and exit codes',
    (args) => {
      const r = run(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage: archdrill/);
      expect(r.stdout).toContain('Exit codes: 0');
    },
  );

  it('rejects an unknown command or no command', () => {
    expectOneLineError(run('frobnicate'), /unknown command "frobnicate"/);
    expectOneLineError(run(), /missing command/);
  });
});
