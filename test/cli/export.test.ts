import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBoard } from '@shared/board/codec';
import { addNodes } from '@shared/board/doc';
import { boardTextFromImage, PNG_KEYWORDS } from '@shared/board/image/embedded';
import { pngTextOf } from '@shared/board/image/pngText';
import { encodeAttemptsFile, parseAttemptsFile } from '@shared/interview/attemptFile';
import { recordTimeline } from '@shared/interview/timeline';
import { XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'electron/cli/archdrill.mjs');
const EXAMPLES = join(root, 'rubrics/examples');
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.archdrill.json'));
let out: string;

/** Runs the real bin with plain Node (no browser, no Electron). */
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARCHDRILL_DATA_DIR: join(out, 'data'), NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/**
 * The same command in this process (main() is what the bin calls): spawning
 * Node with tsx costs seconds per run on a busy machine, and every example
 * board is exported twice. The bin itself is run by spawn in the tests below.
 */
const call = async (...args: string[]) => {
  const { main } = await import('../../electron/cli/main');
  let stdout = '';
  let stderr = '';
  const write = (sink: 'out' | 'err') => (chunk: string | Uint8Array) => {
    if (sink === 'out') stdout += String(chunk);
    else stderr += String(chunk);
    return true;
  };
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = write('out') as typeof process.stdout.write;
  process.stderr.write = write('err') as typeof process.stderr.write;
  const previous = process.env.ARCHDRILL_DATA_DIR;
  process.env.ARCHDRILL_DATA_DIR = join(out, 'data');
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
    if (previous === undefined) delete process.env.ARCHDRILL_DATA_DIR;
    else process.env.ARCHDRILL_DATA_DIR = previous;
  }
};

