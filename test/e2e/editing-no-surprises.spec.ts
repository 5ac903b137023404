import { expect, type Page, test } from '@playwright/test';
import { canvas, dragFromPalette, flowNodes, openApp, shot } from './support/board';

/** Issue 11: editing that never surprises a new user. */

const labels = (page: Page) => page.locator('.react-flow__node .label').allInnerTexts();

/** Each node's box on screen. */
const boxes = async (page: Page) => {
  const out: { x: number; y: number; width: number; height: number }[] = [];
  for (const n of await flowNodes(page).all()) out.push((await n.boundingBox())!);
  return out;
};
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('defect 1: F2, Enter and double-click rename in place; typing never sprays components', async ({ page }) => {
  await openApp(page);
  const svc = await dragFromPalette(page, 'service', { x: 400, y: 300 });
  await svc.click();
  await page.keyboard.press('F2');
  await page.keyboard.type('Redirect service');
  await page.keyboard.press('Enter');
  await expect(flowNodes(page)).toHaveCount(1);
  await expect(svc.locator('.label')).toHaveText('Redirect service');
  // One undo takes the rename back, not fourteen.
  await canvas(page).click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('Control+z');
  await expect(svc.locator('.label')).toHaveText('Service');
  await page.keyboard.press('Control+Shift+z');
  await expect(svc.locator('.label')).toHaveText('Redirect service');

  // Enter renames the selected component too.
  await svc.click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Short links');
  await page.keyboard.press('Enter');
  await expect(svc.locator('.label')).toHaveText('Short links');

  // Double-click, then letters, Ctrl+letters and Alt+letters while the field is open: the name, nothing else.
  await svc.dblclick();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Links');
  await page.keyboard.press('Alt+c');
  await page.keyboard.press('Enter');
  await expect(svc.locator('.label')).toHaveText('Links');
  await expect(flowNodes(page)).toHaveCount(1);

  // Typing with nothing in edit (the field was missed): no component per letter.
  await canvas(page).click({ position: { x: 40, y: 40 } });
  await page.keyboard.type('Redirect service', { delay: 60 });
  await expect(flowNodes(page)).toHaveCount(1);
  expect(await labels(page)).toEqual(['Links']);
  // One deliberate key still adds one component.
  await page.mouse.move(300, 500);
  await page.keyboard.press('c');
  await expect(flowNodes(page)).toHaveCount(2);
  await shot(page, 'rename-in-place');
});

test('defect 4: New asks before throwing away unsaved work, and undo never brings the old board back', async ({ page }) => {
  await openApp(page, { question: 'url-shortener' });
  await dragFromPalette(page, 'client', { x: 200, y: 250 });
  await dragFromPalette(page, 'cache', { x: 500, y: 250 });

  // Cancel keeps everything.
  await page.getByTestId('btn-new').click();
  await page.getByTestId('question-chat').click();
  await expect(page.getByTestId('unsaved-dialog')).toBeVisible();
  await shot(page, 'unsaved-changes-prompt');
  await page.getByTestId('unsaved-cancel').click();
  await expect(flowNodes(page)).toHaveCount(2);

  // Save saves first, then the new board starts.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Alt+n');
  await page.getByTestId('question-chat').click();
  await page.getByTestId('unsaved-save').click();
  await download;
  await expect(flowNodes(page)).toHaveCount(0);
  await expect(page.getByTestId('question-title')).toHaveText(/chat/i);

  // Undo on the new board does nothing: the old board is gone for good, not scored against the new question.
  await canvas(page).click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('Control+z');
  await expect(flowNodes(page)).toHaveCount(0);
  // ...and the toolbar says so: there is no step to undo on a new board.
  await expect(page.getByTestId('btn-undo')).toBeDisabled();

  // Don't save: straight to the new board; a saved board is not asked about.
  await dragFromPalette(page, 'service', { x: 300, y: 250 });
  await page.getByTestId('btn-new').click();
  await page.getByTestId('question-feed').click();
  await page.getByTestId('unsaved-discard').click();
  await expect(flowNodes(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(flowNodes(page)).toHaveCount(0);
  await page.getByTestId('btn-new').click();
  await page.getByTestId('question-url-shortener').click();
  await expect(page.getByTestId('unsaved-dialog')).toHaveCount(0);
  await expect(page.getByTestId('question-title')).toHaveText('URL shortener');
});

test('Undo and Redo are enabled only when there is a step to take', async ({ page }) => {
  await openApp(page);
  const undo = page.getByTestId('btn-undo');
  const redo = page.getByTestId('btn-redo');
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();
  await dragFromPalette(page, 'cache', { x: 400, y: 300 });
  await expect(undo).toBeEnabled();
  await expect(redo).toBeDisabled();
  await undo.click();
  await expect(flowNodes(page)).toHaveCount(0);
  await expect(undo).toBeDisabled();
  await expect(redo).toBeEnabled();
  await redo.click();
  await expect(flowNodes(page)).toHaveCount(1);
  await expect(redo).toBeDisabled();
  // A new edit after an undo drops the redo step, and the button follows.
  await undo.click();
  await expect(redo).toBeEnabled();
  await dragFromPalette(page, 'service', { x: 500, y: 300 });
  await expect(redo).toBeDisabled();
});

test('defect 5: components added by key or click land apart: at the pointer, else near the centre; frames and notes cover nothing', async ({
  page,
}) => {
  await openApp(page);
  const box = (await canvas(page).boundingBox())!;
  // L at one spot; S, S at another, without moving: three separate components.
  await page.mouse.move(box.x + 250, box.y + 200);
  await page.keyboard.press('l');
  await expect(flowNodes(page)).toHaveCount(1);
  await page.mouse.move(box.x + 500, box.y + 350);
  await page.keyboard.press('s');
  await expect(flowNodes(page)).toHaveCount(2);
  await page.keyboard.press('s');
  await expect(flowNodes(page)).toHaveCount(3);
  const lb = (await flowNodes(page).first().boundingBox())!;
  expect(Math.abs(lb.x + lb.width / 2 - (box.x + 250))).toBeLessThan(24);
  // Palette clicks (pointer off the canvas) go near the centre, each on free ground.
  for (const kind of ['cache', 'cache', 'sql_db']) await page.getByTestId(`palette-${kind}`).click();
  await page.getByTestId('palette-group').click();
  await page.getByTestId('palette-text').click();
  await expect(flowNodes(page)).toHaveCount(8);
  const all = await boxes(page);
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!), `nodes ${i} and ${j} overlap`).toBe(false);
  await shot(page, 'placement-no-overlap');
});

