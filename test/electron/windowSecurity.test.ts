import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { app, FakeEvent, type FakeSession, protocol, session, shell } from './setup/fakeElectron';
import { launchShell, tempDir } from './setup/launchShell';

const REPO = resolve(import.meta.dirname, '../..');

/** A CSP as directive → sources, so two policies compare regardless of order and spacing. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources.sort().join(' ')]),
  );

/** What the app:// handler the last launched shell registered answers for `url` (the page its window loaded). */
async function appResponse(url?: string) {
  const loaded = url ?? (await launchShell()).contents.mainFrame.url;
  const handler = protocol.handle.mock.calls.find(([scheme]) => scheme === 'app')![1] as (r: Request) => Promise<Response>;
  return handler(new Request(loaded));
}

type Callback = (...args: unknown[]) => void;

describe('the main window follows Electron’s security checklist', () => {
  it('isolates and sandboxes the page, with Node off and web security on', async () => {
    const { win } = await launchShell();
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/app/dist-electron/preload.cjs',
    });
  });

  it('has no developer tools when packaged', async () => {
    expect((await launchShell({ isDev: false })).win.options.webPreferences!.devTools).toBe(false);
  });

  it('has developer tools in development', async () => {
    expect((await launchShell({ isDev: true })).win.options.webPreferences!.devTools).toBe(true);
  });

  it('loads the app from the privileged app:// scheme, registered before ready, not from file://', async () => {
    let registeredBeforeReady = false;
    const { contents } = await launchShell({
      beforeReady: () => {
        registeredBeforeReady = protocol.registerSchemesAsPrivileged.mock.calls.length === 1;
      },
    });
    expect(registeredBeforeReady).toBe(true);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(new URL(contents.mainFrame.url).protocol).toBe('app:');
    // …and the page the window loaded is the renderer's index.html, served by the handler registered for app://.
    const page = await appResponse(contents.mainFrame.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Archdrill</title>');
  });

  it('puts the strict CSP on every response, replacing any policy the response brought', async () => {
    const { contents } = await launchShell();
    const listener = session.defaultSession.webRequest.headersReceived as unknown as (d: unknown, cb: Callback) => void;
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    listener(
      { responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'x-extra': ['kept'] } },
      (r) => {
        result = r as typeof result;
      },
    );
    const { 'Content-Security-Policy': policies, ...rest } = result!.responseHeaders;
    expect(rest).toEqual({ 'x-extra': ['kept'] });
    expect(policies).toHaveLength(1);
    const policy = directives(policies![0]!);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    // The page's own files carry the same policy as every other response.
    expect((await appResponse(contents.mainFrame.url)).headers.get('content-security-policy')).toBe(policies![0]);
  });

  it('builds the page with the header’s policy as its first meta tag, less frame-ancestors', async () => {
    // The real index.html through the real Vite config, with an empty app so the build takes a moment.
    const dir = tempDir();
    copyFileSync(resolve(REPO, 'renderer/index.html'), join(dir, 'index.html'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/main.tsx'), 'document.title = "Archdrill";\n');
    const out = (await build({
      configFile: resolve(REPO, 'vite.config.ts'),
      root: dir,
      logLevel: 'silent',
      build: { write: false, outDir: join(dir, 'out'), emptyOutDir: false },
    })) as Rolldown.RolldownOutput;
    const html = out.output.find((f) => f.fileName === 'index.html');
    if (html?.type !== 'asset') throw new Error('the build produced no index.html');
    const page = String(html.source);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i.exec(page);
    expect(meta, 'the built page has a CSP meta tag').not.toBeNull();
    // Before the app's script, or it would load unchecked.
    expect(page.indexOf(meta![0])).toBeLessThan(page.indexOf('<script'));
    const header = directives((await appResponse()).headers.get('content-security-policy')!);
    const inMeta = directives(meta![1]!);
    // Browsers ignore frame-ancestors in a meta tag; everything else must match what main sends.
    header.delete('frame-ancestors');
    expect(inMeta).toEqual(header);
  });

  it('denies every permission request and check but clipboard writes from the app itself', async () => {
    await launchShell();
    const s: FakeSession = session.defaultSession;
    const request = (permission: string, requestingUrl: string): unknown => {
      let granted: unknown;
      (s.permissionRequestHandler as unknown as (wc: unknown, p: string, cb: Callback, d: object) => void)(
        null,
        permission,
        (g) => {
          granted = g;
        },
        { requestingUrl },
      );
      return granted;
    };
    const check = (permission: string, origin: string): unknown =>
      (s.permissionCheckHandler as unknown as (wc: unknown, p: string, o: string) => boolean)(null, permission, origin);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(request(permission, 'app://archdrill/index.html'), permission).toBe(false);
      expect(check(permission, 'app://archdrill'), permission).toBe(false);
    }
    // The Share dialog's Copy: granted to our pages, and to nothing else.
    expect(request('clipboard-sanitized-write', 'app://archdrill/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://archdrill')).toBe(true);
    for (const other of ['https://evil.example/', 'http://127.0.0.1:7420/', 'app://user:pw@archdrill/', 'app://other/'])
      expect([request('clipboard-sanitized-write', other), check('clipboard-sanitized-write', other)], other).toEqual([
        false,
        false,
      ]);
    expect((s.devicePermissionHandler as unknown as () => boolean)()).toBe(false);
  });

  it('refuses navigation away from the app', async () => {
    const { contents } = await launchShell();
    const home = contents.mainFrame.url;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://archdrill/other.html'])
      expect(contents.navigate(url), url).toBe(false);
    expect(contents.redirect('https://evil.example/')).toBe(false);
    expect(contents.mainFrame.url).toBe(home);
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies window.open, sending only vetted https links to the OS browser', async () => {
    const { contents } = await launchShell();
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://en.wikipedia.org/wiki/Consistent_hashing' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://en.wikipedia.org/wiki/Consistent_hashing');
    for (const url of [
      'http://example.com',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@evil.example',
      'smb://host/x',
    ]) {
      shell.openExternal.mockClear();
      expect(open({ url }), url).toEqual({ action: 'deny' });
      expect(shell.openExternal, url).not.toHaveBeenCalled();
    }
  });

  it('hardens every web contents the app creates, not only the main window', async () => {
    await launchShell();
    const { FakeWebContents } = await import('./setup/fakeElectron');
    const other = new FakeWebContents(session.defaultSession);
    app.emit('web-contents-created', new FakeEvent(), other);
    expect(other.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(other.navigate('https://example.com')).toBe(false);
  });

  it('shows the window only once it has painted', async () => {
    const { win } = await launchShell();
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });
});
