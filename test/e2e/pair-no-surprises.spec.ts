import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type SyncServer, startSyncServer } from '../../electron/sync/server';
import { baseUrl, connect, dragFromPalette, flowNodes, openApp, shot } from './support/board';

/** Issue 11, pair practice: the interviewer's tabs, joining from inside the app, the role a link grants, and a spectator who cannot change anything. */
let server: SyncServer;
test.beforeAll(async () => {
  server = await startSyncServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../../dist/renderer') });
});
test.afterAll(async () => {
  await server.close();
});

const linkFor = (roomId: string, token: string) => `${server.url}/#/join/${roomId}?token=${encodeURIComponent(token)}`;

const joinAs = async (browser: Browser, link: string, name: string) => {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true })).newPage();
  await page.goto(link);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  return page;
};

/** The board as Save writes it: what "byte-identical" means to a person comparing files. */
const savedBoard = async (page: Page) => {
  const download = page.waitForEvent('download');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+s');
  return readFileSync(await (await download).path(), 'utf8');
};

test('defect 2: the interviewer can leave the Interviewer tab and read the candidate’s notes', async ({ browser }) => {
  const room = server.createRoom();
  const ada = await joinAs(browser, linkFor(room.roomId, room.tokens.candidate), 'Ada');
  const bob = await joinAs(browser, linkFor(room.roomId, room.tokens.interviewer), 'Bob');
  await ada.getByTestId('tab-notes').click();
  await ada.getByTestId('notes-understand').fill('Shorten links; 100M a day; redirects must be fast.');

  await expect(bob.getByTestId('interviewer-panel')).toBeVisible();
  await bob.getByTestId('tab-notes').click();
  await expect(bob.getByTestId('tab-notes')).toHaveAttribute('aria-selected', 'true');
  await expect(bob.getByTestId('notes-understand')).toHaveValue(/100M a day/);
  // A partner's edit arriving must not throw him back either.
  await ada.getByTestId('notes-understand').fill('Shorten links; 100M a day; redirects under 50 ms.');
  await expect(bob.getByTestId('notes-understand')).toHaveValue(/50 ms/);
  await expect(bob.getByTestId('tab-notes')).toHaveAttribute('aria-selected', 'true');
  for (const tab of ['design', 'score', 'brief', 'interviewer']) {
    await bob.getByTestId(`tab-${tab}`).click();
    await expect(bob.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  }
  await bob.context().close();
  await ada.context().close();
});

test('defect 3 and 7: joining from the app’s Join dialog opens the room in place, as the role the link grants', async ({
  page,
}) => {
  const room = server.createRoom();
  await openApp(page);
  const appUrl = page.url();
  await page.getByTestId('btn-join').click();
  await page.getByTestId('join-input').fill(linkFor(room.roomId, room.tokens.interviewer));
  await page.getByRole('dialog', { name: 'Join a session' }).getByRole('button', { name: 'Join' }).click();
  // The join screen names the role the link grants and offers no other.
  await expect(page.getByTestId('join-role')).toHaveAttribute('data-role', 'interviewer');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await page.getByTestId('join-name').fill('Bob');
  await page.getByTestId('join-submit').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(page.getByTestId('participant-me')).toContainText('interviewer');
  await expect(page.getByTestId('interviewer-panel')).toBeVisible();
  // Nothing navigated: the desktop window's guard would have refused it.
  expect(page.url()).toBe(appUrl);
  // Leaving is in the header, where people look, and brings back the own board.
  await page.getByTestId('btn-leave').click();
  await expect(page.getByTestId('btn-join')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveCount(0);
  expect(new URL(page.url()).origin).toBe(new URL(baseUrl()).origin);
});

test('a spectator tries every edit; their board stays identical to the candidate’s, also after a reload', async ({ browser }) => {
  const room = server.createRoom();
  const ada = await joinAs(browser, linkFor(room.roomId, room.tokens.candidate), 'Ada');
  // Ada draws a frame, two components with a connection, a note, and writes notes.
  await dragFromPalette(ada, 'group', { x: 420, y: 300 });
  const lb = await dragFromPalette(ada, 'load_balancer', { x: 360, y: 280 });
  const svc = await dragFromPalette(ada, 'service', { x: 700, y: 480 });
  await connect(ada, lb, svc);
  await dragFromPalette(ada, 'text', { x: 760, y: 160 });
  await ada.getByTestId('tab-notes').click();
  await ada.getByTestId('notes-understand').fill('Read-heavy: 100:1.');
  const original = await savedBoard(ada);

  const eve = await joinAs(browser, linkFor(room.roomId, room.tokens.spectator), 'Eve');
  await expect(flowNodes(eve)).toHaveCount(4);
  const node = (kind: string) => eve.locator(`.react-flow__node:has([data-kind="${kind}"])`);
  const centre = async (kind: string) => {
    const b = (await node(kind).boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2, b };
  };
  const drag = async (from: { x: number; y: number }, dx: number, dy: number) => {
    await eve.mouse.move(from.x, from.y);
    await eve.mouse.down();
    await eve.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
    await eve.mouse.up();
  };

  // Drag a component; resize the frame by its corner; draw a connection from a component's edge.
  await drag(await centre('service'), 160, 90);
  const frame = await centre('group');
  await node('group').click({ position: { x: 12, y: 12 } });
  await drag({ x: frame.b.x + frame.b.width - 1, y: frame.b.y + frame.b.height - 1 }, 144, 112);
  const from = await centre('load_balancer');
  await drag({ x: from.b.x + from.b.width - 2, y: from.y }, 300, 200);
  // Dragging what will not move pans Eve's own view: bring the board back in sight.
  await eve.getByTestId('btn-fit').click();
  await expect(node('load_balancer')).toBeInViewport();
  // Rename by double-click, F2 and Enter; delete; copy-paste; duplicate; undo.
  await node('load_balancer').dblclick();
  await eve.keyboard.type('Renamed');
  await eve.keyboard.press('Enter');
  await node('load_balancer').click();
  for (const key of [
    'F2',
    'Enter',
    'Delete',
    'Backspace',
    'Control+c',
    'Control+v',
    'Control+d',
    'Control+x',
    'Control+z',
    's',
    'x',
  ])
    await eve.keyboard.press(key);
  // Notes, timer buttons, the calculator's insert.
  await eve.getByTestId('tab-notes').click();
  await eve.getByTestId('notes-understand').click();
  await eve.keyboard.type('spectator was here');
  await expect(eve.getByTestId('timer-start')).toBeDisabled();
  await eve.getByTestId('step-tab-scope').click();
  const insert = eve.getByTestId('calc-insert');
  if ((await insert.count()) > 0) await insert.click({ force: true });
  // Drop a board file on the workspace.
  await eve.evaluate(() => {
    const data = new DataTransfer();
    const board = {
      format: 'archdrill.board',
      version: 1,
      nodes: [{ id: 'x', kind: 'cache', position: { x: 0, y: 0 } }],
      edges: [],
    };
    data.items.add(new File([JSON.stringify(board)], 'other.archdrill.json', { type: 'application/json' }));
    const target = document.querySelector('.workspace')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await shot(eve, 'spectator-after-every-edit');

  // Eve's board is Ada's, file for file; Ada's never changed.
  await expect.poll(() => savedBoard(eve)).toBe(original);
  expect(await savedBoard(ada)).toBe(original);
  await expect(flowNodes(eve)).toHaveCount(4);
  // A reload brings back the room's copy kept in Eve's browser: still identical.
  await eve.reload();
  await expect(eve.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(flowNodes(eve)).toHaveCount(4);
  expect(await savedBoard(eve)).toBe(original);
  const size = await eve.locator('.react-flow__node:has([data-kind="group"])').boundingBox();
  const adaSize = await ada.locator('.react-flow__node:has([data-kind="group"])').boundingBox();
  expect(Math.round(size!.width)).toBe(Math.round(adaSize!.width));
  await eve.context().close();
  await ada.context().close();
});

test('defect 7: the host reads a short code from Invite; a partner types it in Join and lands in the room as its role', async ({
  browser,
}) => {
  // The host: a component on the board, then a room on the team server (the browser's Host dialog).
  const host = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
  await openApp(host, { origin: server.url });
  await dragFromPalette(host, 'cache', { x: 400, y: 300 });
  await host.getByTestId('btn-share').click();
  await expect(host.getByTestId('server-origin')).toHaveValue(server.url);
  await host.getByTestId('server-admin-key').fill(server.adminKey);
  await host.getByTestId('create-room').click();
  const shown = host.getByTestId('invite-code-interviewer');
  await expect(shown).toHaveValue(/ · /);
  const invite = await shown.inputValue();
  // Short enough to read aloud: the address, then eight characters in two groups.
  const [address, code] = invite.split(' · ') as [string, string];
  expect(address).toBe(server.url.replace('http://', ''));
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  const spectatorInvite = await host.getByTestId('invite-code-spectator').inputValue();
  expect(spectatorInvite).toMatch(/ · [0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await shot(host, 'invite-codes');
  await host.getByTestId('enter-room').click();
  await host.getByTestId('join-name').fill('Ada');
  await host.getByTestId('join-submit').click();
  await expect(host.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  // Invite inside the room shows the same code again.
  await host.getByTestId('btn-share').click();
  await expect(host.getByTestId('invite-code-interviewer')).toHaveValue(invite);
  await host.keyboard.press('Escape');

  // The partner opens the host's address in a browser and types the code as heard: lower case, a space, O for 0.
  const partner = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
  await openApp(partner, { origin: server.url });
  await partner.getByTestId('btn-join').click();
  const dialog = partner.getByRole('dialog', { name: 'Join a session' });
  await expect(partner.getByTestId('join-server')).toHaveValue(address);
  await partner.getByTestId('join-input').fill('ZZZZ-ZZZZ');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/No session has this code on this server/);
  const heard = code.toLowerCase().replace('-', ' ').replace(/0/g, 'o');
  await partner.getByTestId('join-input').fill(heard);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(partner.getByTestId('join-role')).toHaveAttribute('data-role', 'interviewer');
  await partner.getByTestId('join-name').fill('Bob');
  await partner.getByTestId('join-submit').click();
  await expect(partner.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(partner.getByTestId('participant-me')).toContainText('interviewer');
  await expect(partner.locator('.react-flow__node:has([data-kind="cache"])')).toHaveCount(1);
  await expect(partner.getByTestId('interviewer-panel')).toBeVisible();

  // The whole line the host shows works too (pasted from a chat): no address field needed.
  const spectator = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
  await openApp(spectator, { origin: server.url });
  await spectator.getByTestId('btn-join').click();
  await spectator.getByTestId('join-input').fill(spectatorInvite);
  await expect(spectator.getByTestId('join-server')).toHaveCount(0);
  await spectator.getByRole('dialog', { name: 'Join a session' }).getByRole('button', { name: 'Join' }).click();
  await expect(spectator.getByTestId('join-role')).toHaveAttribute('data-role', 'spectator');
  await spectator.getByTestId('join-name').fill('Eve');
  await spectator.getByTestId('join-submit').click();
  await expect(spectator.getByTestId('participant-me')).toContainText('spectator');
  await expect(spectator.locator('.react-flow__node:has([data-kind="cache"])')).toHaveCount(1);
  for (const page of [host, partner, spectator]) await page.context().close();
});
