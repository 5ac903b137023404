import { isStepId, STEP_IDS, STEPS, stepInfo } from '@shared/framework/steps';
import { describe, expect, it } from 'vitest';

/** DESIGN.md's framework table: notes and rubric rules are keyed by these ids. */
const DESIGN_STEPS = [
  { id: 'understand', title: 'Understand the problem', defaultMinutes: 5 },
  { id: 'scope', title: 'Define scope & requirements', defaultMinutes: 5 },
  { id: 'high_level', title: 'High-level design', defaultMinutes: 10 },
  { id: 'deep_dive', title: 'Deep dive', defaultMinutes: 15 },
  { id: 'bottlenecks', title: 'Identify & resolve bottlenecks', defaultMinutes: 5 },
];

describe('interview framework steps', () => {
  it('have DESIGN.md ids, titles and default minutes, in order', () => {
    expect([...STEP_IDS]).toEqual(DESIGN_STEPS.map((s) => s.id));
    expect(STEPS.map(({ id, title, defaultMinutes }) => ({ id, title, defaultMinutes }))).toEqual(DESIGN_STEPS);
  });

  it('add up to the 40-minute mock', () => {
    expect(STEPS.reduce((sum, s) => sum + s.defaultMinutes, 0)).toBe(40);
  });

  it('each give a summary and prompts to ask aloud', () => {
    for (const s of STEPS) {
      expect(s.summary.trim()).not.toBe('');
      expect(s.prompts.length).toBeGreaterThan(0);
      for (const p of s.prompts) expect(p.trim()).not.toBe('');
    }
  });

  it('the scope step carries the estimation formulas', () => {
    const prompts = stepInfo('scope').prompts.join(' ');
    expect(prompts).toMatch(/86,?400/);
    expect(prompts).toMatch(/replication/);
  });

  it('isStepId accepts the five ids only', () => {
    for (const id of STEP_IDS) expect(isStepId(id)).toBe(true);
    expect(isStepId('summary')).toBe(false);
    expect(isStepId('')).toBe(false);
  });
});
