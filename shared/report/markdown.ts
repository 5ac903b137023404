import { BAND_LABELS, buildReport, formatTime, type ReportAlerts, type ReportRule } from './model';
import { formatBytes, REPLAY_HOWTO, replayTooLarge } from './replayLink';
import type { ReportImage, ReportInput, ReportReplay } from './types';

/** Escapes characters Markdown would read as formatting inside a line of prose. */
const inline = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\s*\n\s*/g, ' ');

/** Notes keep their own lines and any Markdown the candidate wrote; a fence would hide it. */
const block = (s: string) =>
  s
    .split('\n')
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');

const ruleLines = (list: readonly ReportRule[]) =>
  list.map((r) => `- **${inline(r.name)}** (${r.weight} pt) — ${inline(r.text)}`).join('\n');

/** What to fix first, under the overall score: each part only when it has something. */
const alertLines = (a: ReportAlerts): string[] => {
  const out: string[] = [];
  if (a.cap) out.push(`_${inline(a.cap)}_`, '');
  if (a.fatal.length > 0)
    out.push(
      `**Fatal flaw${a.fatal.length === 1 ? '' : 's'}**`,
      '',
      ...a.fatal.map((f) => `- **${inline(f.name)}** — ${inline(f.hint)}`),
      '',
    );
  if (a.leftOut.length > 0) out.push('**Earned nothing**', '', ...a.leftOut.map((l) => `- ${inline(l)}`), '');
  if (a.estimates.length > 0)
    out.push('**Estimates against the brief**', '', ...a.estimates.map((e) => `- ${e.ok ? '✓' : '✗'} ${inline(e.message)}`), '');
  return out;
};

/**
 * The report as Markdown: the same sections as the HTML report, with the
 * picture referenced as a file beside the .md (e.g. `design-report.png`), and
 * the replay, when there is one, as the attempt file beside it too.
 */
export const reportMarkdown = (input: ReportInput, image: ReportImage | null, replay: ReportReplay | null = null): string => {
  const m = buildReport(input);
  const out: string[] = [`# ${inline(m.title)}`, ''];
  out.push(`_Archdrill system-design report${m.generatedAt ? ` · ${inline(m.generatedAt)}` : ''}_`, '');
  if (replay?.href)
    out.push(
      `**[Open this interview's replay in Archdrill](${encodeURI(replay.href)})** (${inline(replay.name)}, ${formatBytes(replay.bytes)})`,
      '',
      `_${REPLAY_HOWTO}_`,
      '',
    );
  else if (replay) out.push(`_${inline(replayTooLarge(replay))}_`, '');
  out.push('## The question', '', m.prompt ? block(m.prompt) : '_No brief: free design._', '');
  out.push('## The design', '');
  if (image) out.push(`![Architecture diagram: ${inline(m.title)}](${encodeURI(image.src)})`, '');
  const parts = m.components.map((c) => `${inline(c.label)} × ${c.count}`).join(', ');
  out.push(`${parts || 'No components'}; ${m.connectionCount} connection${m.connectionCount === 1 ? '' : 's'}.`, '');
  out.push('## Scorecard', '');
  if (m.overall) {
    const o = m.overall;
    out.push(`**Overall: ${o.earned} / ${o.possible} (${o.percent}%) — ${BAND_LABELS[o.band]}**`, '');
    if (m.alerts) out.push(...alertLines(m.alerts));
    out.push('| Step | Score | Time | Missed |', '|---|---|---|---|');
    for (const s of m.steps)
      out.push(
        `| ${inline(s.title)} | ${s.score ? `${s.score.percent}%` : '—'} | ${s.time ? formatTime(s.time) : '—'} | ${s.missed.length} |`,
      );
    out.push('');
  } else out.push('_Not scored: no rubric for this board._', '');
  out.push('## Step by step', '');
  for (const s of m.steps) {
    out.push(`### ${inline(s.title)}`, '');
    const facts = [
      s.time && `Time: ${formatTime(s.time)}`,
      s.score && `Score: ${s.score.earned} / ${s.score.possible} (${s.score.percent}%)`,
    ].filter(Boolean);
    if (facts.length > 0) out.push(`_${facts.join(' · ')}_`, '');
    out.push(s.notes ? block(s.notes) : '_No notes for this step._', '');
    if (s.missed.length > 0) out.push('Missed:', '', ruleLines(s.missed), '');
    if (s.passed.length > 0) out.push('Earned:', '', ruleLines(s.passed), '');
  }
  out.push('## Interviewer feedback', '');
  if (m.feedback) {
    if (m.feedback.author) out.push(`_From ${inline(m.feedback.author)}_`, '');
    out.push('| Step | Rating | Comment |', '|---|---|---|');
    for (const r of m.feedback.rows)
      out.push(`| ${inline(r.title)} | ${r.rating ?? '—'} | ${inline(r.comment.replace(/\n+/g, ' '))} |`);
    out.push('');
  } else out.push('_No feedback recorded._', '');
  return out.join('\n');
};
