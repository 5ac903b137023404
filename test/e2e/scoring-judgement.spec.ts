import { resolve } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { connect, dragFromPalette, flowNodes, openApp, SHOTS_DIR, shot } from './support/board';

/**
 * The score judges the design, not the drawing habits: generic boxes named
 * after the product take its role, components left unconnected or leading
 * nowhere earn nothing (and say so), a figure about the wrong magnitude is called out by how much,
 * and a fatal flaw is named first and keeps even a strong design out of the
 * top band.
 */

const rule = (page: Page, id: string) => page.getByTestId(`rule-${id}`);
const panel = (page: Page) => page.getByTestId('score-panel');
const points = (page: Page) => panel(page).locator('.score-header .score-points');

/** The score panel as it stands on screen, scrolled to the top (what a candidate looks at first). */
const panelShot = async (page: Page, name: string) => {
  await panel(page).evaluate((el) => el.scrollTo(0, 0));
  await expect.poll(() => panel(page).evaluate((el) => el.scrollTop)).toBe(0);
  const box = await panel(page).boundingBox();
  if (!box) throw new Error('score panel not on screen');
  await page.screenshot({ path: resolve(SHOTS_DIR, `${name}.png`), clip: box });
};

/** Opens the URL shortener's strong example from the brief, as a candidate would, and waits for its strong band. */
const openStrongExample = async (page: Page) => {
  await openApp(page, { question: 'url-shortener' });
  await page.getByTestId('tab-brief').click();
  await page.getByTestId('example-strong').click();
  await page.getByTestId('tab-score').click();
  await expect(panel(page).getByTestId('score-band')).toHaveAttribute('data-band', 'strong');
};

/** The overall percentage the panel shows. */
const overallPercent = async (page: Page): Promise<number> =>
  Number((await panel(page).getByTestId('score-overall').textContent())!.replace('%', ''));

/** Drops a component and renames it in place, as a person does: double-click, type, Enter. */
const dropNamed = async (page: Page, kind: string, at: { x: number; y: number }, name: string): Promise<Locator> => {
  const node = await dragFromPalette(page, kind, at);
  await node.dblclick();
  await page.getByRole('textbox', { name: 'Label' }).first().fill(name);
  await page.keyboard.press('Enter');
  const named = flowNodes(page).filter({ has: page.getByText(name, { exact: true }) });
  await expect(named).toHaveCount(1);
  return named;
};