test('defect 9: shift-drag selects components, never the page’s text', async ({ page }) => {
  await openApp(page);
  await dragFromPalette(page, 'service', { x: 400, y: 300 });
  const box = (await canvas(page).boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  // Across the canvas and out over the palette and the toolbar.
  await page.mouse.move(box.x + 600, box.y + 450, { steps: 6 });
  await page.mouse.move(5, 5, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
  // Chrome is not selectable at all; what people edit is.
  const select = (testId: string) => page.getByTestId(testId).evaluate((el) => getComputedStyle(el).userSelect);
  expect(
    await page
      .locator('.palette h3')
      .first()
      .evaluate((el) => getComputedStyle(el).userSelect),
  ).toBe('none');
  expect(await select('question-title')).toBe('none');
  await page.getByTestId('tab-notes').click();
  expect(await page.locator('.notes-editor').evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none');
});

test('defect 10 (part): an error toast goes away by itself and never covers the canvas controls; the minimap turns dark at once', async ({
  page,
}) => {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  await (await chooser).setFiles({ name: 'broken.archdrill.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  const toast = page.getByTestId('toast-error');
  await expect(toast).toBeVisible();
  const t = (await toast.boundingBox())!;
  for (const control of [page.locator('.react-flow__controls'), page.locator('.board-minimap')]) {
    if ((await control.count()) === 0) continue;
    const c = (await control.boundingBox())!;
    expect(overlap(t, c), 'toast over the canvas controls').toBe(false);
  }
  await shot(page, 'error-toast');
  await expect(toast).toBeHidden({ timeout: 15_000 });

  // Minimap: shown (toggle), then dark as soon as the theme is: its background and what it draws.
  await page.keyboard.press('Escape');
  await dragFromPalette(page, 'service', { x: 400, y: 300 });
  if ((await page.locator('.board-minimap').count()) === 0) await page.getByTestId('btn-toggle-minimap').click();
  const minimap = page.locator('.board-minimap canvas');
  /** Mean brightness (0–255) of the minimap's background and of the pixels it drew. */
  const brightness = () =>
    minimap.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3]! > 0) {
          sum += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
          n++;
        }
      const bg = getComputedStyle(c).backgroundColor.match(/\d+/g)!.map(Number);
      return { drawn: n ? sum / n : -1, background: (bg[0]! + bg[1]! + bg[2]!) / 3 };
    });
  await expect.poll(async () => (await brightness()).drawn).toBeGreaterThan(0);
  const light = await brightness();
  await page.getByTestId('btn-theme').click();
  await expect.poll(async () => (await brightness()).background).toBeLessThan(light.background - 60);
  // Drawn in dark at once, not at the next pan or edit.
  expect((await brightness()).drawn).toBeLessThan(light.drawn - 40);
  await shot(page, 'minimap-dark');
});

/** Where a component's centre is, relative to the canvas. */
const centreIn = async (page: Page, node: ReturnType<Page['locator']>) => {
  const c = (await canvas(page).boundingBox())!;
  const b = (await node.boundingBox())!;
  return { x: b.x + b.width / 2 - c.x, y: b.y + b.height / 2 - c.y };
};

/** Drops a component, then names it as a person does at once: it and the view must stay put meanwhile. */
const dropAndName = async (page: Page, kind: string, at: { x: number; y: number }, name: string) => {
  const node = await dragFromPalette(page, kind, at);
  await node.dblclick();
  await page.keyboard.type(name, { delay: 40 });
  await page.keyboard.press('Enter');
  await expect(node.locator('.label')).toHaveText(name);
  return node;
};

const expectNear = (got: { x: number; y: number }, want: { x: number; y: number }, what: string) => {
  expect(Math.abs(got.x - want.x), `${what}: x`).toBeLessThan(24);
  expect(Math.abs(got.y - want.y), `${what}: y`).toBeLessThan(24);
};

test('first use: the first components stay where they were dropped after picking a question', async ({ page }) => {
  // Picking a question starts a new board (which asks for a fit): the first drop must not slide the view.
  await openApp(page, { question: 'url-shortener' });
  const client = await dropAndName(page, 'client', { x: 120, y: 260 }, 'Browser');
  const lb = await dropAndName(page, 'load_balancer', { x: 420, y: 260 }, 'Edge LB');
  expectNear(await centreIn(page, client), { x: 120, y: 260 }, 'client');
  expectNear(await centreIn(page, lb), { x: 420, y: 260 }, 'load balancer');
  await shot(page, 'first-drops-stay-put');
});

test('first use: zoom to fit on an empty board does nothing, then or at the first drop', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('btn-fit').click();
  const cache = await dropAndName(page, 'cache', { x: 150, y: 150 }, 'Redis');
  expectNear(await centreIn(page, cache), { x: 150, y: 150 }, 'cache');
});

