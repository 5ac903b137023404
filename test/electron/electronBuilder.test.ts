import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  fileAssociations: Record<string, string>[];
  linux: { target: string[]; category: string };
  icon: string;
};

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    // Packaging needs the Electron binary, which cannot be downloaded here; the schema is the next best check.
    const schema = JSON.parse(readFileSync(resolve(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a mistake', () => {
    const schema = JSON.parse(readFileSync(resolve(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });

  it('flips the fuses that close Node escape hatches and pin the app to its ASAR', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('names the app, associates board files and builds the installers', () => {
    expect(config).toMatchObject({ appId: 'dev.archdrill.app', productName: 'Archdrill', asar: true });
    expect(config.fileAssociations).toContainEqual(
      expect.objectContaining({ ext: 'archdrill.json', name: 'Archdrill board', role: 'Editor' }),
    );
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Education' });
    expect(config).toMatchObject({ mac: { target: 'dmg' }, win: { target: 'nsis' } });
    expect(existsSync(resolve(root, config.icon))).toBe(true);
  });

  it('packs the entry point package.json names', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist-electron/**', 'dist/renderer/**', 'rubrics/**', 'package.json']));
  });
});
