import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { hostingFromSync } from '../../electron/main/services';
import { hostSession } from '../../electron/sync/hostSession';
import { startSyncServer } from '../../electron/sync/server';
import { API_FUNCTION_NAMES } from '../../shared/ipc/api';
import { openApp, shot } from './support/board';

/**
 * "Host a session" is desktop-only: the renderer offers it when the preload's
 * API (`window.archdrill`) is there. Here the built app runs in Chromium with
 * that API faked at the Platform boundary: each call goes to this test
 * process, where `hostStart` runs the desktop's own hosting service
 * (electron/main/services.ts hostingFromSync over electron/sync/hostSession)
 * with a real sync server. Only the OS is faked: the server listens on
 * 127.0.0.1 instead of every interface, and the machine's interfaces are a
 * Docker bridge listed first (as the issue saw) and a Wi-Fi one, whose address
 * is loopback here so a partner's browser can really open the link.
 */

const INTERFACES = [
  { name: 'docker0', address: '172.17.0.1' },
  { name: 'wlan0', address: '127.0.0.1' },
];

let dataDir: string;
/** Every hosting service a test started, stopped after it whatever happened. */
const started: { stop(): Promise<void> }[] = [];
test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'archdrill-hosting-'));
});
test.afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
});
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A port nothing listens on right now: a server's, closed (the dialog's default, 7420, may be taken). */
const freePort = async (): Promise<number> => {
  const probe = await startSyncServer({ host: '127.0.0.1', port: 0 });
  await probe.close();
  return probe.port;
};

const hosting = () => {
  const service = hostingFromSync(
    {
      hostSession: async (options) => ({ ...(await hostSession({ ...options, lan: false })), interfaces: INTERFACES }),
    },
    { dataDir: join(dataDir, 'sessions'), rendererRoot: resolve(import.meta.dirname, '../../dist/renderer') },
  );
  started.push(service);
  return service;
};

/** What the fake preload answers besides hosting: an empty history and rubric folder, no files to open. */
const QUIET_ANSWERS: Record<string, unknown> = {
  historyList: [],
  userRubrics: [],
  userRubricFolder: '/home/user/.archdrill/rubrics',
  takePendingOpenFiles: [],
  replayGet: null,
};

/** The app as the desktop window runs it, its preload API answered by `service` in this process. */
const openDesktopApp = async (page: Page, service: ReturnType<typeof hosting>) => {
  await page.exposeFunction('__desktopCall', async (name: string, args: unknown[]) => {
    if (name === 'hostStart') return service.start(args[0] as Parameters<typeof service.start>[0]);
    if (name === 'hostStop') return service.stop();
    return QUIET_ANSWERS[name];
  });
  await page.addInitScript((names: string[]) => {
    const call = (window as unknown as { __desktopCall: (n: string, a: unknown[]) => Promise<unknown> }).__desktopCall;
    const api: Record<string, unknown> = {};
    // Listeners (onMenuCommand, onOpenFile…) subscribe to nothing; every other function is a call into the test.
    for (const name of names) api[name] = /^on[A-Z]/.test(name) ? () => () => {} : (...args: unknown[]) => call(name, args);
    Object.defineProperty(window, 'archdrill', { value: Object.freeze(api) });
  }, API_FUNCTION_NAMES as string[]);
  await openApp(page);
};

test('hosting: the dialog warns that the link is a password on an unencrypted network, and the chosen interface is the one the link names', async ({
  page,
  browser,
}) => {
  const service = hosting();
  await openDesktopApp(page, service);
  await page.getByTestId('btn-share').click();
  const dialog = page.getByRole('dialog', { name: 'Host a session' });
  await expect(dialog).toBeVisible();
  // Before anything starts, the user reads what the link is and what the network sees.
  await expect(dialog.getByTestId('hosting-warning')).toContainText('Treat the link like a password');
  await expect(dialog.getByTestId('hosting-warning')).toContainText('not encrypted');
  await dialog.getByLabel('Port').fill(String(await freePort()));
  await dialog.getByRole('button', { name: 'Start hosting' }).click();

  // Started: a picker of the machine's interfaces, the first (a Docker bridge) chosen, and the links name it.
  const picker = dialog.getByTestId('host-interface');
  await expect(picker).toBeVisible();
  await expect(picker.locator('option')).toHaveText(['docker0 — 172.17.0.1', 'wlan0 — 127.0.0.1']);
  const link = dialog.getByTestId('invite-link-interviewer');
  await expect(link).toHaveValue(/^http:\/\/172\.17\.0\.1:\d+\//);
  await expect(dialog.getByTestId('hosting-warning')).toBeVisible();
  await expect(dialog).toContainText('These links stop working when you stop hosting.');
  // The code is read aloud with the address: one dash between two groups of four (it was formatted twice: "5E3N--7CKY").
  await expect(dialog.getByTestId('invite-code-interviewer')).toHaveValue(
    /^172\.17\.0\.1:\d+ · [0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
  );
  await shot(page, 'hosting-dialog-interfaces');

  // The user picks the Wi-Fi: every link now names it, and a partner opening it joins the room.
  await picker.selectOption({ label: 'wlan0 — 127.0.0.1' });
  await expect(link).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\//);
  await expect(dialog.getByTestId('invite-link-spectator')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\//);
  const partner = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
  await partner.goto(await link.inputValue());
  await partner.getByTestId('join-name').fill('Bob');
  await expect(partner.getByTestId('join-role')).toHaveAttribute('data-role', 'interviewer');
  await partner.getByTestId('join-submit').click();
  await expect(partner.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');

  // Closing the dialog leaves the server running: reopened, it shows the same links and Stop hosting, not Start.
  const shown = await link.inputValue();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('btn-share').click();
  await expect(dialog.getByTestId('invite-link-interviewer')).toHaveValue(shown);
  await expect(picker).toHaveValue('127.0.0.1');
  await expect(dialog.getByRole('button', { name: 'Start hosting' })).toHaveCount(0);

  // The host stops hosting from the dialog: the links were not kept, so the partner is told they were revoked.
  await dialog.getByTestId('stop-hosting').click();
  await expect(partner.getByTestId('connection-closed')).toHaveText(
    'The links to this room were revoked. Ask the host for a new link.',
  );
  await expect(dialog.getByRole('button', { name: 'Start hosting' })).toBeVisible();
  // ...and stays stopped when the dialog is opened again.
  await page.keyboard.press('Escape');
  await page.getByTestId('btn-share').click();
  await expect(dialog.getByRole('button', { name: 'Start hosting' })).toBeVisible();
});
