import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { connect, dragFromPalette, drawReadPath, openApp, shot } from './support/board';

/** How many nodes an example board in rubrics/examples has. */
const exampleNodes = (name: string): number =>
  (
    JSON.parse(readFileSync(resolve(import.meta.dirname, `../../rubrics/examples/${name}.archdrill.json`), 'utf8')) as {
      nodes: unknown[];
    }
  ).nodes.length;

const overall = async (page: Page) => Number(((await page.getByTestId('score-overall').textContent()) ?? '').replace('%', ''));
const rule = (page: Page, id: string) => page.getByTestId(`rule-${id}`);

test('drawing the URL shortener raises the score, turns rules green, and a rule selects its nodes', async ({ page }) => {
  await openApp(page, { question: 'url-shortener' });
  await expect(page.getByTestId('question-title')).toHaveText('URL shortener');

  // The brief: what to build and at what scale.
  await page.getByTestId('tab-brief').click();
  await expect(page.getByRole('tabpanel')).toContainText('100 million new URLs a month');

  await page.getByTestId('tab-score').click();
  await expect(page.getByTestId('score-overall')).toHaveText('0%');
  for (const id of ['entry-path', 'cache-on-read-path', 'persistent-store', 'datastore-choice']) {
    await expect(rule(page, id)).toHaveAttribute('data-passed', 'false');
  }
  // A missed rule teaches: why it matters and what a strong answer has.
  await expect(rule(page, 'cache-on-read-path')).toContainText('cache');

  const { client, lb, svc, cache } = await drawReadPath(page);

  // The panel rescores shortly after the drawing settles.
  for (const id of ['entry-path', 'cache-on-read-path', 'persistent-store', 'datastore-choice', 'no-client-to-datastore']) {
    await expect(rule(page, id)).toHaveAttribute('data-passed', 'true');
  }
  const afterDrawing = await overall(page);
  expect(afterDrawing).toBeGreaterThan(10);
  await expect(rule(page, 'entry-path')).toContainText('Earned by: Client → Load balancer');
  await expect(page.getByTestId('step-score-high_level')).toBeVisible();

  // Clicking a passed rule selects the nodes that earned it.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await rule(page, 'entry-path').click();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
  for (const n of [client, lb, svc]) await expect(n).toHaveClass(/selected/);
  await expect(cache).not.toHaveClass(/selected/);
  await shot(page, 'score-panel');

  // Notes count too: mention base62 in the deep dive and the score rises again.
  await page.getByTestId('tab-notes').click();
  await page.getByTestId('step-tab-deep_dive').click();
  await page
    .getByTestId('notes-deep_dive')
    .fill('Short codes: 7 base62 characters from a counter; 301 vs 302: we use 302 to keep analytics.');
  await page.getByTestId('tab-score').click();
  await expect(rule(page, 'short-code')).toHaveAttribute('data-passed', 'true');
  expect(await overall(page)).toBeGreaterThan(afterDrawing);

  // "Hide hints until the end", for a real mock.
  await page.getByTestId('hide-hints').check();
  await expect(rule(page, 'rate-limiting')).toContainText('Hint hidden until the end');
});

test('your own rubric file loads without a rebuild; a broken one is reported and the others still load', async ({ page }) => {
  const fixtures = resolve(import.meta.dirname, '../fixtures/rubrics');
  await openApp(page);
  await page.getByTestId('btn-new').click();
  const importFile = async (name: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-rubric').click();
    await (await chooser).setFiles(resolve(fixtures, name));
  };
  await importFile('bad-step.yaml');
  await expect(page.getByTestId('rubric-problems')).toContainText('bad-step.yaml');
  await expect(page.getByTestId('rubric-problems')).toContainText('queue');
  await expect(page.getByTestId('rubric-problems')).toContainText('step');
  await importFile('minimal.json');
  // The built-ins are still there, and the new one can be picked.
  await expect(page.getByTestId('question-url-shortener')).toBeVisible();
  await page.getByTestId('question-minimal').click();
  await expect(page.getByTestId('question-title')).toHaveText('Minimal user rubric');
  await page.getByTestId('tab-score').click();
  await expect(page.getByTestId('rule-has-cache')).toHaveAttribute('data-passed', 'false');
  // A cache on its own takes no part in a design and earns nothing; wired to a service it does.
  const cache = await dragFromPalette(page, 'cache', { x: 500, y: 200 });
  await expect(page.getByTestId('rule-has-cache')).toHaveAttribute('data-passed', 'false');
  const service = await dragFromPalette(page, 'service', { x: 200, y: 200 });
  await connect(page, service, cache);
  await expect(page.getByTestId('rule-has-cache')).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('score-overall')).toHaveText('100%');
});

test('after an attempt, the textbook diagram scores in the middle band and a strong answer at the top', async ({ page }) => {
  await openApp(page, { question: 'url-shortener' });
  await dragFromPalette(page, 'client', { x: 200, y: 200 });
  await page.getByTestId('tab-brief').click();
  await page.getByTestId('example-textbook').click();
  // The board has the candidate's work on it: replacing it asks first.
  await page.getByTestId('example-confirm').click();
  // Exactly the example's components, frames and notes: the candidate's client is gone, nothing merged in.
  await expect(page.locator('.react-flow__node')).toHaveCount(exampleNodes('url-shortener.textbook'));
  await page.getByTestId('tab-score').click();
  await expect(page.getByTestId('score-band')).toHaveAttribute('data-band', 'acceptable');
  await page.getByTestId('tab-brief').click();
  await page.getByTestId('example-strong').click();
  await page.getByTestId('example-confirm').click();
  await page.getByTestId('tab-score').click();
  await expect(page.getByTestId('score-band')).toHaveAttribute('data-band', 'strong');
  // An opened board is fitted to the view: all of it on screen, centred.
  const view = (await page.getByTestId('canvas').boundingBox())!;
  await expect
    .poll(async () => {
      const boxes = await page
        .locator('.react-flow__node')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      const top = Math.min(...boxes.map((b) => b.top));
      const bottom = Math.max(...boxes.map((b) => b.bottom));
      const inside = left >= view.x && top >= view.y && right <= view.x + view.width && bottom <= view.y + view.height;
      const offCentre = Math.max(
        Math.abs((left + right) / 2 - (view.x + view.width / 2)),
        Math.abs((top + bottom) / 2 - (view.y + view.height / 2)),
      );
      return inside && offCentre < 30;
    })
    .toBe(true);
  await shot(page, 'example-strong');
});
