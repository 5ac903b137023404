import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { boardFileFromArgv } from '../../electron/main/openFiles';
import { tempDir } from './setup/launchShell';

const root = resolve(import.meta.dirname, '../..');
type Config = Record<string, unknown> & {
  files: (string | { filter: string[] })[];
  icon: string;
  fileAssociations: { ext: string | string[] }[];
  mac: { extendInfo: { UTExportedTypeDeclarations: { UTTypeTagSpecification: Record<string, string[]> }[] } };
  electronFuses: Record<string, boolean>;
};

/*
 * electron-builder's own loader and validator, resolved through electron-builder
 * (our declared devDependency) so they are the exact code `npm run dist` runs
 * before it needs the Electron binary, which cannot be downloaded here.
 */
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const builderConfig = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** electron-builder's view of a config file in a project whose package.json is ours. */
async function loadAndValidate(yamlText: string): Promise<Config> {
  const dir = tempDir();
  copyFileSync(resolve(root, 'package.json'), join(dir, 'package.json'));
  writeFileSync(join(dir, 'electron-builder.yml'), yamlText);
  const config = await builderConfig.getConfig(dir, join(dir, 'electron-builder.yml'), null);
  await builderConfig.validateConfiguration(config, new DebugLogger(false));
  return config;
}

const source = readFileSync(resolve(root, 'electron-builder.yml'), 'utf8');

/** Whether electron-builder's `files` patterns (globs, later `!` ones excluding) take `path`. */
const packs = (patterns: readonly string[], path: string): boolean => {
  // `**` (with its slash) spans folders, `*` stays within one; everything else is literal.
  const re = (glob: string) =>
    new RegExp(
      `^${glob
        .split(/(\*\*\/?|\*)/)
        .map((part) => (part.startsWith('**') ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('')}$`,
    );
  let taken = false;
  for (const p of patterns) {
    if (p.startsWith('!')) taken &&= !re(p.slice(1)).test(path);
    else taken ||= re(p).test(path);
  }
  return taken;
};

// Compiling electron-builder's schema takes seconds, more on a busy machine.
describe('electron-builder.yml', { timeout: 60_000 }, () => {
  it('passes electron-builder’s own validation, which catches a misspelt option', async () => {
    await expect(loadAndValidate(source)).resolves.toBeDefined();
    const typo = parse(source) as Config;
    typo.electronFuses = { ...typo.electronFuses, runAsNod: false };
    await expect(loadAndValidate(stringify(typo))).rejects.toThrow(/Invalid configuration object/);
  });

  it('packs everything the app loads at run time, and no source maps', async () => {
    const config = await loadAndValidate(source);
    // electron-builder normalises the list into file sets.
    const patterns = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string };
    // electron/main/index.ts: the preload beside main, the renderer and the built-in rubrics beside dist-electron.
    for (const path of [
      pkg.main,
      'dist-electron/preload.cjs',
      'dist-electron/chunks/hostSession-1a2b.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-1a2b.js',
      'rubrics/url-shortener.yaml',
      'package.json',
    ])
      expect(packs(patterns, path), path).toBe(true);
    for (const path of ['dist-electron/main.cjs.map', 'electron/main/app.ts', 'test/electron/electronBuilder.test.ts'])
      expect(packs(patterns, path), path).toBe(false);
    expect(existsSync(resolve(root, config.icon)), config.icon).toBe(true);
  });

  it('associates the files the app opens when the OS hands them over', async () => {
    const config = await loadAndValidate(source);
    expect(config.fileAssociations.length).toBeGreaterThan(0);
    const exts = config.fileAssociations.flatMap(({ ext }) => (Array.isArray(ext) ? ext : [ext]));
    for (const ext of exts)
      expect(boardFileFromArgv(['archdrill', `/home/ana/design.${ext}`], '/'), ext).toBe(`/home/ana/design.${ext}`);
    // Windows and macOS match the last extension only: one association must have no dot inside.
    const singleDot = exts.filter((e) => !e.includes('.'));
    expect(singleDot).toEqual(['archdrill']);
    // macOS: an exported UTI names that extension, so Finder knows the type.
    const utis = config.mac.extendInfo.UTExportedTypeDeclarations;
    expect(utis.flatMap((u) => u.UTTypeTagSpecification['public.filename-extension'])).toEqual(singleDot);
  });

  it('closes Node’s escape hatches and pins the app to its ASAR (electron/README.md, security)', async () => {
    const { electronFuses } = await loadAndValidate(source);
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
