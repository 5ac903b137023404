import type { NodeKind } from '../board/kinds';
import { displayName, kindInfo } from '../catalogue/catalogue';
import { STEPS, type StepId } from '../framework/steps';
import { isMissed } from '../rules/missed';
import { bandCapMessage, fatalHintText } from '../rules/score';
import type { Band, ScoreResult } from '../rules/types';
import { FEEDBACK_KEYS, type Feedback, RATING_LABELS } from '../session/feedback';
import type { ReportInput, StepTime } from './types';

/** A rule as the report lists it: a name, its weight and the text to show. */
export interface ReportRule {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  /** The rubric's `hint` for a missed rule, its `pass` text for a passed one. */
  readonly text: string;
}

export interface ReportStep {
  readonly id: StepId;
  readonly title: string;
  readonly notes: string;
  readonly time?: StepTime;
  readonly score?: { readonly earned: number; readonly possible: number; readonly percent: number };
  readonly missed: readonly ReportRule[];
  readonly passed: readonly ReportRule[];
}

/**
 * What to fix first, as the score panel shows it above the rules: fatal
 * flaws, why the band is capped, boxes that earned nothing, and each
 * estimate against the brief.
 */
export interface ReportAlerts {
  readonly cap?: string;
  readonly fatal: readonly { readonly name: string; readonly hint: string }[];
  /** "“Kafka” leads nowhere: nothing reads from it", "Spare cache is not connected to anything". */
  readonly leftOut: readonly string[];
  readonly estimates: readonly { readonly ok: boolean; readonly message: string }[];
}

/** The report's content in reading order, shared by the HTML and Markdown renderers. */
export interface ReportModel {
  readonly title: string;
  readonly prompt?: string;
  readonly generatedAt?: string;
  readonly overall?: { readonly earned: number; readonly possible: number; readonly percent: number; readonly band: Band };
  /** Present with a score. */
  readonly alerts?: ReportAlerts;
  readonly components: readonly { readonly label: string; readonly kind: string; readonly count: number }[];
  readonly connectionCount: number;
  readonly steps: readonly ReportStep[];
  readonly feedback?: ReportFeedback;
}

/** The interviewer's feedback rows that have something in them, in step order, overall last. */
export interface ReportFeedback {
  readonly author?: string;
  readonly rows: readonly { readonly title: string; readonly rating?: string; readonly comment: string }[];
}

const feedbackOf = (feedback: Feedback | undefined): ReportFeedback | undefined => {
  if (!feedback) return undefined;
  const rows = FEEDBACK_KEYS.flatMap((key) => {
    const e = feedback.entries[key];
    if (!e || (e.rating === null && !e.comment.trim())) return [];
    const title = STEPS.find((s) => s.id === key)?.title ?? 'Overall';
    return [
      { title, ...(e.rating !== null && { rating: `${e.rating}/5 ${RATING_LABELS[e.rating]}` }), comment: e.comment.trim() },
    ];
  });
  return rows.length > 0 ? { ...(feedback.author && { author: feedback.author }), rows } : undefined;
};

/** "base62-encoding" → "Base62 encoding": a readable fallback when the rubric gives no concept. */
const humanize = (id: string) => {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const alertsOf = (score: ScoreResult, ruleNames: ReportInput['ruleNames']): ReportAlerts => {
  const cap = bandCapMessage(score);
  return {
    ...(cap && { cap }),
    fatal: score.fatalFlaws.map((f) => ({
      name: ruleNames?.[f.ruleId] ?? f.concept ?? humanize(f.ruleId),
      hint: fatalHintText(f.hint),
    })),
    leftOut: [
      ...score.deadEnds.map((d) => `${displayName(d)} leads nowhere and earns nothing: ${d.why}`),
      ...score.unconnected.map((u) => `${displayName(u)} is not connected to anything and earns nothing`),
    ],
    estimates: score.estimates.map((e) => ({ ok: e.withinTolerance, message: e.message })),
  };
};

/** Builds the report's content from the board, the question and (when there is one) the score. */
export const buildReport = (input: ReportInput): ReportModel => {
  const { board, score } = input;
  const rules = score?.rules ?? [];
  const ruleOf = (r: (typeof rules)[number]): ReportRule => ({
    id: r.id,
    name: input.ruleNames?.[r.id] ?? r.concept ?? humanize(r.id),
    weight: r.weight,
    text: r.explanation,
  });
  const counts = new Map<NodeKind, number>();
  for (const n of board.nodes) {
    if (n.kind === 'text' || n.kind === 'group') continue;
    counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  }
  const steps = STEPS.map((s): ReportStep => {
    const stepScore = score?.steps.find((x) => x.step === s.id);
    const time = input.times?.[s.id];
    return {
      id: s.id,
      title: s.title,
      notes: board.notes[s.id]?.trim() ?? '',
      ...(time && { time }),
      ...(stepScore &&
        stepScore.possible > 0 && {
          score: { earned: stepScore.earned, possible: stepScore.possible, percent: stepScore.percent },
        }),
      missed: rules.filter((r) => r.step === s.id && isMissed(r)).map(ruleOf),
      passed: rules.filter((r) => r.step === s.id && r.passed).map(ruleOf),
    };
  });
  const title = input.question?.title ?? board.question ?? 'Free design';
  return {
    title,
    ...(input.question?.prompt && { prompt: input.question.prompt.trim() }),
    ...(input.generatedAt && { generatedAt: input.generatedAt }),
    ...(score && {
      overall: { earned: score.earned, possible: score.possible, percent: score.percent, band: score.band },
      alerts: alertsOf(score, input.ruleNames),
    }),
    components: [...counts]
      .map(([kind, count]) => ({ kind, count, label: kindInfo(kind).label }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    connectionCount: board.edges.length,
    steps,
    ...(feedbackOf(input.feedback) && { feedback: feedbackOf(input.feedback) }),
  };
};

/** 754 → "12:34"; 3725 → "1:02:05". */
export const formatDuration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

export const formatTime = (t: StepTime): string =>
  t.planned !== undefined ? `${formatDuration(t.spent)} of ${formatDuration(t.planned)}` : formatDuration(t.spent);

export const BAND_LABELS: Readonly<Record<Band, string>> = { strong: 'Strong', acceptable: 'Acceptable', weak: 'Weak' };
