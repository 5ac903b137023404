import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBoard } from '@shared/board/codec';
import { boardSvgFile } from '@shared/export/picture';
import type { SvgOptions } from '@shared/export/renderSvg';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The exported SVG opens alike in the viewers people use besides Chromium:
 * Inkscape and Firefox, each compared with librsvg (which the browser tests
 * compare with Chromium). Measured at 1×: Inkscape 1.2 vs librsvg 2.54 on the
 * 26 example boards (and two in dark) 0.00 % of pixels (both draw with cairo),
 * Firefox ESR 140 vs librsvg on five of them at most 0.5 % (glyph anti-aliasing). Each viewer is optional: when it is not
 * installed its test is skipped, saying so. .ci/run does not install them
 * (Firefox and Inkscape with their libraries are about 400 MB).
 */
const BOUND = 0.02;

const root = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = join(root, 'rubrics/examples');
const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
const HAVE = { rsvg: has('rsvg-convert'), inkscape: has('inkscape'), firefox: has('firefox-esr') || has('firefox') };
const FIREFOX = has('firefox-esr') ? 'firefox-esr' : 'firefox';
let out: string;

const LIGHT: SvgOptions = { theme: 'light', background: 'theme', padding: 32, title: 'Example', legend: true };
const DARK: SvgOptions = { ...LIGHT, theme: 'dark' };

/** Every example board drawn as the CLI exports it; two in the dark theme as well. */
const pictures = () =>
  readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.archdrill.json'))
    .flatMap((f, i) => {
      const decoded = decodeBoard(readFileSync(join(EXAMPLES, f), 'utf8'));
      if (!decoded.ok) throw new Error(`${f}: ${decoded.error}`);
      const base = f.replace('.archdrill.json', '');
      const draw = (name: string, options: SvgOptions) => {
        const drawn = boardSvgFile(decoded.board, options);
        const file = join(out, `${name}.svg`);
        writeFileSync(file, drawn.svg);
        return { name, file, width: drawn.width, height: drawn.height };
      };
      return [draw(base, LIGHT), ...(i < 2 ? [draw(`${base}.dark`, DARK)] : [])];
    });

const differing = (a: PNG, b: PNG) => {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  return pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 }) / (a.width * a.height);
};

const rsvg = (file: string) => {
  const png = `${file}.rsvg.png`;
  expect(spawnSync('rsvg-convert', ['-z', '1', '-o', png, file]).status).toBe(0);
  return PNG.sync.read(readFileSync(png));
};

/** Prints the largest difference measured, then holds every picture to the bound. */
const report = (viewer: string, measured: readonly { name: string; share: number }[]) => {
  const worst = measured.reduce((a, b) => (b.share > a.share ? b : a));
  console.log(
    `${viewer} vs librsvg, ${measured.length} pictures: at most ${(worst.share * 100).toFixed(2)} % of pixels differ (${worst.name})`,
  );
  for (const m of measured) expect(m.share, `${m.name}: ${viewer} vs librsvg`).toBeLessThan(BOUND);
};

/** Skips with the reason shown in the report, and says so on the console too. */
const needs = (ctx: { skip: (note?: string) => void }, ...tools: (keyof typeof HAVE)[]) => {
  const missing = tools.filter((t) => !HAVE[t]);
  if (missing.length === 0) return;
  const note = `skipped: ${missing.join(' and ')} not installed (apt-get install ${missing.map((t) => (t === 'rsvg' ? 'librsvg2-bin' : t === 'firefox' ? 'firefox-esr' : t)).join(' ')})`;
  console.warn(note);
  ctx.skip(note);
};

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'archdrill-svg-viewers-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('exported SVG in other viewers', { timeout: 600_000 }, () => {
  it('Inkscape draws every example board as librsvg does', (ctx) => {
    needs(ctx, 'inkscape', 'rsvg');
    const all = pictures();
    // One Inkscape run for all of them: it starts slowly.
    const run = spawnSync('inkscape', ['--export-type=png', '--export-overwrite', ...all.map((p) => p.file)], {
      encoding: 'utf8',
      env: { ...process.env, HOME: out },
      timeout: 540_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const measured = all.map((p) => {
      const ink = PNG.sync.read(readFileSync(p.file.replace(/\.svg$/, '.png')));
      expect([ink.width, ink.height], p.name).toEqual([p.width, p.height]);
      return { name: p.name, share: differing(ink, rsvg(p.file)) };
    });
    report('Inkscape', measured);
  });

  it('Firefox draws example boards, light and dark, as librsvg does', (ctx) => {
    needs(ctx, 'firefox', 'rsvg');
    // Firefox takes a screenshot per start-up, which is slow: the two dark pictures and three light ones.
    const all = pictures();
    const chosen = [...all.filter((p) => p.name.endsWith('.dark')), ...all.filter((p) => !p.name.endsWith('.dark')).slice(0, 3)];
    const measured: { name: string; share: number }[] = [];
    for (const p of chosen) {
      const shot = `${p.file}.firefox.png`;
      const profile = mkdtempSync(join(out, 'profile-'));
      const run = spawnSync(
        FIREFOX,
        [
          '--headless',
          '--no-remote',
          '--profile',
          profile,
          '--screenshot',
          shot,
          `--window-size=${p.width},${p.height}`,
          `file://${p.file}`,
        ],
        { encoding: 'utf8', env: { ...process.env, HOME: out, MOZ_HEADLESS: '1' }, timeout: 240_000 },
      );
      expect(run.status, `${p.name}: ${run.stderr}`).toBe(0);
      measured.push({ name: p.name, share: differing(PNG.sync.read(readFileSync(shot)), rsvg(p.file)) });
    }
    report('Firefox', measured);
  });
});