test('generic boxes named Redis and Cassandra earn the cache and store rules; unconnected boxes earn nothing; a wrong write rate says by how much', async ({
  page,
}) => {
  await openApp(page, { question: 'url-shortener' });
  await page.getByTestId('tab-score').click();
  for (const id of ['cache-on-read-path', 'persistent-store', 'datastore-choice'])
    await expect(rule(page, id)).toHaveAttribute('data-status', 'failed');

  // A client, an app server, and two generic service boxes named after the products they are.
  const client = await dragFromPalette(page, 'client', { x: 90, y: 200 });
  const app = await dropNamed(page, 'service', { x: 300, y: 200 }, 'App server');
  const redis = await dropNamed(page, 'service', { x: 540, y: 100 }, 'Redis');
  const cassandra = await dropNamed(page, 'service', { x: 540, y: 300 }, 'Cassandra');
  await connect(page, client, app);
  await connect(page, app, redis);
  await connect(page, app, cassandra);

  // "Redis" is read as a cache and "Cassandra" as a NoSQL store, though both were drawn as services.
  await expect(rule(page, 'cache-on-read-path')).toHaveAttribute('data-status', 'passed');
  await expect(rule(page, 'cache-on-read-path')).toContainText('Earned by: Client → App server, App server → Redis');
  await expect(rule(page, 'persistent-store')).toHaveAttribute('data-status', 'passed');
  await expect(rule(page, 'persistent-store')).toContainText('Earned by: Client → App server, App server → Cassandra');
  await expect(rule(page, 'datastore-choice')).toHaveAttribute('data-status', 'passed');
  await expect(page.getByTestId('unconnected')).toHaveCount(0);
  const scored = await panel(page).getByTestId('score-overall').textContent();
  const pointsBefore = await points(page).textContent();

  // Three components dropped beside the design, connected to nothing: reported, and the score does not move.
  await dragFromPalette(page, 'message_queue', { x: 90, y: 520 });
  await dragFromPalette(page, 'worker', { x: 300, y: 520 });
  await dragFromPalette(page, 'cdn', { x: 540, y: 520 });
  await expect(page.getByTestId('unconnected').getByRole('button')).toHaveText(
    '3 components are not connected to anything and earn nothing: CDN, Message queue, Worker',
  );
  await expect(panel(page).getByTestId('score-overall')).toHaveText(scored!);
  await expect(points(page)).toHaveText(pointsBefore!);
  await expect(rule(page, 'async-analytics')).toHaveAttribute('data-status', 'failed');

  // Clicking the report selects the three on the canvas.
  await page.getByTestId('unconnected').getByRole('button').click();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);

  // A write rate 100× too high, in the scope notes: the panel says by how much and where it usually goes wrong.
  await page.getByTestId('tab-notes').click();
  await page.getByTestId('step-tab-scope').click();
  await page.getByTestId('notes-scope').fill('About 4,000 new URLs per second, and 3 TB of storage over five years.');
  await page.getByTestId('tab-score').click();
  await expect(page.getByTestId('estimate-write-qps')).toHaveAttribute('data-within', 'false');
  await expect(page.getByTestId('estimate-write-qps').locator('.score-alert-mark')).toHaveText('✗');
  await expect(page.getByTestId('estimate-write-qps').locator('span').last()).toHaveText(
    'Your 4,000 new URLs per second is 100× the ≈40/s the brief implies: check the month → seconds step (100M ÷ 2.6M s).',
  );
  await expect(rule(page, 'write-qps-estimate')).toHaveAttribute('data-status', 'failed');
  // The storage figure beside it is right, and counts.
  await expect(page.getByTestId('estimate-storage')).toHaveAttribute('data-within', 'true');
  await expect(rule(page, 'storage-estimate')).toHaveAttribute('data-status', 'passed');

  // A client wired straight to the store: the fatal flaw comes first in the panel, above everything else.
  await connect(page, client, cassandra);
  const fatal = page.getByTestId('fatal-flaws');
  await expect(fatal).toContainText('Fatal flaw');
  await expect(fatal).toContainText('Layering');
  await expect(fatal).toContainText('A client talking to the database or cache directly exposes credentials');
  // This small design is weak on its own: nothing to cap, so no cap is claimed.
  await expect(page.getByTestId('band-cap')).toHaveCount(0);
  await expect(panel(page).locator(':scope > section').first()).toHaveAttribute('data-testid', 'fatal-flaws');
  await expect(rule(page, 'no-client-to-datastore')).toHaveAttribute('data-status', 'failed');
  await expect(panel(page).getByTestId('score-band')).not.toHaveAttribute('data-band', 'strong');

  // The panel as a candidate sees it, with a flaw, unconnected boxes and an estimate off: light, then dark.
  await panelShot(page, 'score-panel-alerts-light');
  await page.getByTestId('btn-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await panelShot(page, 'score-panel-alerts-dark');
  await shot(page, 'score-alerts-dark-window');
});

test('a queue nothing reads from leads nowhere and earns nothing, until its consumer is drawn', async ({ page }) => {
  await openApp(page, { question: 'url-shortener' });
  await page.getByTestId('tab-score').click();
  const client = await dragFromPalette(page, 'client', { x: 90, y: 200 });
  const app = await dropNamed(page, 'service', { x: 300, y: 200 }, 'App server');
  const clicks = await dropNamed(page, 'message_queue', { x: 540, y: 200 }, 'Click events');
  await connect(page, client, app);
  await connect(page, app, clicks);

  // Connected, so not "unconnected" — but nothing consumes it: the panel says so and the analytics rule stays unearned.
  await expect(page.getByTestId('unconnected')).toHaveCount(0);
  const deadEnds = page.getByTestId('dead-ends');
  await expect(deadEnds.locator('h3')).toHaveText('Leads nowhere');
  await expect(deadEnds.getByRole('button')).toHaveText(
    'Click eventsNothing reads from it, so it earns nothing: draw the worker or server that consumes it.',
  );
  await expect(rule(page, 'async-analytics')).toHaveAttribute('data-status', 'failed');
  await expect(rule(page, 'async-analytics')).toContainText(
    'Drawn, but your “Click events” leads nowhere (nothing reads from it), so it does not count.',
  );
  await deadEnds.getByRole('button').click();
  await expect(clicks).toHaveClass(/selected/);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  const pointsBefore = await points(page).textContent();

  // The worker that counts the clicks: the queue now leads somewhere, and the drawing earns its half of the rule.
  const counter = await dropNamed(page, 'worker', { x: 780, y: 200 }, 'Click counter');
  await connect(page, clicks, counter);
  await expect(deadEnds).toHaveCount(0);
  await expect(rule(page, 'async-analytics')).toHaveAttribute('data-status', 'partial');
  await expect(points(page)).not.toHaveText(pointsBefore!);
});

