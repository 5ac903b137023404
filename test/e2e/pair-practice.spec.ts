import { resolve } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type SyncServer, startSyncServer } from '../../electron/sync/server';
import { dragFromPalette, flowNodes, shot } from './support/board';

let server: SyncServer;

test.beforeAll(async () => {
  server = await startSyncServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../../dist/renderer') });
});
test.afterAll(async () => {
  await server.close();
});

const joinAs = async (browser: Browser, link: string, name: string, role?: 'candidate' | 'interviewer') => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('join-name').fill(name);
  // The link decides the role, and the join screen says which.
  if (role) await expect(page.getByTestId('join-role')).toHaveAttribute('data-role', role);
  await page.getByTestId('join-submit').click();
  await expect(page.locator('.react-flow')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  return page;
};

/** A node's position in flow coordinates (its transform), independent of pan and zoom. */
const flowPos = async (page: Page, kind: string) => {
  const t = await page
    .locator(`.react-flow__node:has([data-kind="${kind}"])`)
    .evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(t);
  if (!m) throw new Error(`unexpected transform ${t}`);
  return { x: Number(m[1]), y: Number(m[2]) };
};

/** Where `page` draws the pointer of the partner called `name`, in flow coordinates; null while it draws none. */
const cursorOf = async (page: Page, name: string) => {
  const cursor = page.getByTestId('remote-cursor').filter({ hasText: name });
  if ((await cursor.count()) === 0) return null;
  const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(await cursor.evaluate((el) => (el as HTMLElement).style.transform));
  return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
};

const linkFor = (roomId: string, token: string) => `${server.url}/#/join/${roomId}?token=${encodeURIComponent(token)}`;

