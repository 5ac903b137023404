import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type SyncServer, startSyncServer } from '../../electron/sync/server';
import { baseUrl, canvas, dragFromPalette, flowNodes, openApp, shot } from './support/board';
import { endMock, startMock, timer } from './support/mock';

/** Round 8's walkthrough: what surprised a new user in the first minutes, fixed. */

let server: SyncServer;
test.beforeAll(async () => {
  server = await startSyncServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../../dist/renderer') });
});
test.afterAll(async () => {
  await server.close();
});

const joinAs = async (browser: Browser, roomId: string, token: string, name: string) => {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
  await page.goto(`${server.url}/#/join/${roomId}?token=${encodeURIComponent(token)}`);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  return page;
};

/** Every distinct "title | file name in the header" the page shows from now on, sampled each frame. */
const watchTitles = (page: Page) =>
  page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __titles: string[] }).__titles = seen;
    const sample = () => {
      const shown = `${document.title} | ${document.querySelector('[data-testid="file-name"]')?.textContent ?? ''}`;
      if (seen.at(-1) !== shown) seen.push(shown);
      requestAnimationFrame(sample);
    };
    sample();
  });
const titlesSeen = (page: Page) => page.evaluate(() => (window as unknown as { __titles: string[] }).__titles);

test('focus comes back to the board after a rename and after ending a mock, so the keyboard keeps working', async ({ page }) => {
  await openApp(page);
  const cache = await dragFromPalette(page, 'cache', { x: 300, y: 220 });
  await cache.dblclick();
  await page.keyboard.type('Redis');
  await page.keyboard.press('Enter');
  await expect(cache).toContainText('Redis');
  await expect(cache).toBeFocused();
  // F2 renames the focused component again; Escape takes the edit back and leaves focus on it too.
  await page.keyboard.press('F2');
  await expect(cache.getByRole('textbox', { name: 'Label' })).toBeFocused();
  await page.keyboard.type('Memcached');
  await page.keyboard.press('Escape');
  await expect(cache).toContainText('Redis');
  await expect(cache).toBeFocused();

  await startMock(page);
  await endMock(page);
  const card = page.getByRole('dialog', { name: /^Scorecard/ });
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  // The End button that opened the scorecard is gone: focus goes to the canvas, not to the page itself.
  await expect(canvas(page)).toBeFocused();
  await page.keyboard.press('Control+a');
  await expect(cache).toHaveClass(/selected/);

  // Close on the timer bar goes away as it is pressed: focus goes home too, so Escape clears the selection.
  await page.getByTestId('timer-reset').click();
  await expect(page.getByTestId('timer-reset')).toHaveCount(0);
  await expect(canvas(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cache).not.toHaveClass(/selected/);
});

test('New keeps the board until a question is picked and its unsaved work let go; Don’t save starts the new board', async ({
  page,
}) => {
  await openApp(page, { question: 'url-shortener' });
  await dragFromPalette(page, 'client', { x: 200, y: 250 });
  const picker = page.getByRole('dialog', { name: 'Pick a question' });
  const unsaved = page.getByTestId('unsaved-dialog');
  const untouched = async () => {
    await expect(picker).toBeHidden();
    await expect(unsaved).toBeHidden();
    await expect(flowNodes(page)).toHaveCount(1);
    await expect(page.getByTestId('question-title')).toHaveText('URL shortener');
  };

  // Escape from the question picker: nothing happened.
  await page.getByTestId('btn-new').click();
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await untouched();

  // A question picked, then Cancel (or Escape) at the unsaved-work question: still the old board.
  const askToLeave = async () => {
    await page.getByTestId('btn-new').click();
    await page.getByTestId('question-chat').click();
    await expect(unsaved).toBeVisible();
  };
  await askToLeave();
  await page.getByTestId('unsaved-cancel').click();
  await untouched();
  await askToLeave();
  await page.keyboard.press('Escape');
  await untouched();

  // Don't save: the new board at once, nothing more to answer.
  await page.getByTestId('btn-new').click();
  await page.getByTestId('question-chat').click();
  await page.getByTestId('unsaved-discard').click();
  await expect(unsaved).toBeHidden();
  await expect(picker).toBeHidden();
  await expect(flowNodes(page)).toHaveCount(0);
  await expect(page.getByTestId('question-title')).toHaveText(/chat/i);

  // New can start a free design too.
  await dragFromPalette(page, 'service', { x: 300, y: 250 });
  await page.getByTestId('btn-new').click();
  await page.getByTestId('question-free').click();
  await page.getByTestId('unsaved-discard').click();
  await expect(flowNodes(page)).toHaveCount(0);
  await expect(page.getByTestId('question-title')).toHaveText('Free design');
});

/**
 * Runs the page's timers and animation frames through `ms` of its time, then
 * lets time flow again: proving a mark never appears needs the check that
 * runs once edits pause to have run, and fake time gets there without a wait.
 */
const runPageTimeFor = async (page: Page, ms: number) => {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 50);
  await page.clock.runFor(ms);
  await page.clock.resume();
};

