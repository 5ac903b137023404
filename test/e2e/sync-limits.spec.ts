import { resolve } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { adminKey, signToken } from '../../electron/sync/auth';
import { type SyncServer, startSyncServer } from '../../electron/sync/server';
import { dragFromPalette, flowNodes, shot } from './support/board';

/**
 * What a participant sees when the server ends their session for good: a
 * room at its size cap, links revoked by the admin, a link that expired. Each
 * against a real server on 127.0.0.1 serving the built app.
 */

const SECRET = new Uint8Array(32).fill(9);
/** Small enough that a person reaches it with a dozen or so components. */
const ROOM_BYTES = 4 * 1024;
let server: SyncServer;

test.beforeAll(async () => {
  server = await startSyncServer({
    host: '127.0.0.1',
    port: 0,
    secret: SECRET,
    staticDir: resolve(import.meta.dirname, '../../dist/renderer'),
    limits: { roomBytes: ROOM_BYTES },
  });
});
test.afterAll(async () => {
  await server.close();
});

const linkFor = (roomId: string, token: string) => `${server.url}/#/join/${roomId}?token=${encodeURIComponent(token)}`;

/** Opens a join link in a fresh browser profile and joins under `name`; resolves once the board is drawn. */
const openLink = async (browser: Browser, link: string, name: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-submit').click();
  await expect(page.locator('.react-flow')).toBeVisible();
  return page;
};

const joined = async (browser: Browser, link: string, name: string): Promise<Page> => {
  const page = await openLink(browser, link, name);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  return page;
};

const KINDS = ['service', 'cache', 'message_queue', 'client', 'load_balancer'] as const;

test('a writer who fills the room to its size cap is told so, and nothing the room took is lost on reload', async ({
  browser,
}) => {
  // A dozen and more drags, each waited on, on a machine that may be busy.
  test.setTimeout(150_000);
  const room = server.createRoom();
  const ada = await joined(browser, linkFor(room.roomId, room.tokens.candidate), 'Ada');
  // Bob watches the room: what reaches him is what the server took.
  const bob = await joined(browser, linkFor(room.roomId, room.tokens.interviewer), 'Bob');
  const closed = ada.getByTestId('connection-closed');
  // Components one after another, as a person fills a board, until the server refuses one.
  let added = 0;
  while ((await closed.count()) === 0) {
    expect(added, 'the room never reached its cap').toBeLessThan(60);
    const i = added++;
    await dragFromPalette(ada, KINDS[i % KINDS.length]!, { x: 90 + (i % 6) * 150, y: 90 + Math.floor(i / 6) * 120 });
    // Before the next one: the server either relayed this one (Bob has it) or refused it (Ada is told).
    await expect.poll(async () => (await closed.count()) > 0 || (await flowNodes(bob).count()) === added).toBe(true);
  }
  await expect(closed).toContainText('This board has reached its size limit');
  // The whole sentence is on screen (it once ran off the header's right edge).
  const box = (await closed.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(ada.viewportSize()!.width);
  await expect(closed).toContainText('start a new');
  expect(await closed.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(ada.getByTestId('connection-status')).toHaveAttribute('data-status', 'closed');
  await shot(ada, 'room-size-limit');

  // Every component but the refused one reached Bob; a newcomer (fresh profile, nothing cached) gets the same from the store.
  const kept = added - 1;
  expect(kept).toBeGreaterThan(5);
  await expect(flowNodes(bob)).toHaveCount(kept);
  const cleo = await joined(browser, linkFor(room.roomId, room.tokens.spectator), 'Cleo');
  await expect(flowNodes(cleo)).toHaveCount(kept);

  // Ada reloads, as the notice says: she is back in the room as the server keeps it (the refused change is not
  // sent again from her browser's copy, which would close the room on her at once), with everything it took.
  await ada.reload();
  await expect(ada.locator('.react-flow')).toBeVisible();
  await expect(ada.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(flowNodes(ada)).toHaveCount(kept);
  await expect(ada.getByTestId('connection-closed')).toHaveCount(0);
  // And Bob's view of the room is unchanged by her coming back.
  await expect(flowNodes(bob)).toHaveCount(kept);
});

test("the admin revokes a room's links: a participant is told, and the old link does not get back in", async ({ browser }) => {
  const room = server.createRoom();
  const link = linkFor(room.roomId, room.tokens.interviewer);
  const bob = await joined(browser, link, 'Bob');
  // The admin call an operator makes (`POST /rooms/<id>/revoke` with the key `archdrill serve` prints).
  const res = await fetch(`${server.url}/rooms/${room.roomId}/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey(SECRET)}` },
  });
  expect(res.status).toBe(200);
  await expect(bob.getByTestId('connection-closed')).toHaveText(
    'The links to this room were revoked. Ask the host for a new link.',
  );
  await expect(bob.getByTestId('connection-status')).toHaveAttribute('data-status', 'closed');
  await shot(bob, 'link-revoked');

  const again = await openLink(browser, link, 'Bob again');
  await expect(again.getByTestId('connection-status')).toHaveAttribute('data-status', 'refused');
  await expect(again.getByTestId('connection-status')).toHaveAttribute('title', /refused this link/);
});

test('an expired link says when it expired instead of trying to connect', async ({ browser }) => {
  const room = server.createRoom();
  const expires = Math.floor(Date.now() / 1000) - 60;
  const page = await openLink(browser, linkFor(room.roomId, signToken(SECRET, room.roomId, 'interviewer', { expires })), 'Cleo');
  const when = await page.evaluate((s) => new Date(s * 1000).toLocaleString(), expires);
  await expect(page.getByTestId('connection-closed')).toHaveText(`This link expired on ${when}. Ask the host for a new one.`);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'closed');
  await shot(page, 'link-expired');
});