test('first use: Enter in the mock dialog starts the mock on its notes, and an unnamed component’s rename field shows its name', async ({
  page,
}) => {
  await openApp(page, { question: 'url-shortener' });
  await page.getByTestId('timer-start').click();
  await expect(page.getByTestId('start-interview')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timer-bar')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('start-interview')).toHaveCount(0);
  // ...and shows the first step's prompts and its notes, the next thing to read.
  await expect(page.getByTestId('tab-notes')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Which features are required? Which can wait?')).toBeVisible();

  // Renaming a fresh Service opens an empty field that still says what it is called, not a blank box.
  const svc = await dragFromPalette(page, 'service', { x: 400, y: 300 });
  await svc.dblclick();
  await expect(svc.getByRole('textbox', { name: 'Label' })).toHaveAttribute('placeholder', 'Service');
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-design').click();
  await expect(page.getByTestId('inspector-label')).toHaveAttribute('placeholder', 'Service');
});

test('first use: a file that is not a board says so in one clean sentence', async ({ page }) => {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  await (await chooser).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
  await expect(page.getByTestId('toast-error')).toHaveText(
    /^Could not open notes\.txt: the file is not JSON \(it does not start with “\{”\); is it a board file\? Your board was not changed\./,
  );
});

test('first use: Ctrl+Z in a step’s notes takes back what was typed, not one letter, and leaves the board alone', async ({
  page,
}) => {
  await openApp(page, { question: 'url-shortener' });
  await dragFromPalette(page, 'client', { x: 200, y: 250 });
  await page.getByTestId('tab-notes').click();
  const notes = page.getByTestId('notes-understand');
  await notes.click();
  await page.keyboard.type('Shorten and redirect; read heavy.', { delay: 20 });
  await page.keyboard.press('Control+z');
  await expect(notes).toHaveValue('');
  await expect(flowNodes(page)).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(notes).toHaveValue('Shorten and redirect; read heavy.');
  // What was typed is in the board, not only on screen: it is there when the step is shown again.
  await page.getByTestId('step-tab-scope').click();
  await expect(page.getByTestId('notes-scope')).toHaveValue('');
  await page.getByTestId('step-tab-understand').click();
  await expect(page.getByTestId('notes-understand')).toHaveValue('Shorten and redirect; read heavy.');
});

test('first use: Join and Host open with the caret in the field to type: what is typed lands there, not on the close button', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('btn-join').click();
  await page.keyboard.type('K7Q4');
  await expect(page.getByTestId('join-input')).toHaveValue('K7Q4');
  await page.keyboard.press('Escape');
  await page.getByTestId('btn-share').click();
  await page.keyboard.type('secret');
  await expect(page.getByTestId('server-admin-key')).toHaveValue('secret');
});