const boardOf = (file: string) => {
  const decoded = decodeBoard(readFileSync(file, 'utf8'));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.board;
};

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'archdrill-export-cli-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('archdrill export', { timeout: 120_000 }, () => {
  it.each(examples)('%s: SVG and PNG, each carrying the board', async (name) => {
    const source = join(EXAMPLES, name);
    const base = name.replace('.archdrill.json', '');
    const svgFile = join(out, `${base}.svg`);
    const svgRun = await call('export', source, '--out', svgFile);
    expect(svgRun.stderr).toBe('');
    expect(svgRun.code).toBe(0);
    const svg = readFileSync(svgFile, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/foreignObject/i);
    expect(decodeBoard(boardTextFromImage(new Uint8Array(readFileSync(svgFile)))!)).toEqual({ ok: true, board: boardOf(source) });

    const pngFile = join(out, `${base}.png`);
    const pngRun = await call('export', source, '--out', pngFile, '--scale', '2', '--theme', 'dark');
    expect(pngRun.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(pngFile));
    const png = PNG.sync.read(Buffer.from(bytes));
    // 2× the SVG's size, as the app's export makes it.
    const [w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
    expect([png.width, png.height]).toEqual([w * 2, h * 2]);
    // Not blank: the dark canvas colour in the corner, and plenty of other colours (boxes, text, edges).
    expect([...png.data.subarray(0, 4)]).toEqual([0x11, 0x14, 0x19, 255]);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(50);
    expect(decodeBoard(boardTextFromImage(bytes)!)).toEqual({ ok: true, board: boardOf(source) });
    expect(JSON.parse(pngTextOf(bytes, PNG_KEYWORDS.score)!)).toMatchObject({ rubric: boardOf(source).question });
  });

  it('runs as the plain-Node bin, names the file after the board, and writes reports with their picture', async () => {
    const board = join(out, 'mine.archdrill.json');
    writeFileSync(board, readFileSync(join(EXAMPLES, 'url-shortener.strong.archdrill.json')));
    const bin = run('export', board);
    expect(bin.stdout).toMatch(/^wrote .*mine\.png \(\d+ × \d+ px at 2×\)\n$/);
    expect(bin.code).toBe(0);
    expect(decodeBoard(boardTextFromImage(new Uint8Array(readFileSync(join(out, 'mine.png'))))!)).toEqual({
      ok: true,
      board: boardOf(board),
    });
    expect((await call('export', board, '--format', 'html')).code).toBe(0);
    const html = readFileSync(join(out, 'mine-report.html'), 'utf8');
    expect(html).toContain('<h1>URL shortener');
    expect(html).toMatch(/<img src="data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect((await call('export', board, '--format', 'md')).code).toBe(0);
    expect(readFileSync(join(out, 'mine-report.md'), 'utf8')).toContain('mine-report.png');
    expect(PNG.sync.read(readFileSync(join(out, 'mine-report.png'))).width).toBeGreaterThan(100);
  });

  it('links the replay given with --replay: the HTML report carries the attempts file, Markdown writes it beside', async () => {
    const board = join(out, 'replayed.archdrill.json');
    writeFileSync(board, readFileSync(join(EXAMPLES, 'url-shortener.strong.archdrill.json')));
    const doc = new Y.Doc();
    const clock = { now: 1000 };
    const rec = recordTimeline(doc, { attemptId: 'a1', now: () => clock.now, windowMs: 0 });
    addNodes(doc, [{ id: 'c', kind: 'client', position: { x: 0, y: 0 } }], 'me');
    rec.stop();
    const record = {
      id: 'a1',
      question: 'url-shortener',
      title: 'URL shortener',
      startedAt: 1000,
      endedAt: 9000,
      durationSec: 8,
      percent: 50,
      band: 'acceptable' as const,
      perStep: [],
      boardFile: readFileSync(board, 'utf8'),
      replay: true,
    };
    const attempts = join(out, 'sent.archdrill-attempts.json');
    const text = encodeAttemptsFile([{ record, timeline: rec.timeline() }], 1);
    writeFileSync(attempts, text);

    const html = await call('export', board, '--format', 'html', '--replay', attempts);
    expect([html.code, html.stderr]).toEqual([0, '']);
    expect(html.stdout).toMatch(/replayed-report\.html \(with its replay\)/);
    const page = readFileSync(join(out, 'replayed-report.html'), 'utf8');
    const link = /<a href="(data:[^"]+)" download="replayed-report-replay\.archdrill-attempts\.json"/.exec(page);
    expect(link).not.toBeNull();
    expect(await (await fetch(link![1]!)).text()).toBe(text);

    expect((await call('export', board, '--format', 'md', '--replay', attempts)).code).toBe(0);
    expect(readFileSync(join(out, 'replayed-report.md'), 'utf8')).toContain('(replayed-report-replay.archdrill-attempts.json)');
    const beside = parseAttemptsFile(readFileSync(join(out, 'replayed-report-replay.archdrill-attempts.json'), 'utf8'));
    expect(beside.ok && beside.attempts[0]!.record.id).toBe('a1');

    // A file that is not an attempts file, or a picture export, is refused before anything is written.
    const target = join(out, 'never-report.html');
    for (const [args, reason] of [
      [['--format', 'html', '--replay', board], /--replay: replayed\.archdrill\.json: This is not an Archdrill attempts file/],
      [['--format', 'html', '--replay', join(out, 'gone.json')], /--replay: gone\.json: no such file/],
      [['--format', 'png', '--replay', attempts], /only reports/],
    ] as const) {
      const r = await call('export', board, ...args, '--out', target);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(reason);
      expect(existsSync(target)).toBe(false);
    }
  });

  it('scores an exported PNG or SVG as it scores the board file', async () => {
    const source = join(EXAMPLES, 'feed.strong.archdrill.json');
    const fromFile = JSON.parse((await call('score', source, '--json')).stdout);
    for (const picture of ['feed.strong.png', 'feed.strong.svg']) {
      const r = picture.endsWith('.png')
        ? run('score', join(out, picture), '--json')
        : await call('score', join(out, picture), '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ percent: fromFile.percent, band: fromFile.band, rubricId: 'feed' });
    }
  });

  it('refuses bad input with exit 2 and one line, writing nothing', async () => {
    const target = join(out, 'never.png');
    const plainPng = join(out, 'plain.png');
    writeFileSync(plainPng, PNG.sync.write(new PNG({ width: 2, height: 2 })));
    const empty = join(out, 'empty.archdrill.json');
    writeFileSync(empty, JSON.stringify({ format: 'archdrill.board', version: 1, nodes: [], edges: [] }));
    const source = join(EXAMPLES, 'chat.strong.archdrill.json');
    for (const [args, reason] of [
      [['missing.archdrill.json'], /missing\.archdrill\.json: no such file/],
      [[join(root, 'package.json')], /not an Archdrill board/],
      [[plainPng], /PNG image without an Archdrill board inside/],
      [[empty], /board is empty/],
      [[source, '--format', 'gif'], /--format: must be png, svg, html or md/],
      [[source, '--scale', '4'], /--scale: must be from 1 to 3/],
      [[source, '--theme', 'blue'], /--theme: must be light or dark/],
      [[source, '--frob'], /unknown option --frob/],
      [[source, '--rubric', 'nope'], /unknown rubric "nope"/],
    ] as const) {
      const r = await call('export', ...args, '--out', target);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
      expect(existsSync(target), args.join(' ')).toBe(false);
    }
    // And from the bin itself.
    const r = run('export', join(EXAMPLES, 'chat.strong.archdrill.json'), '--scale', '4', '--out', target);
    expect([r.code, r.stderr]).toEqual([2, 'archdrill: --scale: must be from 1 to 3 (see archdrill export --help)\n']);
    expect(existsSync(target)).toBe(false);
  });
});