test('a fresh board, and one just saved, never show the unsaved-changes mark', async ({ page }) => {
  await page.clock.install();
  await page.goto(baseUrl());
  await expect(page.getByRole('dialog', { name: 'Pick a question' })).toBeVisible();
  await watchTitles(page);
  await page.getByTestId('question-url-shortener').click();
  await expect(page.getByTestId('question-title')).toHaveText('URL shortener');
  // The mark would come from the check that runs once edits pause (300 ms): run well past it.
  await page.waitForFunction(() => (window as unknown as { __titles: string[] }).__titles.length > 0);
  await runPageTimeFor(page, 1000);
  expect((await titlesSeen(page)).filter((t) => t.includes('•'))).toEqual([]);

  // Save straight after an edit (before its check has run): the mark goes with the save, not a moment later.
  await watchTitles(page);
  await dragFromPalette(page, 'cache', { x: 300, y: 220 });
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await download;
  await expect(page.getByTestId('file-name')).toHaveText('url-shortener.archdrill.json');
  await runPageTimeFor(page, 1000);
  expect((await titlesSeen(page)).filter((t) => t.includes('url-shortener.archdrill.json') && t.includes('•'))).toEqual([]);
});

test('a partner starting the mock leaves the candidate’s panel where it was; pressing Start yourself opens the notes', async ({
  browser,
}) => {
  const room = server.createRoom();
  const ada = await joinAs(browser, room.roomId, room.tokens.candidate, 'Ada');
  const bob = await joinAs(browser, room.roomId, room.tokens.interviewer, 'Bob');
  await ada.getByTestId('tab-brief').click();
  await startMock(bob);
  await expect(timer(ada)).toHaveAttribute('data-status', 'running');
  await expect(ada.getByTestId('tab-brief')).toHaveAttribute('aria-selected', 'true');

  await bob.context().close();
  await ada.context().close();

  // In a room where she presses Start herself, her notes open.
  const next = server.createRoom();
  const her = await joinAs(browser, next.roomId, next.tokens.candidate, 'Ada');
  await her.getByTestId('tab-brief').click();
  await startMock(her);
  await expect(her.getByTestId('tab-notes')).toHaveAttribute('aria-selected', 'true');
  await her.context().close();
});

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a toast covers neither the design nor the canvas controls and minimap, and × dismisses it', async ({ page }) => {
  await openApp(page);
  // Components where people start drawing: along the top of the canvas and in its middle.
  for (const x of [120, 330, 540, 750]) await dragFromPalette(page, 'service', { x, y: 40 });
  await dragFromPalette(page, 'cache', { x: 430, y: 330 });
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  await page.getByTestId('unsaved-discard').click();
  await (await chooser).setFiles({ name: 'broken.archdrill.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  const toast = page.getByTestId('toast-error');
  await expect(toast).toBeVisible();
  const t = (await toast.boundingBox())!;
  for (const node of await flowNodes(page).all())
    expect(overlap(t, (await node.boundingBox())!), 'toast over a component').toBe(false);
  for (const control of [page.locator('.react-flow__controls'), page.locator('.board-minimap')])
    expect(overlap(t, (await control.boundingBox())!), 'toast over the canvas controls').toBe(false);
  await shot(page, 'toast-beside-the-design');
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toBeHidden();
});

test('the minimap waits for the first component instead of showing an empty white box', async ({ page }) => {
  await openApp(page);
  const minimap = page.locator('.board-minimap');
  await expect(page.getByTestId('btn-toggle-minimap')).toHaveAttribute('aria-pressed', 'true');
  await expect(minimap).toHaveCount(0);
  const cache = await dragFromPalette(page, 'cache', { x: 300, y: 220 });
  await expect(minimap).toBeVisible();
  await cache.click();
  await page.keyboard.press('Delete');
  await expect(flowNodes(page)).toHaveCount(0);
  await expect(minimap).toHaveCount(0);
});

test('a board opened from an exported out.png is named after the picture, and Save offers out.archdrill.json', async ({
  page,
}) => {
  await openApp(page, { question: 'url-shortener' });
  await dragFromPalette(page, 'client', { x: 200, y: 220 });
  await page.getByTestId('btn-export').click();
  await page.getByTestId('export-format-png').check();
  const exported = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const png = readFileSync(await (await exported).path());

  // The picture comes back as out.png (a person renamed it, or chose that name when saving it).
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  await page.getByTestId('unsaved-discard').click();
  await (await chooser).setFiles({ name: 'out.png', mimeType: 'image/png', buffer: png });
  await expect(flowNodes(page)).toHaveCount(1);
  await expect(page.getByTestId('file-name')).toHaveText('out.png');
  await expect(page).toHaveTitle('out.png — Archdrill');

  const saved = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await saved).suggestedFilename()).toBe('out.archdrill.json');
  await expect(page.getByTestId('file-name')).toHaveText('out.archdrill.json');
  // Pictures of it are named after it, not out.png.png.
  await page.getByTestId('btn-export').click();
  const again = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  expect((await again).suggestedFilename()).toBe('out.png');
});