test('a fatal flaw drawn on a strong design is named at the top and caps the band below strong', async ({ page }) => {
  await openStrongExample(page);
  await expect(page.getByTestId('fatal-flaws')).toHaveCount(0);
  const before = await overallPercent(page);

  // The candidate adds one arrow: the browser straight to the Cassandra store.
  const client = flowNodes(page).filter({ has: page.getByText('Browser / app', { exact: true }) });
  const store = flowNodes(page).filter({ has: page.getByText('Cassandra', { exact: true }) });
  await connect(page, client, store);

  const fatal = page.getByTestId('fatal-flaws');
  await expect(fatal.locator('h3')).toHaveText('Fatal flaw');
  await expect(page.getByTestId('band-cap')).toHaveText(
    'The band is capped at acceptable: without this flaw the design would be strong.',
  );
  await expect(points(page)).toHaveText(/^\d+ of \d+ points · capped$/);
  await expect(fatal.locator('li')).toHaveCount(1);
  await expect(fatal.locator('li')).toContainText('Layering');
  await expect(panel(page).locator(':scope > section').first()).toHaveAttribute('data-testid', 'fatal-flaws');
  await expect(panel(page).getByTestId('score-band')).toHaveAttribute('data-band', 'acceptable');
  await expect(rule(page, 'no-client-to-datastore')).toHaveAttribute('data-status', 'failed');
  // The percentage drops by the flaw's weight only; the band is what the cap takes away.
  const after = await overallPercent(page);
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThanOrEqual(75);

  await panelShot(page, 'score-panel-capped-light');

  // Clicking the flaw selects the offending edge's ends on the canvas.
  await fatal.getByRole('button').click();
  await expect(client).toHaveClass(/selected/);
  await expect(store).toHaveClass(/selected/);
});

test('a strong design with its scope step left empty stays out of the top band, and the panel says which step', async ({
  page,
}) => {
  await openStrongExample(page);
  await expect(page.getByTestId('thin-steps')).toHaveCount(0);

  // The candidate clears the scope notes: no requirements, no estimates, however good the rest.
  await page.getByTestId('tab-notes').click();
  await page.getByTestId('step-tab-scope').click();
  await page.getByTestId('notes-scope').fill('');
  await page.getByTestId('tab-score').click();
  await expect(page.getByTestId('thin-steps')).toHaveText(
    /Strong needs every step: Define scope & requirements scored 0%\. The band stays acceptable until it is answered\./,
  );
  await expect(panel(page).getByTestId('score-band')).toHaveAttribute('data-band', 'acceptable');
  await expect(points(page)).toHaveText(/^\d+ of \d+ points · capped$/);
  await expect(page.getByTestId('fatal-flaws')).toHaveCount(0);
  const overall = await overallPercent(page);
  expect(overall, 'the percentage alone would still be strong').toBeGreaterThanOrEqual(75);
  await panelShot(page, 'score-panel-skipped-step');

  // Writing the estimates back lifts the cap.
  await page.getByTestId('tab-notes').click();
  await page.getByTestId('step-tab-scope').click();
  await page
    .getByTestId('notes-scope')
    .fill(
      'About 40 new URLs a second and 4,000 redirects a second; roughly 3 TB over five years. Redirects must be fast and highly available.',
    );
  await page.getByTestId('tab-score').click();
  await expect(panel(page).getByTestId('score-band')).toHaveAttribute('data-band', 'strong');
  await expect(page.getByTestId('thin-steps')).toHaveCount(0);
});
