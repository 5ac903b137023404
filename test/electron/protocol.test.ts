import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppRequestHandler, isAppUrl, resolveAppPath } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { tempDir } from './setup/launchShell';

const site = () => {
  const home = tempDir();
  const root = join(home, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Archdrill</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(home, 'secret.txt'), 'outside the renderer');
  return { home, root };
};

describe('the app:// protocol', () => {
  it('serves the renderer’s files with their type and the CSP', async () => {
    const { root } = site();
    const handle = createAppRequestHandler(root);
    const index = await handle(new Request('app://archdrill/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>Archdrill</title>');
    const script = await handle(new Request('app://archdrill/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the renderer folder', async () => {
    const { root } = site();
    const handle = createAppRequestHandler(root);
    for (const url of [
      'app://archdrill/../secret.txt',
      'app://archdrill/%2e%2e/secret.txt',
      'app://archdrill/assets/..%2F..%2Fsecret.txt',
      'app://archdrill/..%5csecret.txt',
      'app://archdrill/%00index.html',
      'app://other-host/index.html',
      'app://archdrill/missing.js',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    expect(resolveAppPath(root, 'app://archdrill/assets/..%2F..%2Fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
  });

  it('answers only reads', async () => {
    const { root } = site();
    const response = await createAppRequestHandler(root)(
      new Request('app://archdrill/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });

  it('recognises only its own origin as the app', () => {
    expect(isAppUrl('app://archdrill/index.html')).toBe(true);
    expect(isAppUrl('app://archdrill.evil/index.html')).toBe(false);
    expect(isAppUrl('https://archdrill/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
