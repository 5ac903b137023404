import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appDataDir, userRubricsDir } from '../../electron/paths';
import { builtinRubricsDir } from '../../electron/rubrics/builtinDir';
import { loadBuiltinRubric, loadRubrics } from '../../electron/rubrics/loadRubrics';

const fixture = (name: string) => new URL(`../fixtures/rubrics/${name}`, import.meta.url);
/** The question bank: one file per question in rubrics/, named after its id. */
const builtinIds = readdirSync(new URL('../../rubrics/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'archdrill-rubrics-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadRubrics', () => {
  it('loads the built-ins and the user folder; a broken file is reported and the others still load', async () => {
    const user = tempDir();
    copyFileSync(fixture('minimal.json'), join(user, 'minimal.json'));
    copyFileSync(fixture('bad-step.yaml'), join(user, 'bad-step.yaml'));
    writeFileSync(join(user, 'notes.txt'), 'not a rubric, ignored');
    const { rubrics, problems } = await loadRubrics({ builtin: builtinRubricsDir(), user });
    // Built-ins first, by id, then the user's.
    expect(builtinIds.length).toBeGreaterThanOrEqual(13);
    expect(rubrics.map((r) => [r.rubric.id, r.source])).toEqual([
      ...builtinIds.map((id) => [id, 'builtin']),
      ['minimal', 'user'],
    ]);
    expect(problems).toEqual([
      {
        file: join(user, 'bad-step.yaml'),
        source: 'user',
        messages: [expect.stringMatching(/^bad-step\.yaml: rule "queue": step: /)],
      },
    ]);
  });

  it('refuses a user rubric that reuses a built-in id', async () => {
    const user = tempDir();
    copyFileSync(new URL('../../rubrics/chat.yaml', import.meta.url), join(user, 'my-chat.yaml'));
    const { rubrics, problems } = await loadRubrics({ builtin: builtinRubricsDir(), user });
    expect(rubrics.filter((r) => r.rubric.id === 'chat').map((r) => r.source)).toEqual(['builtin']);
    expect(problems[0]?.messages[0]).toMatch(/^my-chat\.yaml: id: "chat" is already used by /);
  });

  it('treats a missing user folder as empty', async () => {
    const { rubrics, problems } = await loadRubrics({ builtin: builtinRubricsDir(), user: join(tempDir(), 'nope') });
    expect(rubrics.map((r) => r.rubric.id)).toEqual(builtinIds);
    expect(problems).toEqual([]);
  });
});

describe('app data paths', () => {
  const home = '/home/ada';
  it.each([
    ['linux', {}, '/home/ada/.config/Archdrill/rubrics'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/Archdrill/rubrics'],
    ['darwin', {}, '/home/ada/Library/Application Support/Archdrill/rubrics'],
    ['linux', { ARCHDRILL_DATA_DIR: '/data' }, '/data/rubrics'],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    expect(userRubricsDir({ platform, env, home })).toBe(expected);
  });

  it('uses %APPDATA% on Windows', () => {
    expect(appDataDir({ platform: 'win32', env: { APPDATA: 'C:/Users/ada/AppData/Roaming' }, home })).toMatch(
      /^C:\/Users\/ada\/AppData\/Roaming[\\/]Archdrill$/,
    );
  });
});

describe('loadBuiltinRubric', () => {
  it('reads each built-in from its own file, equal to what the whole bank gives; anything else is left to loadRubrics', async () => {
    const { rubrics } = await loadRubrics({ builtin: builtinRubricsDir() });
    for (const { rubric } of rubrics) expect(await loadBuiltinRubric(builtinRubricsDir(), rubric.id)).toEqual(rubric);
    for (const id of ['no-such-question', '../rubrics/chat', 'Chat'])
      expect(await loadBuiltinRubric(builtinRubricsDir(), id)).toBeNull();
  });
});
