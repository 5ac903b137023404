import { BAND_LABELS, buildReport, formatTime, type ReportAlerts, type ReportModel, type ReportRule } from './model';
import { formatBytes, REPLAY_HOWTO, replayTooLarge } from './replayLink';
import type { ReportImage, ReportInput, ReportReplay } from './types';

/** Escapes text for HTML element content and double-quoted attributes. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Print-friendly, no external resources: the file must open the same offline, in a mail client or as a PDF.
const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2330;max-width:60rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.7rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #dfe3ea;padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.5rem 0 .35rem}.meta{color:#6b7385;font-size:.85rem}
.brief,.notes{white-space:pre-wrap;background:#f6f7f9;border:1px solid #dfe3ea;border-radius:6px;padding:.6rem .8rem}
.empty{color:#6b7385;font-style:italic}figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #dfe3ea;border-radius:6px}
table{border-collapse:collapse}td,th{border:1px solid #dfe3ea;padding:.25rem .6rem;text-align:left}
.score{font-weight:600}.band-strong{color:#1f9d55}.band-acceptable{color:#c98a06}.band-weak{color:#d64545}
.replay{background:#eef3ff;border:1px solid #c9d6f5;border-radius:6px;padding:.6rem .8rem}
.replay a{font-weight:600;color:#2550c8}.replay p{margin:.2rem 0}
.missed li{margin:.35rem 0}.missed strong{color:#d64545}.passed{color:#1f9d55}
.cap{color:#c98a06}.fatal{color:#d64545}.ok{color:#1f9d55}.off{color:#d64545}
@media print{body{margin:0;max-width:none}.replay{display:none}h2{break-after:avoid}figure{break-inside:avoid}}
`;

const rules = (list: readonly ReportRule[], cls: string, heading: string) =>
  list.length === 0
    ? ''
    : `<p>${heading}</p><ul class="${cls}">${list
        .map((r) => `<li><strong>${escapeHtml(r.name)}</strong> (${r.weight} pt) — ${escapeHtml(r.text)}</li>`)
        .join('')}</ul>`;

const stepSection = (s: ReportModel['steps'][number]) => {
  const facts = [
    s.time && `Time: ${escapeHtml(formatTime(s.time))}`,
    s.score && `Score: <span class="score">${s.score.earned} / ${s.score.possible} (${s.score.percent}%)</span>`,
  ].filter(Boolean);
  return `<section class="step" id="step-${s.id}">
<h3>${escapeHtml(s.title)}</h3>
${facts.length > 0 ? `<p class="meta">${facts.join(' · ')}</p>` : ''}
${s.notes ? `<div class="notes">${escapeHtml(s.notes)}</div>` : '<p class="empty">No notes for this step.</p>'}
${rules(s.missed, 'missed', 'Missed:')}
${rules(s.passed, 'passed', 'Earned:')}
</section>`;
};

// First on the page: the replay is what a coach reading the report wants next. Printing drops it (a link on paper does nothing).
const replaySection = (r: ReportReplay) => `<section id="replay" class="replay">
${
  r.href
    ? `<p><a href="${escapeHtml(r.href)}" download="${escapeHtml(r.name)}" type="application/json" data-testid="report-replay">Open this interview's replay in Archdrill</a> <span class="meta">(${escapeHtml(r.name)}, ${formatBytes(r.bytes)})</span></p>
<p class="meta">${escapeHtml(REPLAY_HOWTO)}</p>`
    : `<p class="meta">${escapeHtml(replayTooLarge(r))}</p>`
}
</section>`;

const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

/** What to fix first, under the overall score: each part only when it has something. */
const alertsHtml = (a: ReportAlerts): string =>
  [
    a.cap && `<p class="cap">${escapeHtml(a.cap)}</p>`,
    a.fatal.length > 0 &&
      `<h3 class="fatal">Fatal flaw${a.fatal.length === 1 ? '' : 's'}</h3>${list(a.fatal.map((f) => `<strong>${escapeHtml(f.name)}</strong> — ${escapeHtml(f.hint)}`))}`,
    a.leftOut.length > 0 && `<h3>Earned nothing</h3>${list(a.leftOut.map(escapeHtml))}`,
    a.estimates.length > 0 &&
      `<h3>Estimates against the brief</h3>${list(a.estimates.map((e) => `<span class="${e.ok ? 'ok' : 'off'}">${e.ok ? '✓' : '✗'}</span> ${escapeHtml(e.message)}`))}`,
  ]
    .filter(Boolean)
    .join('\n');

/**
 * A self-contained HTML report: the question and brief, the picture (a data
 * URL), the scorecard, the notes and time of each step, and the interviewer's
 * feedback. Every section is present even when empty, so readers know what was not done.
 * A report of a recorded attempt also links its replay (`replay`, see replayLink.ts).
 */
export const reportHtml = (input: ReportInput, image: ReportImage | null, replay: ReportReplay | null = null): string => {
  const m = buildReport(input);
  const size = image?.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
  const overall = m.overall
    ? `<p class="score">Overall: ${m.overall.earned} / ${m.overall.possible} (${m.overall.percent}%) — <span class="band-${m.overall.band}">${BAND_LABELS[m.overall.band]}</span></p>
${m.alerts ? alertsHtml(m.alerts) : ''}<table><thead><tr><th>Step</th><th>Score</th><th>Time</th><th>Missed</th></tr></thead><tbody>${m.steps
        .map(
          (s) =>
            `<tr><td>${escapeHtml(s.title)}</td><td>${s.score ? `${s.score.percent}%` : '—'}</td><td>${
              s.time ? escapeHtml(formatTime(s.time)) : '—'
            }</td><td>${s.missed.length}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="empty">Not scored: no rubric for this board.</p>';
  const components = m.components.map((c) => `${escapeHtml(c.label)} × ${c.count}`).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Archdrill">
<title>${escapeHtml(m.title)} — Archdrill report</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(m.title)}</h1>
<p class="meta">Archdrill system-design report${m.generatedAt ? ` · ${escapeHtml(m.generatedAt)}` : ''}</p>
</header>
${replay ? replaySection(replay) : ''}
<section id="brief"><h2>The question</h2>
${m.prompt ? `<div class="brief">${escapeHtml(m.prompt)}</div>` : '<p class="empty">No brief: free design.</p>'}
</section>
<section id="design"><h2>The design</h2>
${image ? `<figure><img src="${escapeHtml(image.src)}" alt="Architecture diagram: ${escapeHtml(m.title)}"${size}></figure>` : ''}
<p class="meta">${m.components.length > 0 ? `${components}; ` : 'No components; '}${m.connectionCount} connection${m.connectionCount === 1 ? '' : 's'}.</p>
</section>
<section id="scorecard"><h2>Scorecard</h2>
${overall}
</section>
<section id="steps"><h2>Step by step</h2>
${m.steps.map(stepSection).join('\n')}
</section>
<section id="feedback"><h2>Interviewer feedback</h2>
${
  m.feedback
    ? `${m.feedback.author ? `<p class="meta">From ${escapeHtml(m.feedback.author)}</p>` : ''}<table><thead><tr><th>Step</th><th>Rating</th><th>Comment</th></tr></thead><tbody>${m.feedback.rows
        .map(
          (r) =>
            `<tr><td>${escapeHtml(r.title)}</td><td>${r.rating ? escapeHtml(r.rating) : '—'}</td><td class="notes">${escapeHtml(r.comment)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="empty">No feedback recorded.</p>'
}
</section>
</body>
</html>
`;
};
