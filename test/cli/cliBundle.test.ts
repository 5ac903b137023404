import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boardTextFromImage, PNG_KEYWORDS } from '@shared/board/image/embedded';
import { pngTextOf } from '@shared/board/image/pngText';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRubricData } from '../../electron/build/rubricData.mjs';
import { freshBundle, MANIFEST } from '../../electron/cli/cliBundle.mjs';
import { loadRubricFile } from '../../electron/rubrics/loadRubrics';
import { parseRubricData } from '../../shared/rubric/parse';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'electron/cli/archdrill.mjs');
const board = join(root, 'rubrics/examples/url-shortener.strong.archdrill.json');
let out: string;

/** The real bin, with ARCHDRILL_CLI_BUNDLE set to `bundle` (a folder, or `none` for the sources through tsx). */
const run = (bundle: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARCHDRILL_DATA_DIR: join(out, 'data'), ARCHDRILL_CLI_BUNDLE: bundle, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'archdrill-cli-bundle-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('freshBundle', () => {
  const setUp = () => {
    const dir = mkdtempSync(join(out, 'fresh-'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'bundle'));
    writeFileSync(join(dir, 'src/a.ts'), 'export const a = 1;\n');
    const entry = 'import "./chunk.mjs";\n';
    writeFileSync(join(dir, 'bundle/main.mjs'), entry);
    writeFileSync(join(dir, 'bundle/chunk.mjs'), '');
    const { size, mtimeMs } = statSync(join(dir, 'src/a.ts'));
    const outputs = { 'main.mjs': entry.length, 'chunk.mjs': 0 };
    writeFileSync(
      join(dir, 'bundle', MANIFEST),
      JSON.stringify({ entry: 'main.mjs', inputs: { 'src/a.ts': [size, mtimeMs] }, outputs }),
    );
    return { dir, fresh: () => freshBundle(dir, join(dir, 'bundle')) };
  };
  it('names the entry while every source is as it was built', () => {
    const { dir, fresh } = setUp();
    expect(fresh()).toBe(`file://${join(dir, 'bundle/main.mjs')}`);
  });

  it('refuses a bundle whose source was touched or removed, or that lost a file or its manifest', () => {
    const touched = setUp();
    utimesSync(join(touched.dir, 'src/a.ts'), new Date(), new Date(Date.now() + 5000));
    expect(touched.fresh()).toBeNull();
    // Older mtime, same size: a file copied in from elsewhere.
    const older = setUp();
    utimesSync(join(older.dir, 'src/a.ts'), new Date(0), new Date(0));
    expect(older.fresh()).toBeNull();
    const removed = setUp();
    rmSync(join(removed.dir, 'src/a.ts'));
    expect(removed.fresh()).toBeNull();
    const noEntry = setUp();
    rmSync(join(noEntry.dir, 'bundle/main.mjs'));
    expect(noEntry.fresh()).toBeNull();
    const noChunk = setUp();
    rmSync(join(noChunk.dir, 'bundle/chunk.mjs'));
    expect(noChunk.fresh()).toBeNull();
    const cut = setUp();
    writeFileSync(join(cut.dir, 'bundle/main.mjs'), '');
    expect(cut.fresh()).toBeNull();
    const noManifest = setUp();
    rmSync(join(noManifest.dir, 'bundle', MANIFEST));
    expect(noManifest.fresh()).toBeNull();
  });
});

it('the bundle carries every built-in rubric as the same rubric its YAML file gives', async () => {
  const { data, files } = builtinRubricData(root);
  expect(Object.keys(data).length).toBe(files.length);
  for (const [id, read] of Object.entries(data)) {
    const fromFile = await loadRubricFile(join(root, 'rubrics', `${id}.yaml`), `${id}.yaml`);
    expect(fromFile.ok).toBe(true);
    // As the bundle carries it: through JSON.
    expect(parseRubricData(JSON.parse(JSON.stringify(read)), `${id}.yaml`)).toEqual(fromFile);
  }
});

describe('the bundled bin', { timeout: 120_000 }, () => {
  let bundle: string;
  beforeAll(() => {
    // Inside the package, as dist/cli is: the bundle finds its npm packages and the rubrics from where it lies.
    bundle = join(root, 'dist', `cli-test-${process.pid}`);
    const built = spawnSync(process.execPath, [join(root, 'electron/build/cli.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ARCHDRILL_CLI_OUT: bundle },
    });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(bundle, { recursive: true, force: true }));

  it('writes the same PNG, board and score as the sources run through tsx', () => {
    const png = (path: string) => join(out, `${path}.png`);
    expect(run(bundle, 'export', board, '--out', png('bundled'), '--theme', 'dark').code).toBe(0);
    expect(run('none', 'export', board, '--out', png('sources'), '--theme', 'dark').code).toBe(0);
    const [bundled, sources] = [png('bundled'), png('sources')].map((f) => new Uint8Array(readFileSync(f)));
    expect(PNG.sync.read(Buffer.from(bundled!)).width).toBeGreaterThan(1000);
    expect(Buffer.compare(bundled!, sources!)).toBe(0);
    expect(boardTextFromImage(bundled!)).toBe(boardTextFromImage(sources!));
    // The score needs the built-in rubrics, found from the bundle's own folder.
    expect(JSON.parse(pngTextOf(bundled!, PNG_KEYWORDS.score)!)).toMatchObject({ rubric: 'url-shortener' });
    const scored = run(bundle, 'score', board, '--json');
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout)).toEqual(JSON.parse(run('none', 'score', board, '--json').stdout));
  });

  /** A one-file bundle `main` under the real bundle's manifest: fresh until a source's record is changed. */
  const fakeBundle = (name: string, main: string) => {
    const dir = join(out, name);
    mkdirSync(dir);
    const manifest = JSON.parse(readFileSync(join(bundle, MANIFEST), 'utf8'));
    writeFileSync(join(dir, 'main.mjs'), main);
    manifest.outputs = { 'main.mjs': main.length };
    writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest));
    return { dir, manifest };
  };

  it('runs the bundle only while its sources are unchanged', () => {
    // A bundle that says which ran.
    const { dir: decoy, manifest } = fakeBundle(
      'decoy',
      "export const main = async () => { process.stdout.write('decoy'); return 0; };\n",
    );
    expect(run(decoy, 'rubrics').stdout).toBe('decoy');
    const [first] = Object.keys(manifest.inputs);
    manifest.inputs[first!][1] -= 1000;
    writeFileSync(join(decoy, MANIFEST), JSON.stringify(manifest));
    const stale = run(decoy, 'rubrics');
    expect(stale.code).toBe(0);
    expect(stale.stdout).toContain('url-shortener');
  });

  it('runs the sources, with a one-line warning, when a fresh bundle throws as it loads', () => {
    const { dir: broken } = fakeBundle(
      'broken',
      "import 'archdrill-package-that-is-not-there';\nexport const main = async () => 0;\n",
    );
    const r = run(broken, 'rubrics');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('url-shortener');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^archdrill: warning: the CLI bundle failed to load \(.*archdrill-package-that-is-not-there/),
    ]);
  });
});
