import { resolve } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type SyncServer, startSyncServer } from '../../electron/sync/server';
import { connect, dragFromPalette, flowNodes, openApp, shot } from './support/board';
import { endMock, next, replay, replayKinds, replayNodes, scrubTo, startMock, timer, yAxisLabelRoom } from './support/mock';

/**
 * A candidate watches a mock back: a short mock at 60× speed (a 35-minute
 * plan runs in about 35 seconds), then Replay from the scorecard — scrub,
 * play, seek from the chart — then a second attempt and the progress page.
 * And a pair session's replay shows each person's changes in their colour.
 */

const scrubberValue = async (page: Page) => Number(await page.getByTestId('replay-scrubber').inputValue());

/** Clicks the score chart where `at` (epoch ms) lies: its x axis spans the recording, like the scrubber. */
const clickChartAt = async (page: Page, at: number) => {
  const scrubber = page.getByTestId('replay-scrubber');
  const min = Number(await scrubber.getAttribute('min'));
  const max = Number(await scrubber.getAttribute('max'));
  const over = page.getByTestId('replay-chart').locator('.u-over');
  const box = (await over.boundingBox())!;
  const x = Math.min(box.width - 1, Math.max(1, (box.width * (at - min)) / (max - min)));
  await over.click({ position: { x, y: box.height / 2 } });
};

