import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeRoomLink, onSessionSwitch } from '../../renderer/src/collab/enterRoom';
import { joinFromInput } from '../../renderer/src/collab/joinInput';
import { buildJoinLink } from '../../shared/collab/joinLink';
import { newRoomId } from '../../shared/collab/room';
import { formatToken } from '../../shared/collab/token';
import type { FakeWebContents } from './setup/fakeElectron';
import { launchShell } from './setup/launchShell';

/**
 * Joining from the desktop app, with the shell's real navigation guard
 * (electron/main/security.ts) on the window. The page's `location` is wired
 * to the fake window as Chromium would: any navigation, a reload included,
 * asks the guard first, and only an allowed one changes the page.
 */
const pageIn = (contents: FakeWebContents) => {
  const storage = new Map<string, string>();
  const navigations: string[] = [];
  const navigate = (url: string) => {
    navigations.push(url);
    contents.navigate(url);
  };
  const location = {
    get href() {
      return contents.mainFrame.url;
    },
    origin: 'app://archdrill',
    pathname: '/index.html',
    search: '',
    hash: '',
    assign: navigate,
    replace: navigate,
    reload: () => navigate(contents.mainFrame.url),
  };
  vi.stubGlobal('window', { location });
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', { replaceState: vi.fn() });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
  return { navigations };
};

const mac = `${'A'.repeat(21)}A`;
const link = buildJoinLink({ origin: 'http://192.168.1.5:7420', roomId: newRoomId(), token: formatToken('interviewer', mac) });

describe('joining a session from the desktop app', () => {
  let contents: FakeWebContents;
  beforeEach(async () => {
    ({ contents } = await launchShell());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('the guard blocks what the old join did (navigate to the host), and the page stays put', () => {
    const home = contents.mainFrame.url;
    expect(contents.navigate(link)).toBe(false);
    expect(contents.mainFrame.url).toBe(home);
  });

  it('joining from the dialog never navigates: the room opens in place and a reload would stay in it', async () => {
    const page = pageIn(contents);
    const home = contents.mainFrame.url;
    const switched = vi.fn();
    onSessionSwitch(switched);
    expect(await joinFromInput(`  ${link}  `)).toBeNull();
    expect(page.navigations).toEqual([]);
    expect(contents.mainFrame.url).toBe(home);
    expect(switched).toHaveBeenCalledTimes(1);
    expect(activeRoomLink()).toBe(link);
  });

  it('a malformed link says what is wrong and joins nothing', async () => {
    const page = pageIn(contents);
    const switched = vi.fn();
    onSessionSwitch(switched);
    expect(await joinFromInput('http://192.168.1.5:7420/#/join/nope')).toMatch(/room|token|link/i);
    expect(switched).not.toHaveBeenCalled();
    expect(page.navigations).toEqual([]);
    expect(activeRoomLink()).toBeNull();
  });
});