const nodeCentre = async (page: Page, kind: string) => {
  const b = await page.locator(`.react-flow__node:has([data-kind="${kind}"])`).boundingBox();
  if (!b) throw new Error(`no ${kind} node`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

test('two people on one live board: live drag, cursors, roles, shared timer, follow, swap; a spectator cannot edit', async ({
  browser,
}) => {
  const room = server.createRoom();
  const ada = await joinAs(browser, linkFor(room.roomId, room.tokens.candidate), 'Ada', 'candidate');
  const bob = await joinAs(browser, linkFor(room.roomId, room.tokens.interviewer), 'Bob', 'interviewer');

  // Each sees the other in the participant list, with their role.
  await expect(ada.getByTestId('participant')).toContainText('Bob');
  await expect(ada.getByTestId('participant')).toContainText('interviewer');
  await expect(bob.getByTestId('participant')).toContainText('Ada');

  // Ada draws; Bob sees it.
  await dragFromPalette(ada, 'cache', { x: 300, y: 250 });
  await expect(flowNodes(bob)).toHaveCount(1);
  await expect(bob.locator('[data-kind="cache"]')).toBeVisible();

  // Ada drags the cache; while the button is still down Bob already sees it move, with Ada's cursor and name.
  const startBob = await nodeCentre(bob, 'cache');
  const from = await nodeCentre(ada, 'cache');
  await ada.mouse.move(from.x, from.y);
  await ada.mouse.down();
  await ada.mouse.move(from.x + 120, from.y + 80, { steps: 20 });
  await expect.poll(async () => (await nodeCentre(bob, 'cache')).x - startBob.x, { timeout: 5000 }).toBeGreaterThan(60);
  await expect(bob.getByTestId('remote-cursor')).toContainText('Ada');
  await shot(bob, 'pair-live-drag-partner-view');
  await ada.mouse.up();
  // The final position lands in the doc: both agree.
  await expect
    .poll(async () => {
      const a = await nodeCentre(ada, 'cache');
      const b = await nodeCentre(bob, 'cache');
      return Math.abs(a.x - from.x - (b.x - startBob.x));
    })
    .toBeLessThan(4);

  // Bob, the interviewer, has his own tools; Ada does not, and her score stays hidden until the end.
  await expect(bob.getByTestId('interviewer-panel')).toBeVisible();
  await expect(ada.getByTestId('tab-interviewer')).toHaveCount(0);
  await ada.getByTestId('tab-score').click();
  await expect(ada.getByTestId('score-hidden')).toBeVisible();
  await bob.getByTestId('policy-candidate-score').check();
  await expect(ada.getByTestId('score-panel')).toBeVisible();

  // The timer Bob starts runs on Ada's screen too: same step, same time left.
  await bob.getByTestId('timer-start').click();
  await bob.getByTestId('preset-45').click();
  await bob.getByTestId('start-confirm').click();
  await expect(ada.getByTestId('timer-bar')).toHaveAttribute('data-status', 'running');
  await expect(ada.getByTestId('timer-step')).toHaveText((await bob.getByTestId('timer-step').textContent()) ?? '');
  const seconds = (t: string) => t.split(':').reduce((acc, p) => acc * 60 + Number(p), 0);
  const [ra, rb] = [
    (await ada.getByTestId('timer-remaining').textContent()) ?? '',
    (await bob.getByTestId('timer-remaining').textContent()) ?? '',
  ];
  expect(Math.abs(seconds(ra) - seconds(rb))).toBeLessThanOrEqual(1);
  // Ada pauses (the host allows it by default); Bob sees it paused.
  await ada.getByTestId('timer-pause').click();
  await expect(bob.getByTestId('timer-bar')).toHaveAttribute('data-status', 'paused');
  await shot(ada, 'pair-timer-candidate-view');

  // A spectator watches but cannot change the board.
  const eve = await joinAs(browser, linkFor(room.roomId, room.tokens.spectator), 'Eve');
  await expect(flowNodes(eve)).toHaveCount(1);
  await expect(eve.getByTestId('palette-service')).toHaveCount(0);
  // Her toolbar's edit buttons are inert: New and Open would replace everyone's board, Undo has nothing of hers.
  for (const id of ['btn-new', 'btn-open', 'btn-undo', 'btn-redo']) await expect(eve.getByTestId(id)).toBeDisabled();
  await eve.locator('.react-flow__pane').click({ position: { x: 50, y: 50 } });
  await eve.keyboard.press('s');
  const before = await flowPos(eve, 'cache');
  const c = await nodeCentre(eve, 'cache');
  await eve.mouse.move(c.x, c.y);
  await eve.mouse.down();
  await eve.mouse.move(c.x + 200, c.y + 150, { steps: 10 });
  await eve.mouse.up();
  // A later message from Eve proves the drag's were delivered (one socket, relayed in order): her pointer,
  // parked on the node's corner, reaches Ada's canvas there.
  const corner = (await eve.locator('.react-flow__node:has([data-kind="cache"])').boundingBox())!;
  await eve.mouse.move(corner.x + 2, corner.y + 2);
  await expect
    .poll(async () => {
      const at = await cursorOf(ada, 'Eve');
      return at !== null && Math.abs(at.x - before.x) < 6 && Math.abs(at.y - before.y) < 6;
    })
    .toBe(true);
  await expect(flowNodes(ada)).toHaveCount(1);
  expect(await flowPos(eve, 'cache')).toEqual(before);
  expect(await flowPos(ada, 'cache')).toEqual(before);
  await shot(ada, 'pair-candidate-view');

  // Follow: Ada sees what Bob sees, whatever his zoom.
  const viewport = (p: Page) => p.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  await bob.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  for (let i = 0; i < 3; i++) await bob.keyboard.press('+');
  await ada
    .getByTestId('participant')
    .filter({ hasText: 'Bob' })
    .getByRole('button', { name: /Follow Bob/ })
    .click();
  await expect.poll(() => viewport(ada)).toContain('scale(');
  const zoomOf = (t: string) => Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? 0);
  await expect.poll(async () => Math.abs(zoomOf(await viewport(ada)) - zoomOf(await viewport(bob)))).toBeLessThan(0.05);

  // New in a live room asks first, saved or not: the board it replaces is everyone's. Cancel keeps it for both.
  await ada.getByTestId('btn-new').click();
  await ada.getByTestId('question-chat').click();
  await expect(ada.getByTestId('unsaved-live')).toContainText('replaces this one for everyone in it');
  await ada.getByTestId('unsaved-cancel').click();
  await expect(ada.getByRole('dialog', { name: 'Pick a question' })).toHaveCount(0);
  await expect(flowNodes(bob)).toHaveCount(1);

  // Swap roles: the next round starts with Ada interviewing Bob.
  await bob.getByTestId('tab-interviewer').click();
  await bob.getByTestId('swap-roles').click();
  await bob.getByTestId('swap-confirm').click();
  await expect(ada.getByTestId('participant-me')).toContainText('interviewer');
  await expect(bob.getByTestId('participant-me')).toContainText('candidate');
  await expect(ada.getByTestId('interviewer-panel')).toBeVisible();
  await expect(ada.getByTestId('timer-bar')).not.toHaveAttribute('data-status', 'paused');

  // Ada, told it replaces the room's board, starts the next question: Bob's board follows.
  await ada.getByTestId('btn-new').click();
  await ada.getByTestId('question-chat').click();
  await ada.getByTestId('unsaved-discard').click();
  await expect(flowNodes(bob)).toHaveCount(0);
  await expect(bob.getByTestId('question-title')).toHaveText(/chat/i);

  // A partner who leaves disappears from the list, cursor and all, within a second.
  await eve.close();
  await bob.close();
  await expect(ada.getByTestId('participant')).toHaveCount(0, { timeout: 1500 });
  await expect(ada.getByTestId('remote-cursor')).toHaveCount(0);
});
