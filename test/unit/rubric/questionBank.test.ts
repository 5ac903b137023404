import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBoard } from '../../../shared/board/codec';
import type { Board } from '../../../shared/board/types';
import { emptyBoard } from '../../../shared/board/types';
import { STEP_IDS } from '../../../shared/framework/steps';
import { scoreBoard } from '../../../shared/rules';
import { BANDS, type Band, type ScoreResult } from '../../../shared/rules/types';
import { loadSample } from '../../fixtures/boards/builders';
import { loadBuiltin } from './builtins';

interface CalibrationBoard {
  readonly name: string;
  readonly board: Board;
  readonly band: Band;
}

const CALIBRATION = new URL('../../fixtures/calibration/', import.meta.url);

/** The calibration boards of one question: `<question>.<name>.archdrill.json` with `calibration: { band, why }`. */
const calibrationBoards = (question: string): CalibrationBoard[] =>
  readdirSync(CALIBRATION)
    .filter((f) => f.startsWith(`${question}.`) && f.endsWith('.archdrill.json'))
    .sort()
    .map((file) => {
      const decoded = decodeBoard(readFileSync(new URL(file, CALIBRATION), 'utf8'));
      if (!decoded.ok) throw new Error(`${file}: ${decoded.error}`);
      const meta = decoded.board.extra?.calibration as { band?: Band; why?: string } | undefined;
      if (!meta?.band || !BANDS.includes(meta.band) || !meta.why)
        throw new Error(`${file}: needs calibration.band and calibration.why`);
      return { name: file.slice(question.length + 1).replace(/\.archdrill\.json$/, ''), board: decoded.board, band: meta.band };
    });

/** The question bank beyond the first three: each held to the same standard. */
const BANK = [
  'rate-limiter',
  'notifications',
  'web-crawler',
  'key-value-store',
  'autocomplete',
  'video-streaming',
  'ride-hailing',
  'file-sync',
  'payments',
  'ticket-booking',
] as const;

describe.each(BANK)('question %s', (question) => {
  const rubric = loadBuiltin(question);
  const calibration = calibrationBoards(question);
  const examples: CalibrationBoard[] = (['textbook', 'strong'] as const).map((level) => ({
    name: `example-${level}`,
    board: loadSample(`${question}.${level}`),
    band: level === 'strong' ? 'strong' : 'acceptable',
  }));
  const blank: CalibrationBoard = { name: 'blank', board: emptyBoard(question), band: 'weak' };
  const all = [...examples, ...calibration, blank];
  const scores = new Map<string, ScoreResult>(all.map((b) => [b.name, scoreBoard(b.board, rubric)]));
  const score = (name: string): ScoreResult => scores.get(name)!;

  it('has a brief with scale, a category and a difficulty, and interviewer follow-ups', () => {
    expect(rubric.prompt).toMatch(/\bScale\b/);
    expect(rubric.category).toBeTruthy();
    expect(rubric.difficulty).toBeTruthy();
    expect(rubric.followUps.length).toBeGreaterThanOrEqual(4);
    // Questions an interviewer asks ("…?" or "Walk me through …"), not hints.
    for (const q of rubric.followUps) expect(q, q).toMatch(/\?$|\bwalk me through\b/i);
  });

  it('expects estimates with their derivations and tolerances, each checked by a rule', () => {
    expect(rubric.estimates.length).toBeGreaterThanOrEqual(3);
    expect(rubric.estimates.map((e) => e.quantity)).toContain('qps');
    const checked = JSON.stringify(rubric.rules.map((r) => r.check));
    for (const e of rubric.estimates) {
      expect(e.how, e.id).toMatch(/\d/);
      expect(e.tolerance, e.id).toBeGreaterThan(1);
      expect(checked, e.id).toContain(`"estimate":"${e.id}"`);
    }
  });

  it('has at least 15 weighted rules over all five steps, with two or more fatal flaws', () => {
    expect(rubric.rules.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rubric.rules.map((r) => r.step))).toEqual(new Set(STEP_IDS));
    const fatal = rubric.rules.filter((r) => r.flaw && r.severity === 'fatal');
    expect(fatal.length).toBeGreaterThanOrEqual(2);
    for (const r of rubric.rules) expect(r.hint.length, r.id).toBeGreaterThan(60);
  });

  it('has calibration boards of every kind: strong, mid, weak, gamer and a flawed design per fatal flaw', () => {
    const names = calibration.map((b) => b.name);
    for (const kind of ['strong', 'strong-generic', 'mid', 'weak', 'gamer', 'flawed', 'empty'])
      expect(
        names.some((n) => n.startsWith(kind)),
        kind,
      ).toBe(true);
    const fatal = rubric.rules.filter((r) => r.flaw && r.severity === 'fatal').map((r) => r.id);
    const found = new Set(calibration.flatMap((b) => score(b.name).fatalFlaws.map((f) => f.ruleId)));
    for (const id of fatal) expect(found.has(id), `a flawed board commits ${id}`).toBe(true);
  });

  it('bands the boards as an interviewer does (≥ 90 % agreement), never a gamer or flawed board strong', () => {
    const misses = all
      .filter((b) => score(b.name).band !== b.band)
      .map((b) => `${b.name}: ${score(b.name).band} (${score(b.name).percent}%), want ${b.band}`);
    expect(misses.length / all.length, misses.join('\n')).toBeLessThanOrEqual(0.1);
    for (const b of all.filter((x) => /^(gamer|flawed)/.test(x.name))) expect(score(b.name).band, b.name).not.toBe('strong');
    for (const b of all.filter((x) => x.name.startsWith('flawed')))
      expect(score(b.name).fatalFlaws.length, b.name).toBeGreaterThan(0);
  });

  it('scores the strong design the same in generic labelled boxes', () => {
    expect(Math.abs(score('strong').percent - score('strong-generic').percent)).toBeLessThanOrEqual(5);
  });

  it('orders strong > mid > weak ≥ empty, and the examples by their level', () => {
    const percent = (name: string) => score(name).percent;
    const strong = calibration.filter((b) => b.band === 'strong').map((b) => percent(b.name));
    expect(Math.min(...strong)).toBeGreaterThan(percent('mid'));
    expect(percent('mid')).toBeGreaterThan(percent('weak'));
    expect(percent('weak')).toBeGreaterThanOrEqual(percent('blank'));
    expect(percent('example-strong')).toBeGreaterThan(percent('example-textbook'));
  });

  // Every rule has a fixture board where it passes and one where it fails (not-applicable is neither).
  it.each(rubric.rules.map((r) => [r.id] as const))('rule %s passes on some board and fails on another', (id) => {
    const status = all.map((b) => [b.name, score(b.name).rules.find((r) => r.id === id)!.status] as const);
    expect(
      status.filter(([, s]) => s === 'passed').map(([n]) => n),
      'boards where it passes',
    ).not.toEqual([]);
    expect(
      status.filter(([, s]) => s === 'failed' || s === 'partial').map(([n]) => n),
      'boards where it fails',
    ).not.toEqual([]);
  });

  it('a passed rule on the strong example carries evidence the UI can select or quote', () => {
    for (const r of score('example-strong').rules.filter((x) => x.status === 'passed' && !x.severity))
      expect(r.evidence.nodeIds.length + r.evidence.edgeIds.length + r.evidence.notes.length, r.id).toBeGreaterThan(0);
  });
});
