import { expect, type Locator, type Page, test } from '@playwright/test';
import { baseUrl, drawReadPath, edgePaths, flowNodes, openApp, shot } from './support/board';

/**
 * A candidate runs a whole mock interview on the URL shortener, with time
 * running 60× faster (`?timescale=60`: a 4½-minute step lasts 4½ seconds).
 */

const STEP_IDS = ['understand', 'scope', 'high_level', 'deep_dive', 'bottlenecks'] as const;
type StepId = (typeof STEP_IDS)[number];

const NOTES: Record<StepId, string> = {
  understand:
    'Features: shorten a long URL, redirect short → long, links expire (TTL), optional custom alias.\nRead heavy: about 100:1 redirects per new link.',
  scope: 'Highly available (99.99%), low latency redirects (< 50 ms). Analytics may be eventually consistent.',
  high_level: 'Client → load balancer → stateless shortener service → Redis cache → NoSQL key-value store.',
  deep_dive:
    'Short code = base62 of a counter id; each server takes a range of ids from ZooKeeper.\n' +
    'Schema: short_code (key), long_url, created_at, expires_at.\n' +
    'Return 302 so every click is counted; 301 would be cached by browsers.\n' +
    'Cache-aside with LRU eviction; rate limit creation per IP with a token bucket.',
  bottlenecks:
    'Shard the store by short code with consistent hashing.\n' +
    'Cache down → fall back to the store with timeouts; failover to a replica; hot keys replicated in cache.\n' +
    'Monitoring: p99 redirect latency, error rate, cache hit ratio, with alerts.',
};

const timer = (page: Page) => page.getByTestId('timer-bar');
const notes = (page: Page, step: StepId) => page.getByTestId(`notes-${step}`);

/** "4:30" → 270, "−0:12" → −12 (interview seconds, as the timer shows them). */
const clockSeconds = (text: string): number => {
  const negative = text.startsWith('−');
  const parts = text.replace('−', '').split(':').map(Number);
  const sec = parts.reduce((a, v) => a * 60 + v, 0);
  return negative ? -sec : sec;
};

/** The clock a timer element shows, in interview seconds; a trailing "(+0:12)" overtime note is ignored. */
const clockOf = async (el: Locator): Promise<number> => clockSeconds(((await el.textContent()) ?? '').split(' ')[0]!);

const writeNotes = async (page: Page, step: StepId) => {
  await expect(page.getByTestId(`step-tab-${step}`)).toHaveAttribute('aria-selected', 'true');
  await notes(page, step).click();
  await notes(page, step).pressSequentially(NOTES[step].slice(0, 24));
  await notes(page, step).fill(NOTES[step]);
};

const next = async (page: Page, step: StepId, title: string) => {
  await page.getByTestId('timer-next').click();
  await expect(page.getByTestId('timer-step')).toHaveText(title);
  // The notes panel follows the timer to the new step.
  await expect(page.getByTestId(`step-tab-${step}`)).toHaveAttribute('aria-selected', 'true');
};