test('a candidate replays a mock: scrubs to the middle of the high-level step, plays to the end, seeks from the chart; then sees progress over two attempts', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page, { query: '?timescale=60', question: 'url-shortener' });
  await startMock(page);
  const startedAt = Date.now();
  await page.getByTestId('tab-notes').click();
  await page.getByTestId('notes-understand').fill('Shorten long URLs; redirect; read heavy 100:1.');
  const understandEnd = Date.now();
  await next(page, 'Define scope & requirements');
  await page.getByTestId('notes-scope').fill('99.99% available; redirects under 50 ms.');
  await next(page, 'High-level design');

  // The high-level step: the client and load balancer first, a pause to think, then the rest.
  const client = await dragFromPalette(page, 'client', { x: 90, y: 200 });
  const lb = await dragFromPalette(page, 'load_balancer', { x: 295, y: 200 });
  await connect(page, client, lb);
  const firstTwoAt = Date.now();
  await expect.poll(() => Date.now() - firstTwoAt, { intervals: [250] }).toBeGreaterThan(4000);
  const restFrom = Date.now();
  const svc = await dragFromPalette(page, 'service', { x: 500, y: 200 });
  const cache = await dragFromPalette(page, 'cache', { x: 705, y: 105 });
  const db = await dragFromPalette(page, 'nosql_db', { x: 705, y: 310 });
  await connect(page, lb, svc);
  await connect(page, svc, cache);
  await connect(page, svc, db);
  await next(page, 'Deep dive');
  await page.getByTestId('notes-deep_dive').fill('Base62 of a counter id; 302 redirects; cache-aside with LRU.');
  await next(page, 'Identify & resolve bottlenecks');
  await endMock(page);

  // ── The scorecard offers the replay. ────────────────────────────────────
  const card = page.getByTestId('scorecard');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('scorecard-export-report')).toBeVisible();
  await expect(card.getByTestId('scorecard-try-again')).toBeVisible();
  const finalScore = (await card.getByTestId('scorecard-overall').locator('strong').textContent())!;
  await card.getByTestId('scorecard-replay').click();
  await expect(replay(page)).toBeVisible();
  // It opens at the end: the board as the interview ended, with its score.
  await expect(replayNodes(page)).toHaveCount(5);
  await expect(page.getByTestId('replay-score')).toContainText(finalScore);

  // ── Scrub to the middle of the high-level step. ─────────────────────────
  await scrubTo(page, (firstTwoAt + restFrom) / 2);
  await expect(page.getByTestId('replay-step')).toHaveText('High-level design');
  expect(await replayKinds(page)).toEqual(['client', 'load_balancer']);
  await expect(replay(page).getByTestId('replay-edge')).toHaveCount(1);
  await expect(page.getByTestId('replay-notes-scope')).toHaveText('99.99% available; redirects under 50 ms.');
  await expect(page.getByTestId('replay-notes')).not.toContainText('Base62');
  // The live board was not touched: all five are still on the canvas.
  await expect(flowNodes(page)).toHaveCount(5);
  await shot(page, 'replay-high-level-light');
  // The score axis's "100%" fits beside the chart (it once lost its first digit).
  const replayAxis = await yAxisLabelRoom(page.getByTestId('replay-chart'));
  expect(replayAxis.room).toBeGreaterThanOrEqual(replayAxis.needed);

  // Step by step: the next change adds one thing at a time.
  const before = await scrubberValue(page);
  await page.getByTestId('replay-next-change').click();
  await expect.poll(() => scrubberValue(page)).toBeGreaterThan(before);

  // Jump to step boundaries: back to where the scope step ended, the board is empty.
  await page.getByTestId('replay-prev-step').click();
  await expect(page.getByTestId('replay-step')).toHaveText('High-level design');
  await expect(replayNodes(page)).toHaveCount(0);

  // ── Play to the end at 16×. ─────────────────────────────────────────────
  await page.getByTestId('replay-speed-16').check();
  await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('replay-pause')).toBeVisible();
  await expect(page.getByTestId('replay-play')).toBeVisible({ timeout: 30_000 });
  await expect(replayNodes(page)).toHaveCount(5);
  await expect(page.getByTestId('replay-step')).toHaveText('Identify & resolve bottlenecks');
  await expect(page.getByTestId('replay-notes-deep_dive')).toContainText('Base62');

  // ── Click the score chart to seek: early on there is nothing; near the end, everything. ──
  await clickChartAt(page, (startedAt + understandEnd) / 2);
  await expect(page.getByTestId('replay-step')).toHaveText('Understand the problem');
  await expect(replayNodes(page)).toHaveCount(0);
  await clickChartAt(page, Number(await page.getByTestId('replay-scrubber').getAttribute('max')));
  await expect(replayNodes(page)).toHaveCount(5);
  // And to the moments the score changed: the last change is the one that gave the final score; one change earlier it differed.
  const end = await scrubberValue(page);
  await page.getByTestId('replay-prev-score').click();
  await expect.poll(() => scrubberValue(page)).toBeLessThan(end);
  await expect(page.getByTestId('replay-score')).toContainText(finalScore);
  await page.getByTestId('replay-prev-change').click();
  await expect(page.getByTestId('replay-score')).not.toContainText(finalScore);

  // ── Dark theme (Shift+D outside the dialog), then reopen the replay from History. ──
  await page.keyboard.press('Escape');
  await expect(replay(page)).toBeHidden();
  await page.keyboard.press('Shift+D');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('btn-history').click();
  const progress = page.getByTestId('progress-page');
  await expect(progress.getByTestId('history-list').locator('tbody tr')).toHaveCount(1);
  await progress.getByTestId('history-replay').click();
  await expect(replay(page)).toBeVisible();
  await scrubTo(page, (firstTwoAt + restFrom) / 2);
  expect(await replayKinds(page)).toEqual(['client', 'load_balancer']);
  await shot(page, 'replay-high-level-dark');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+D');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  // ── Try again: same question, fresh board, the start dialog opens. ──────
  await page.getByTestId('timer-scorecard').click();
  await card.getByTestId('scorecard-try-again').click();
  // The board was never saved: asked first, the candidate lets it go (the attempt is kept in History).
  await page.getByTestId('unsaved-discard').click();
  await expect(page.getByTestId('start-interview')).toBeVisible();
  await expect(flowNodes(page)).toHaveCount(0);
  await expect(page.getByTestId('question-title')).toHaveText('URL shortener');
  await page.getByTestId('preset-35').check();
  await page.getByTestId('start-confirm').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'running');
  await dragFromPalette(page, 'service', { x: 300, y: 200 });
  await endMock(page);
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');

  // ── The progress page: two attempts with their scores, the rule missed most. ──
  await page.getByTestId('btn-history').click();
  const rows = progress.getByTestId('history-list').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect(rows.nth(i).locator('td').nth(1)).toHaveText(/^\d+%/);
  const missed = progress.getByTestId('progress-missed').locator('li');
  await expect(missed.first()).toContainText(/in 2 of your 2 URL shortener attempts/);
  await missed.first().locator('summary').click();
  await expect(missed.first().getByTestId('progress-hint')).toBeVisible();
  await expect(progress.getByTestId('progress-chart').locator('canvas')).toBeVisible();
  await expect(progress.getByTestId('progress-drill')).toBeVisible();
  await shot(page, 'progress-light');
  const progressAxis = await yAxisLabelRoom(progress.getByTestId('progress-chart'));
  expect(progressAxis.room).toBeGreaterThanOrEqual(progressAxis.needed);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+D');
  await page.getByTestId('btn-history').click();
  await expect(rows).toHaveCount(2);
  await shot(page, 'progress-dark');

  // History reopens an attempt with its scorecard, not only its board.
  await rows.last().getByTestId('history-open').click();
  await page.getByTestId('unsaved-discard').click();
  await expect(card).toBeVisible();
  await expect(card.getByTestId('scorecard-overall')).toContainText(finalScore);
  await expect(card.getByTestId('scorecard-snapshot-high_level').locator('rect.thumb-node')).toHaveCount(5);
  await page.keyboard.press('Escape');
  await expect(flowNodes(page)).toHaveCount(5);

  // "Drill this" starts a short mock on the weakest step.
  await page.getByTestId('btn-history').click();
  const weakest = (await progress.locator('tr[data-weakest] th').textContent())!;
  // The board is the reopened attempt, unchanged since it was opened: nothing to ask about.
  await progress.getByTestId('progress-drill').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('timer-step')).toHaveText(weakest);
  await expect(flowNodes(page)).toHaveCount(0);
});

