import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBoard } from '../../../shared/board/codec';
import type { Board } from '../../../shared/board/types';
import { BANDS, type Band, scoreBoard } from '../../../shared/rules';
import { loadBuiltin } from './builtins';

/**
 * The calibration set: boards drawn the way candidates draw them, each with
 * the band an experienced interviewer would give and why (the board file's
 * `calibration` field). The engine must agree on at least 90% of them, never
 * call a gamed or fatally flawed board strong, and order each question's
 * strong > mid > weak ≥ empty.
 */
const DIR = new URL('../../fixtures/calibration/', import.meta.url);

interface Case {
  readonly file: string;
  readonly question: string;
  readonly name: string;
  readonly board: Board;
  readonly expected: Band;
  readonly why: string;
}

const cases: Case[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.archdrill.json'))
  .sort()
  .map((file) => {
    const decoded = decodeBoard(readFileSync(new URL(file, DIR), 'utf8'));
    if (!decoded.ok) throw new Error(`${file}: ${decoded.error}`);
    const meta = decoded.board.extra?.calibration as { band: Band; why: string } | undefined;
    if (!meta || !BANDS.includes(meta.band) || !meta.why) throw new Error(`${file}: needs calibration.band and calibration.why`);
    const [question, name] = file.replace('.archdrill.json', '').split('.') as [string, string];
    return { file, question, name, board: decoded.board, expected: meta.band, why: meta.why };
  });

const questions = [...new Set(cases.map((c) => c.question))];
const results = cases.map((c) => ({ ...c, score: scoreBoard(c.board, loadBuiltin(c.question)) }));

describe('calibration', () => {
  it('has at least 10 boards per question, each with a band and a reason', () => {
    for (const q of ['url-shortener', 'chat', 'feed'])
      expect(cases.filter((c) => c.question === q).length, q).toBeGreaterThanOrEqual(10);
  });

  it('agrees with the interviewer on at least 90% of the boards (prints the confusion table)', () => {
    const table = BANDS.map((want) =>
      BANDS.map((got) => results.filter((r) => r.expected === want && r.score.band === got).length),
    );
    const lines = [
      `interviewer ↓ / engine → | ${BANDS.join(' | ')}`,
      ...BANDS.map((b, i) => `${b.padEnd(24)} | ${table[i]!.join(' | ')}`),
      '',
      ...results.map(
        (r) =>
          `${r.score.band === r.expected ? ' ' : '✗'} ${r.file.padEnd(48)} ${String(r.score.percent).padStart(3)}% ${r.score.band.padEnd(10)} (interviewer: ${r.expected})${r.score.fatalFlaws.length ? ` fatal: ${r.score.fatalFlaws.map((f) => f.ruleId).join(', ')}` : ''}`,
      ),
    ];
    console.log(lines.join('\n'));
    const agree = results.filter((r) => r.score.band === r.expected).length;
    expect(agree / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it('never calls a gamed or fatally flawed board strong', () => {
    for (const r of results.filter((x) => /gamer|flaw|brief/.test(x.name))) expect(r.score.band, r.file).not.toBe('strong');
  });

  it('names the fatal flaw of every flawed board', () => {
    for (const r of results.filter((x) => x.name.startsWith('flaw')))
      expect(r.score.fatalFlaws.length, r.file).toBeGreaterThan(0);
  });

  it.each(questions)('orders %s: strong > mid > weak ≥ empty', (q) => {
    const pct = (name: string) => results.find((r) => r.question === q && r.name === name)!.score.percent;
    expect(pct('strong')).toBeGreaterThan(pct('mid'));
    expect(pct('mid')).toBeGreaterThan(pct('weak'));
    expect(pct('weak')).toBeGreaterThanOrEqual(pct('empty'));
  });

  it.each(questions)('scores %s the same whether drawn with specific kinds or generic labelled boxes', (q) => {
    const pct = (name: string) => results.find((r) => r.question === q && r.name === name)!.score.percent;
    expect(Math.abs(pct('strong') - pct('strong-generic'))).toBeLessThanOrEqual(5);
  });
});
