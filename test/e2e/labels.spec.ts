import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { flowNodes, openApp, shot } from './support/board';

// The first strong URL-shortener example, where the defect was seen: long names, a short HTTPS edge,
// replica badges. Kept as a fixture so the examples can change without changing what this test guards.
const EXAMPLE = resolve(import.meta.dirname, '../fixtures/boards/labels-url-shortener.archdrill.json');

const EXAMPLE_NODES = (JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: unknown[] }).nodes.length;

const openExample = async (page: Page) => {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  await (await chooser).setFiles(EXAMPLE);
  await expect(flowNodes(page)).toHaveCount(EXAMPLE_NODES);
  // Edges draw once their nodes are measured.
  await expect(page.locator('.edge-label', { hasText: 'HTTPS' })).toBeVisible();
};

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
};

// Issue 11, defect 6: labels cut off and edges hidden on the built-in strong example.
test('names show in full, short edges stay visible beside their label, badges sit inside their box, a legend keys the protocols', async ({
  page,
}) => {
  await openExample(page);
  await shot(page, 'labels-strong-example');

  // Every name and kind line is there in full (wrapped, never cut with "…").
  const texts = (await page.locator('.react-flow__node .component-text').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  for (const whole of ['Shortener service', 'ID ranges (ZooKeeper)', 'NoSQL database · Cassandra', 'Cache · Redis'])
    expect(
      texts.some((t) => t.includes(whole)),
      whole,
    ).toBe(true);
  expect(texts.join(' ')).not.toContain('…');

  // The Client → Load balancer edge is short: its "HTTPS" label sits beside it, and the line itself shows.
  const client = await box(page, '.react-flow__node[data-id="client"]');
  const lb = await box(page, '.react-flow__node[data-id="lb"]');
  const label = page.locator('.edge-label', { hasText: 'HTTPS' });
  await expect(label).toHaveAttribute('data-beside', 'true');
  const tag = (await label.boundingBox())!;
  const lineY = client.y + client.height / 2;
  expect(tag.y + tag.height).toBeLessThan(lineY);
  const strip = PNG.sync.read(
    await page.screenshot({
      clip: { x: client.x + client.width + 2, y: lineY - 3, width: lb.x - client.x - client.width - 16, height: 6 },
    }),
  );
  let edgeColoured = 0;
  for (let x = 0; x < strip.width; x++) {
    const i = (3 * strip.width + x) * 4;
    const [r, g, b] = [strip.data[i] ?? 0, strip.data[i + 1] ?? 0, strip.data[i + 2] ?? 0];
    if (Math.abs(r - 0x5b) + Math.abs(g - 0x64) + Math.abs(b - 0x78) < 90) edgeColoured++;
  }
  expect(edgeColoured / strip.width, 'the short edge is drawn, not hidden by its label').toBeGreaterThan(0.8);

  // Replica badges are inside their component's box, so no edge (which ends at the border) runs under one.
  for (const id of ['lb', 'app', 'cache', 'db']) {
    const node = await box(page, `.react-flow__node[data-id="${id}"]`);
    const badge = await box(page, `.react-flow__node[data-id="${id}"] .replicas`);
    expect(badge.x).toBeGreaterThan(node.x);
    expect(badge.y).toBeGreaterThan(node.y);
    expect(badge.x + badge.width).toBeLessThan(node.x + node.width);
    expect(badge.y + badge.height).toBeLessThan(node.y + node.height);
  }

  // Protocols differ by line and arrowhead, and the legend names each one the board uses.
  const legend = page.getByTestId('protocol-legend');
  await expect(legend).toContainText('HTTP');
  await expect(legend).toContainText('gRPC');
  await expect(legend).toContainText('TCP');
  const look = (id: string) =>
    page.locator(`.react-flow__edge[data-id="${id}"] .react-flow__edge-path`).evaluate((el) => {
      const s = getComputedStyle(el);
      return `${s.strokeDasharray} ${el.getAttribute('marker-end')} ${el.getAttribute('marker-start')}`;
    });
  const edgeIds = await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  const looks = new Set(await Promise.all(edgeIds.map(look)));
  expect(looks.size).toBeGreaterThanOrEqual(3);
  await legend.getByRole('button').click();
  await expect(legend.locator('li')).toHaveCount(0);
});

test('a name too long for two lines is cut with "…" and shown whole on hover', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('s');
  const node = flowNodes(page).last();
  await node.dblclick();
  const long = 'Shortener service that also handles analytics, billing, abuse reports and the admin console';
  await node.getByRole('textbox', { name: 'Label' }).fill(long);
  await page.keyboard.press('Enter');
  const component = node.locator('.component');
  await expect(component.locator('.label .line')).toHaveCount(2);
  await expect(component.locator('.label .line').last()).toHaveText(/…$/);
  await expect(component).toHaveAttribute('title', new RegExp(`^${long}\\n`));
  await shot(page, 'labels-long-name');
});