test('a candidate runs a timed mock interview end to end, reloading half-way, and finds it in the history', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, { query: '?timescale=60', question: 'url-shortener' });
  await expect(page.getByTestId('question-title')).toHaveText('URL shortener');

  // ── Start: pick the 35-minute preset. ──────────────────────────────────────
  await expect(timer(page)).toHaveAttribute('data-status', 'idle');
  await page.getByTestId('timer-start').click();
  await page.getByTestId('preset-35').check();
  await expect(page.getByTestId('plan-total')).toHaveText('35 min');
  await expect(page.getByTestId('start-interview')).toContainText('Test speed: 60× faster');
  await page.getByTestId('start-confirm').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('timer-step')).toHaveText('Understand the problem');
  expect(await clockOf(page.getByTestId('timer-total'))).toBeLessThanOrEqual(35 * 60);
  await expect(page.getByTestId('timer-segment-understand')).toHaveAttribute('aria-current', 'step');

  // ── Step 1: notes, then let the step run out. ──────────────────────────────
  await page.getByTestId('tab-notes').click();
  await writeNotes(page, 'understand');
  await expect(timer(page)).toHaveAttribute('data-timeup', 'true');
  await expect(page.getByTestId('timer-cue')).toBeVisible();
  // Overtime is shown, never hidden: the clock counts below zero and the app stays on the step.
  await expect(page.getByTestId('timer-remaining')).toHaveAttribute('data-overtime', 'true');
  await expect(page.getByTestId('timer-remaining')).toHaveText(/^−\d+:\d\d$/);
  await expect(page.getByTestId('timer-cue')).toContainText('Over time');
  await expect(page.getByTestId('timer-step')).toHaveText('Understand the problem');
  await expect(page.getByTestId('timer-segment-understand')).toHaveAttribute('data-overtime', 'true');
  await shot(page, 'mock-timer-overtime');

  // ── Step 2: scope, with the estimate calculator. ───────────────────────────
  await next(page, 'scope', 'Define scope & requirements');
  await expect(timer(page)).not.toHaveAttribute('data-timeup');
  await writeNotes(page, 'scope');
  const calc = page.getByTestId('estimate-calculator');
  await calc.getByTestId('calc-mode-writesPerMonth').check();
  await calc.getByTestId('calc-writesPerMonth').fill('100M');
  await calc.getByTestId('calc-readsPerWrite').fill('100');
  await calc.getByTestId('calc-record').fill('500');
  await calc.getByTestId('calc-retentionYears').fill('5');
  await calc.getByTestId('calc-replication').fill('1');
  await calc.getByTestId('calc-peakFactor').fill('3');
  await calc.getByTestId('calc-qpsPerServer').fill('2K');
  await expect(calc.getByTestId('calc-write-qps')).toHaveText('39/s');
  await expect(calc.getByTestId('calc-read-qps')).toHaveText('3.9K/s');
  await expect(calc.getByTestId('calc-storage')).toHaveText('3 TB');
  await expect(calc.getByTestId('calc-servers')).toHaveText('6');
  await shot(page, 'mock-scope-calculator');
  await calc.getByTestId('calc-insert').click();
  await expect(notes(page, 'scope')).toHaveValue(new RegExp(`^${literal(NOTES.scope)}\\n\\nEstimates \\(100M writes`));
  await expect(notes(page, 'scope')).toHaveValue(/Write QPS ≈ 39\/s\n- Read QPS ≈ 3\.9K\/s[\s\S]*Storage ≈ 3 TB/);

  // ── Step 3: the high-level design on the canvas. ───────────────────────────
  await next(page, 'high_level', 'High-level design');
  await writeNotes(page, 'high_level');
  await drawReadPath(page, 200);
  await expect(page.getByTestId('timer-step')).toHaveText('High-level design');

  // ── Step 4: deep dive; pause and reload mid-interview. ─────────────────────
  await next(page, 'deep_dive', 'Deep dive');
  await writeNotes(page, 'deep_dive');
  await page.getByTestId('timer-pause').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('timer-pause')).toHaveText('Resume');
  const remaining = await clockOf(page.getByTestId('timer-remaining'));
  const total = await clockOf(page.getByTestId('timer-total'));
  const pausedReadAt = Date.now();
  await shot(page, 'mock-timer-paused');

  await page.reload();
  await expect(page.locator('.react-flow')).toBeVisible();
  await expect(timer(page)).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('timer-step')).toHaveText('Deep dive');
  // Paused stays paused across the reload: the clock shows what it showed (± rounding), though a running
  // clock would have moved by at least a few interview seconds in the time the reload took.
  expect(Math.abs((await clockOf(page.getByTestId('timer-remaining'))) - remaining)).toBeLessThanOrEqual(1);
  expect(Math.abs((await clockOf(page.getByTestId('timer-total'))) - total)).toBeLessThanOrEqual(1);
  expect(((Date.now() - pausedReadAt) / 1000) * 60, 'interview seconds the reload took').toBeGreaterThan(3);
  await expect(page.getByTestId('timer-segment-deep_dive')).toHaveAttribute('aria-current', 'step');
  await expect(flowNodes(page)).toHaveCount(5);
  await expect(edgePaths(page)).toHaveCount(4);
  await page.getByTestId('tab-notes').click();
  await expect(page.getByTestId('step-tab-deep_dive')).toHaveAttribute('aria-selected', 'true');
  await expect(notes(page, 'deep_dive')).toHaveValue(NOTES.deep_dive);
  for (const step of ['understand', 'scope', 'high_level'] as const) {
    await page.getByTestId(`step-tab-${step}`).click();
    await expect(notes(page, step)).toHaveValue(new RegExp(`^${literal(NOTES[step])}`));
  }
  // Still paused after reading the notes back.
  expect(Math.abs((await clockOf(page.getByTestId('timer-remaining'))) - remaining)).toBeLessThanOrEqual(1);

  const savedBefore = await lastStoredUpdate(page);
  await page.getByTestId('timer-pause').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('step-tab-deep_dive')).toHaveAttribute('data-current', 'true');
  // Closing the app while running and coming back: the time that passed meanwhile is counted, once.
  const readStart = Date.now();
  const beforeClose = await clockOf(page.getByTestId('timer-remaining'));
  // The resume is written to IndexedDB in its own transaction: close once it is there, not in the frame of the click.
  await expect.poll(() => lastStoredUpdate(page)).toBeGreaterThan(savedBefore);
  const closedAt = Date.now();
  await page.goto('about:blank');
  // Time passing with the app closed is what this checks: two interview minutes.
  await page.waitForTimeout(2000);
  await page.goto(`${baseUrl()}?timescale=60`);
  await expect(page.locator('.react-flow')).toBeVisible();
  const closedSec = ((Date.now() - closedAt) / 1000) * 60;
  await expect(timer(page)).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('timer-step')).toHaveText('Deep dive');
  const afterReopen = await clockOf(page.getByTestId('timer-remaining'));
  const sinceRead = ((Date.now() - readStart) / 1000) * 60;
  // The clock shows the time at a 4 Hz tick: allow a quarter second (15 interview seconds) of lag, plus rounding.
  // At least the closed time has been counted, and no more than the time since the first reading (not twice).
  expect(afterReopen).toBeLessThanOrEqual(beforeClose - closedSec + 16);
  expect(afterReopen).toBeGreaterThanOrEqual(beforeClose - sinceRead - 16);
  await page.getByTestId('tab-notes').click();

  // ── Step 5: bottlenecks, then end. ─────────────────────────────────────────
  await next(page, 'bottlenecks', 'Identify & resolve bottlenecks');
  await writeNotes(page, 'bottlenecks');
  await expect(page.getByTestId('timer-next')).toBeDisabled();
  await page.getByTestId('timer-end').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'running');
  await page.getByTestId('timer-end-confirm').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'ended');

  // ── The scorecard: per step planned vs spent and score, and the snapshots. ─
  const card = page.getByTestId('scorecard');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('scorecard-overall')).toHaveText(/\d+%/);
  const planned: Record<StepId, string> = {
    understand: '4:30',
    scope: '4:30',
    high_level: '8:30',
    deep_dive: '13:00',
    bottlenecks: '4:30',
  };
  for (const step of STEP_IDS) {
    const cells = card.getByTestId(`scorecard-step-${step}`).locator('td');
    await expect(cells.nth(0)).toHaveText(planned[step]);
    expect(await clockOf(cells.nth(1))).toBeGreaterThan(0);
    await expect(cells.nth(2)).toHaveText(/^\d+%$/);
  }
  // Step 1 was left to run over: its spent time is marked as overtime.
  await expect(card.getByTestId('scorecard-step-understand').locator('td').nth(1)).toHaveAttribute('data-overtime', 'true');
  // The notes and the drawing earned their rules.
  await expect(card.getByTestId('scorecard-step-scope').locator('td').nth(2)).toHaveText('100%');
  await expect(card.getByTestId('scorecard-missed-write-qps-estimate')).toHaveCount(0);
  await expect(card.getByTestId('scorecard-missed-cache-on-read-path')).toHaveCount(0);
  // One snapshot per step; the board grows from nothing to the five components.
  for (const step of STEP_IDS) await expect(card.getByTestId(`scorecard-snapshot-${step}`)).toBeVisible();
  await expect(card.getByTestId('scorecard-snapshot-scope').locator('rect.thumb-node')).toHaveCount(0);
  await expect(card.getByTestId('scorecard-snapshot-scope')).toContainText('No components yet');
  await expect(card.getByTestId('scorecard-snapshot-high_level').locator('rect.thumb-node')).toHaveCount(5);
  await expect(card.getByTestId('scorecard-snapshot-high_level').locator('line.thumb-edge')).toHaveCount(4);
  await shot(page, 'mock-scorecard-light');

  // Dark: close, switch the theme, reopen from the timer bar.
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await page.keyboard.press('Shift+D');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, 'mock-timer-ended-dark');
  await page.getByTestId('timer-scorecard').click();
  await expect(card).toBeVisible();
  await shot(page, 'mock-scorecard-dark');
  await page.keyboard.press('Escape');

  // ── History: the attempt is listed once; reopening it brings its board back. ─
  // The board was never saved to a file: New asks first.
  await page.getByTestId('btn-new').click();
  await page.getByTestId('question-url-shortener').click();
  await page.getByTestId('unsaved-discard').click();
  await expect(flowNodes(page)).toHaveCount(0);
  await page.getByTestId('btn-history').click();
  const history = page.getByTestId('history-list');
  const rows = history.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toHaveText('URL shortener');
  await expect(rows.first()).toContainText(/\d+%/);
  await shot(page, 'mock-history-dark');
  await rows.first().getByTestId('history-open').click();
  await expect(history).toBeHidden();
  // The attempt comes back with its scorecard over its board.
  await expect(page.getByTestId('scorecard')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(flowNodes(page)).toHaveCount(5);
  await expect(edgePaths(page)).toHaveCount(4);
  await page.getByTestId('tab-notes').click();
  await page.getByTestId('step-tab-deep_dive').click();
  await expect(notes(page, 'deep_dive')).toHaveValue(NOTES.deep_dive);
  await shot(page, 'mock-history-reopened-dark');
  await page.getByTestId('step-tab-scope').click();
  await expect(notes(page, 'scope')).toHaveValue(/Storage ≈ 3 TB/);
  await shot(page, 'mock-notes-scope-dark');
});

/**
 * The keys of the newest update y-indexeddb stored in each database of the
 * page, summed: keys only grow (even when it compacts old updates into one),
 * so the sum grows with every write.
 */
function lastStoredUpdate(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const lastKey = (name: string) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('updates')) {
            db.close();
            resolve(0);
            return;
          }
          const cursor = db.transaction('updates').objectStore('updates').openKeyCursor(null, 'prev');
          cursor.onsuccess = () => {
            db.close();
            resolve(Number(cursor.result?.key ?? 0));
          };
          cursor.onerror = () => {
            db.close();
            resolve(0);
          };
        };
      });
    let sum = 0;
    for (const { name } of await indexedDB.databases()) if (name) sum += await lastKey(name);
    return sum;
  });
}

/** Escapes text for use inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
