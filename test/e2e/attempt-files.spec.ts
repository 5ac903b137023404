import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Download, expect, type Page, test } from '@playwright/test';
import { connect, dragFromPalette, openApp, shot } from './support/board';
import { endMock, next, replay, replayKinds, replayNodes, scrubTo, startMock } from './support/mock';

/**
 * Attempts travel: a candidate exports an attempt from History and imports it
 * on a fresh browser (a new machine), and a coach who receives only the HTML
 * report saves the replay from its link and opens it in Archdrill. Each fresh
 * browser context starts with an empty IndexedDB, so what shows there came
 * from the file.
 */

const dir = mkdtempSync(join(tmpdir(), 'archdrill-attempt-files-'));
/**
 * A short mock at 60×: notes, then a client and load balancer in the high-level
 * step, a pause, a service; ends on the scorecard. Returns the final score as
 * the scorecard shows it and a moment between the two groups of components.
 */
const runShortMock = async (page: Page) => {
  await openApp(page, { query: '?timescale=60', question: 'url-shortener' });
  await startMock(page);
  await page.getByTestId('tab-notes').click();
  await page.getByTestId('notes-understand').fill('Shorten long URLs; read heavy 100:1.');
  await next(page, 'Define scope & requirements');
  await next(page, 'High-level design');
  const client = await dragFromPalette(page, 'client', { x: 100, y: 200 });
  const lb = await dragFromPalette(page, 'load_balancer', { x: 320, y: 200 });
  await connect(page, client, lb);
  const firstTwoAt = Date.now();
  await expect.poll(() => Date.now() - firstTwoAt, { intervals: [250] }).toBeGreaterThan(3000);
  const middle = Date.now() - 1500;
  const svc = await dragFromPalette(page, 'service', { x: 540, y: 200 });
  await connect(page, lb, svc);
  await endMock(page);
  const card = page.getByTestId('scorecard');
  await expect(card).toBeVisible();
  const score = (await card.getByTestId('scorecard-overall').locator('strong').textContent())!.trim();
  return { score, middle };
};

const saved = async (pending: Promise<Download>) => {
  const dl = await pending;
  const file = join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
};

/** A new browser context: its own, empty IndexedDB and localStorage, as on another machine. */
const freshApp = async (browser: Browser) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await openApp(page);
  return page;
};