// ── Pair practice ────────────────────────────────────────────────────────

let server: SyncServer;
test.beforeAll(async () => {
  server = await startSyncServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../../dist/renderer') });
});
test.afterAll(async () => {
  await server.close();
});

const joinAs = async (browser: Browser, link: string, name: string, role: 'candidate' | 'interviewer') => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('join-name').fill(name);
  // The link decides the role, and the join screen says which.
  await expect(page.getByTestId('join-role')).toHaveAttribute('data-role', role);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  return page;
};

test("in a pair session's replay, each person's changes carry their colour", async ({ browser }) => {
  test.setTimeout(120_000);
  const room = server.createRoom();
  const link = (token: string) => `${server.url}/#/join/${room.roomId}?token=${encodeURIComponent(token)}`;
  const ada = await joinAs(browser, link(room.tokens.candidate), 'Ada', 'candidate');
  const bob = await joinAs(browser, link(room.tokens.interviewer), 'Bob', 'interviewer');
  await expect(ada.getByTestId('participant')).toContainText('Bob');

  await startMock(ada);
  await expect(timer(bob)).toHaveAttribute('data-status', 'running');
  await dragFromPalette(ada, 'client', { x: 150, y: 200 });
  await expect(flowNodes(bob)).toHaveCount(1);
  await dragFromPalette(bob, 'cache', { x: 450, y: 200 });
  await expect(flowNodes(ada)).toHaveCount(2);
  await endMock(ada);

  await ada.getByTestId('scorecard-replay').click();
  await expect(replayNodes(ada)).toHaveCount(2);
  const chips = replay(ada).getByTestId('replay-participant');
  await expect(chips).toHaveCount(2);
  const colourOf = async (name: string) =>
    (await chips.filter({ hasText: name }).evaluate((el) => (el as HTMLElement).style.borderColor)) as string;
  const toHex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
  const adaColour = toHex(await colourOf('Ada'));
  const bobColour = toHex(await colourOf('Bob'));
  const nodeColour = (kind: string) => replay(ada).locator(`[data-testid="replay-node"][data-kind="${kind}"]`);
  await expect(nodeColour('cache')).toHaveAttribute('data-author', 'Bob');
  await expect(nodeColour('client')).toHaveAttribute('data-author', 'Ada');
  // Two people may pick the same colour by chance; the outline is each author's own either way.
  await expect(nodeColour('cache')).toHaveAttribute('data-author-colour', new RegExp(bobColour, 'i'));
  await expect(nodeColour('client')).toHaveAttribute('data-author-colour', new RegExp(adaColour, 'i'));
  await shot(ada, 'replay-pair-light');
});
