import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY_META } from '../../shared/security/csp';
import { canvas, connect, dragFromPalette, edgePaths, flowNodes, openApp, shot } from './support/board';

test('a person draws, edits, undoes, reloads, saves and reopens a board', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await openApp(page);
  // The built app runs under the same strict CSP the desktop shell sends.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    CONTENT_SECURITY_POLICY_META,
  );
  const client = await dragFromPalette(page, 'client', { x: 160, y: 160 });
  const lb = await dragFromPalette(page, 'load_balancer', { x: 460, y: 160 });
  const svc = await dragFromPalette(page, 'service', { x: 760, y: 160 });
  // Each lands where it was dropped: centred under the pointer.
  const box = (await canvas(page).boundingBox())!;
  for (const [node, x] of [
    [client, 160],
    [lb, 460],
    [svc, 760],
  ] as const) {
    const b = (await node.boundingBox())!;
    expect(Math.abs(b.x + b.width / 2 - (box.x + x))).toBeLessThan(24);
    expect(Math.abs(b.y + b.height / 2 - (box.y + 160))).toBeLessThan(24);
  }

  await connect(page, client, lb);
  await connect(page, lb, svc);
  await expect(edgePaths(page)).toHaveCount(2);

  // Rename in place: double-click the label, type, Enter.
  await svc.dblclick();
  await page.getByRole('textbox', { name: 'Label' }).first().fill('Shortener API');
  await page.keyboard.press('Enter');
  await expect(svc).toContainText('Shortener API');

  // Select the second edge and set its protocol in the inspector.
  await edgePaths(page).nth(1).click({ force: true });
  await page.getByTestId('inspector-protocol').selectOption('grpc');
  await expect(page.locator('.react-flow__edge-text').filter({ hasText: 'gRPC' })).toBeVisible();

  // Undo the protocol, then the rename; redo both.
  await canvas(page).click({ position: { x: 20, y: 400 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge-text').filter({ hasText: 'gRPC' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(svc).not.toContainText('Shortener API');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(svc).toContainText('Shortener API');
  await expect(page.locator('.react-flow__edge-text').filter({ hasText: 'gRPC' })).toBeVisible();
  await shot(page, 'board-light');

  // Autosave: reload and find the board as it was.
  await page.reload();
  await expect(flowNodes(page)).toHaveCount(3);
  await expect(edgePaths(page)).toHaveCount(2);
  await expect(page.locator('.react-flow__node')).toContainText(['Shortener API']);
  await expect(page.locator('.react-flow__edge-text').filter({ hasText: 'gRPC' })).toBeVisible();

  // Save to a file: a valid board file with our three components.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const file = join(tmpdir(), `archdrill-e2e-${Date.now()}.archdrill.json`);
  await (await download).saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.format).toBe('archdrill.board');
  expect(saved.nodes.map((n: { kind: string }) => n.kind).sort()).toEqual(['client', 'load_balancer', 'service']);
  expect(saved.edges.find((e: { protocol?: string }) => e.protocol === 'grpc')).toBeTruthy();

  // New board, then open the saved file again.
  // New asks which question to practise, then starts an empty board for it.
  await page.getByTestId('btn-new').click();
  await page.getByTestId('question-url-shortener').click();
  await expect(flowNodes(page)).toHaveCount(0);
  await expect(page.getByTestId('question-title')).toHaveText('URL shortener');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  await (await chooser).setFiles(file);
  await expect(flowNodes(page)).toHaveCount(3);
  await expect(edgePaths(page)).toHaveCount(2);
  await expect(page.getByTestId('file-name')).toContainText('.archdrill.json');

  // A corrupt file: a clear message, and the board is left as it was.
  const corrupt = join(tmpdir(), `corrupt-${Date.now()}.archdrill.json`);
  writeFileSync(corrupt, readFileSync(file, 'utf8').slice(0, 120));
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  await (await chooser2).setFiles(corrupt);
  await expect(page.getByRole('alert')).toContainText('cut short');
  await expect(page.getByRole('alert')).toContainText('not changed');
  await expect(flowNodes(page)).toHaveCount(3);
  await expect(edgePaths(page)).toHaveCount(2);

  // Dark theme and the shortcut sheet.
  await page.keyboard.press('Shift+D');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, 'board-dark');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await shot(page, 'shortcut-sheet-dark');
  expect(violations).toEqual([]);
});

test('copy, paste, duplicate and delete with the keyboard; text notes and group frames', async ({ page }) => {
  await openApp(page);
  const cache = await dragFromPalette(page, 'cache', { x: 300, y: 300 });
  await cache.click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(flowNodes(page)).toHaveCount(2);
  await page.keyboard.press('Control+d');
  await expect(flowNodes(page)).toHaveCount(3);
  await page.keyboard.press('Delete');
  await expect(flowNodes(page)).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(flowNodes(page)).toHaveCount(3);
  // Letter keys add at the centre: T a text note, X a group frame.
  await canvas(page).click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('t');
  await page.keyboard.press('x');
  await expect(page.locator('[data-kind="text"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="group"]')).toHaveCount(1);
  await page.keyboard.press('Control+a');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(5);
  // Zoomed far out, components keep their box and name and drop icon and kind line.
  await expect(page.locator('.component-icon').first()).toBeVisible();
  // Press − until the icons go (each press animates from wherever the last one got to), and no sooner than 0.4×.
  await expect(async () => {
    await page.keyboard.press('-');
    await expect(page.locator('.component-icon').first()).toBeHidden({ timeout: 500 });
  }).toPass();
  const scale = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1]));
  expect(scale).toBeLessThan(0.4);
  await expect(page.locator('.component .label').first()).toBeVisible();
});

test('a group frame carries the components inside it when dragged', async ({ page }) => {
  await openApp(page);
  // Keys add at the pointer: the frame, then a database inside it.
  await canvas(page).click();
  await page.keyboard.press('x');
  await page.keyboard.press('d');
  const frame = page.locator('.react-flow__node:has([data-kind="group"])');
  const db = page.locator('.react-flow__node:has([data-kind="sql_db"])');
  const f0 = (await frame.boundingBox())!;
  const d0 = (await db.boundingBox())!;
  await page.mouse.move(f0.x + 12, f0.y + 12);
  await page.mouse.down();
  await page.mouse.move(f0.x + 112, f0.y + 72, { steps: 10 });
  await page.mouse.up();
  const f1 = (await frame.boundingBox())!;
  const d1 = (await db.boundingBox())!;
  expect(f1.x - f0.x).toBeGreaterThan(80);
  expect(Math.abs(d1.x - d0.x - (f1.x - f0.x))).toBeLessThan(2);
  expect(Math.abs(d1.y - d0.y - (f1.y - f0.y))).toBeLessThan(2);
  // One undo puts both back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await db.boundingBox())!.x)).toBe(Math.round(d0.x));
  await shot(page, 'group-frame');
});
