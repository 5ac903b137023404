import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { flowNodes, openApp, shot } from './support/board';

/** Defect 8: comfortable at 1280×720, usable at 1024×700, in light and dark. Screenshots for a person to look at. */
const EXAMPLE = resolve(import.meta.dirname, '../../rubrics/examples/url-shortener.strong.archdrill.json');

const openExample = async (page: Page) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  await (await chooser).setFiles(EXAMPLE);
  await expect(flowNodes(page)).not.toHaveCount(0);
};

/** Everything in the header fits on one row: no button drops to a second line. */
const headerOnOneRow = async (page: Page) => {
  const header = (await page.locator('header.toolbar').boundingBox())!;
  for (const b of await page.locator('header.toolbar button').all()) {
    const box = await b.boundingBox();
    if (!box) continue;
    expect(box.y + box.height, (await b.getAttribute('data-testid')) ?? 'button').toBeLessThanOrEqual(header.y + header.height);
    expect(box.x + box.width).toBeLessThanOrEqual(header.x + header.width + 1);
  }
  expect(header.height).toBeLessThan(60);
};

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 700 },
])
  for (const theme of ['light', 'dark'] as const)
    test(`at ${size.width}×${size.height} (${theme}) the header fits, the palette scrolls, the canvas keeps its room`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.addInitScript((t) => localStorage.setItem('archdrill.theme', t), theme);
      await openApp(page, { question: 'url-shortener' });
      await openExample(page);
      await headerOnOneRow(page);
      // A long file name gives way with its full name on hover; the question's title reads whole.
      const file = page.getByTestId('file-name');
      const fits = (el: HTMLElement) => el.scrollWidth <= el.clientWidth + 1;
      if (!(await file.evaluate(fits))) await expect(file).toHaveAttribute('title', 'url-shortener.strong.archdrill.json');
      expect(await page.getByTestId('question-title').evaluate(fits)).toBe(true);
      // Every component kind is reachable: the palette scrolls within the window.
      const last = page.locator('.palette-item').last();
      await last.scrollIntoViewIfNeeded();
      await expect(last).toBeInViewport();
      // The canvas has most of the window; the minimap is small or hidden.
      const canvas = (await page.getByTestId('canvas').boundingBox())!;
      expect(canvas.width).toBeGreaterThan(size.width * 0.45);
      const minimap = page.locator('.board-minimap canvas');
      if ((await minimap.count()) > 0) {
        const m = (await minimap.boundingBox())!;
        expect(m.width * m.height).toBeLessThan(canvas.width * canvas.height * 0.06);
      }
      await shot(page, `window-${size.width}x${size.height}-${theme}`);
      // Panels collapse for more room, and come back.
      await page.getByTestId('btn-toggle-sidebar').click();
      await page.getByTestId('btn-toggle-palette').click();
      await expect(page.locator('.sidebar')).toHaveCount(0);
      await expect(page.locator('.palette')).toHaveCount(0);
      expect((await page.getByTestId('canvas').boundingBox())!.width).toBeGreaterThan(size.width * 0.95);
      await shot(page, `window-${size.width}x${size.height}-${theme}-panels-hidden`);
      await page.getByTestId('btn-toggle-sidebar').click();
      await page.getByTestId('btn-toggle-palette').click();
      await expect(page.locator('.sidebar')).toBeVisible();
    });
