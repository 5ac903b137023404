import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Screenshots land here; look at them as a user would. */
export const SHOTS_DIR = resolve(import.meta.dirname, '../../output/screenshots');
mkdirSync(SHOTS_DIR, { recursive: true });
export const shot = (page: Page, name: string) => page.screenshot({ path: resolve(SHOTS_DIR, `${name}.png`) });

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts');
  return url;
};

/**
 * Opens the app on a fresh profile and waits for the canvas. A first visit
 * greets with the question picker: pick `question`, or close it for a free design.
 */
export const openApp = async (page: Page, options: { query?: string; question?: string; origin?: string } = {}) => {
  await page.goto(`${options.origin ?? baseUrl()}${options.query ?? ''}`);
  await expect(page.locator('.react-flow')).toBeVisible();
  const picker = page.getByRole('dialog', { name: 'Pick a question' });
  await expect(picker).toBeVisible();
  if (options.question) await page.getByTestId(`question-${options.question}`).click();
  else await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
};

export const canvas = (page: Page) => page.getByTestId('canvas');
export const flowNodes = (page: Page) => page.locator('.react-flow__node');
export const edgePaths = (page: Page) => page.locator('.react-flow__edge');

/** Drags a palette item onto the canvas at a point relative to the canvas, as a person would. */
export const dragFromPalette = async (page: Page, kind: string, at: { x: number; y: number }) => {
  const before = await flowNodes(page).count();
  await page.getByTestId(`palette-${kind}`).dragTo(canvas(page), { targetPosition: at });
  await expect(flowNodes(page)).toHaveCount(before + 1);
  return page.locator(`.react-flow__node:has([data-kind="${kind}"])`).last();
};

/** Connects two nodes by dragging from a handle of one onto the other. */
export const connect = async (page: Page, from: Locator, to: Locator) => {
  const before = await edgePaths(page).count();
  await from.hover();
  const handle = from.locator('.react-flow__handle-right');
  const hb = await handle.boundingBox();
  const tb = await to.boundingBox();
  if (!hb || !tb) throw new Error('node not visible');
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2, { steps: 8 });
  // Loose mode connects to the nearest handle of the target under the pointer.
  await page.mouse.move(tb.x + 4, tb.y + tb.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(edgePaths(page)).toHaveCount(before + 1);
};

/**
 * Draws the classic read path, as a person would: client → load balancer →
 * service → cache, and service → NoSQL database, laid out left to right.
 */
export const drawReadPath = async (page: Page, y = 210) => {
  const client = await dragFromPalette(page, 'client', { x: 90, y });
  const lb = await dragFromPalette(page, 'load_balancer', { x: 295, y });
  const svc = await dragFromPalette(page, 'service', { x: 500, y });
  const cache = await dragFromPalette(page, 'cache', { x: 705, y: y - 95 });
  const db = await dragFromPalette(page, 'nosql_db', { x: 705, y: y + 110 });
  await connect(page, client, lb);
  await connect(page, lb, svc);
  await connect(page, svc, cache);
  await connect(page, svc, db);
  return { client, lb, svc, cache, db };
};