test('an attempt exported from History imports on a fresh browser with its score and replay; a bad file imports nothing', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const { score, middle } = await runShortMock(page);
  await page.keyboard.press('Escape');

  await page.getByTestId('btn-history').click();
  const progress = page.getByTestId('progress-page');
  await expect(progress.getByTestId('history-list').locator('tbody tr')).toHaveCount(1);
  const file = await saved(
    Promise.all([page.waitForEvent('download'), progress.getByTestId('history-export').click()]).then(([d]) => d),
  );
  expect(file).toMatch(/-\d{4}-\d\d-\d\d\.archdrill-attempts\.json$/);

  // ── Another machine: nothing in History until the file is imported. ──
  const other = await freshApp(browser);
  await other.getByTestId('btn-history').click();
  const otherProgress = other.getByTestId('progress-page');
  await expect(otherProgress).toContainText('No attempts yet');
  // Nothing to export: the button says so by how it looks, beside an Import that can act.
  const look = (testId: string) =>
    otherProgress.getByTestId(testId).evaluate((el) => {
      const style = getComputedStyle(el);
      return { opacity: Number(style.opacity), cursor: style.cursor };
    });
  await expect(otherProgress.getByTestId('history-export')).toBeDisabled();
  expect(await look('history-export')).toEqual({ opacity: 0.45, cursor: 'not-allowed' });
  expect(await look('history-import')).toEqual({ opacity: 1, cursor: 'pointer' });

  // A file that is not an attempts file imports nothing and says why.
  const bad = join(dir, 'notes.json');
  writeFileSync(bad, JSON.stringify({ format: 'archdrill.board', version: 1, nodes: [], edges: [] }));
  const importFile = async (path: string) => {
    const chooser = other.waitForEvent('filechooser');
    await otherProgress.getByTestId('history-import').click();
    await (await chooser).setFiles(path);
  };
  await importFile(bad);
  await expect(other.getByTestId('toast-error')).toContainText(
    'Could not import notes.json: This is not an Archdrill attempts file. Your history was not changed.',
  );
  await expect(otherProgress).toContainText('No attempts yet');
  // Nor does a damaged one (cut short).
  const cut = join(dir, 'cut.archdrill-attempts.json');
  writeFileSync(cut, readFileSync(file, 'utf8').slice(0, 400));
  await importFile(cut);
  await expect(other.getByTestId('toast-error').last()).toContainText('Could not import cut.archdrill-attempts.json');
  await expect(otherProgress).toContainText('No attempts yet');

  // The real file: its one attempt opens straight in Replay, at the end.
  await importFile(file);
  await expect(other.getByTestId('toast-info').last()).toContainText('Imported 1 attempt from');
  await expect(replay(other)).toBeVisible();
  await expect(replayNodes(other)).toHaveCount(3);
  await expect(other.getByTestId('replay-score')).toContainText(score);
  await scrubTo(other, middle);
  await expect(other.getByTestId('replay-step')).toHaveText('High-level design');
  expect(await replayKinds(other)).toEqual(['client', 'load_balancer']);
  await other.keyboard.press('Escape');
  await expect(replay(other)).toBeHidden();

  // And History on the new machine lists it with its score, and replays it again.
  await other.getByTestId('btn-history').click();
  const rows = otherProgress.getByTestId('history-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td').nth(1)).toContainText(score);
  await rows.first().getByTestId('history-replay').click();
  await expect(replay(other)).toBeVisible();
  await scrubTo(other, middle);
  expect(await replayKinds(other)).toEqual(['client', 'load_balancer']);
  await other.keyboard.press('Escape');

  // The report of the imported attempt, made from its scorecard in History, carries that attempt's replay too.
  await other.getByTestId('btn-history').click();
  await rows.first().getByTestId('history-scorecard').click();
  const report = await saved(
    Promise.all([other.waitForEvent('download'), other.getByTestId('scorecard-export-report').click()]).then(([d]) => d),
  );
  const html = readFileSync(report, 'utf8');
  const link = /<a href="data:application\/json;base64,([^"]+)" download="url-shortener-replay\.archdrill-attempts\.json"/.exec(
    html,
  );
  expect(link).not.toBeNull();
  const carried = JSON.parse(Buffer.from(link![1]!, 'base64').toString('utf8'));
  const original = JSON.parse(readFileSync(file, 'utf8'));
  expect(carried.attempts[0].record.id).toBe(original.attempts[0].record.id);
  expect(carried.attempts[0].replay.entries).toEqual(original.attempts[0].replay.entries);
  await other.context().close();
});

test('a coach who receives only the HTML report saves the replay from its link and watches the interview in Archdrill', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const { score, middle } = await runShortMock(page);
  const report = await saved(
    Promise.all([page.waitForEvent('download'), page.getByTestId('scorecard-export-report').click()]).then(([d]) => d),
  );
  await expect(page.getByTestId('toast-info').last()).toContainText('with its replay');
  const kb = readFileSync(report).length / 1024;
  console.log(`report with its replay: ${kb.toFixed(0)} KB`);

  // ── The coach opens the report file in a browser (no Archdrill there) and clicks the link. ──
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`file://${report}`);
  const link = reader.getByRole('link', { name: "Open this interview's replay in Archdrill" });
  await expect(link).toBeVisible();
  await shot(reader, 'report-replay-link');
  const attempt = await saved(Promise.all([reader.waitForEvent('download'), link.click()]).then(([d]) => d));
  expect(attempt).toMatch(/url-shortener-replay\.archdrill-attempts\.json$/);
  await reader.context().close();

  // ── Then drops the saved file on a fresh Archdrill: the interview's replay opens. ──
  const coach = await freshApp(browser);
  const bytes = [...readFileSync(attempt)];
  const name = attempt.split('/').pop()!;
  const transfer = await coach.evaluateHandle(
    ({ bytes, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/json' }));
      return dt;
    },
    { bytes, name },
  );
  await coach.dispatchEvent('main.workspace', 'dragover', { dataTransfer: transfer });
  await coach.dispatchEvent('main.workspace', 'drop', { dataTransfer: transfer });
  await expect(replay(coach)).toBeVisible();
  await expect(coach.getByRole('dialog')).toContainText('URL shortener');
  await expect(replayNodes(coach)).toHaveCount(3);
  await expect(coach.getByTestId('replay-score')).toContainText(score);
  await scrubTo(coach, middle);
  expect(await replayKinds(coach)).toEqual(['client', 'load_balancer']);
  // The coach's own board was not replaced by the attempt.
  await coach.keyboard.press('Escape');
  await expect(coach.locator('.react-flow__node')).toHaveCount(0);
  await coach.context().close();
});
