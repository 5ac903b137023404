import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNodes } from '../../shared/board/doc';
import type { AttemptRecord } from '../../shared/interview/history';
import { recordTimeline, timelineToJson } from '../../shared/interview/timeline';
import { launchShell } from './setup/launchShell';

const record = (id: string, endedAt: number, percent = 60): AttemptRecord => ({
  id,
  question: 'url-shortener',
  title: 'URL shortener',
  startedAt: endedAt - 60_000,
  endedAt,
  durationSec: 60,
  percent,
  band: 'acceptable',
  perStep: [{ step: 'understand', plannedSec: 300, spentSec: 60, score: 50 }],
  boardFile: '{"format":"archdrill.board","version":1,"nodes":[],"edges":[]}',
  missed: ['cache-on-read-path'],
});

const replayText = (attemptId: string) => {
  const doc = new Y.Doc();
  const rec = recordTimeline(doc, { attemptId, now: () => 1000, windowMs: 0 });
  addNodes(doc, [{ id: 'lb', kind: 'load_balancer', position: { x: 0, y: 0 } }], 'me');
  rec.stop();
  return JSON.stringify(timelineToJson(rec.timeline()));
};

const ok = (value: unknown) => ({ ok: true, value });

describe('the desktop attempt history: files in the data directory, over the IPC contract', () => {
  it('keeps attempts and their replays as files, newest first, and forgets both on delete', async () => {
    const { invoke, home } = await launchShell();
    const dir = join(home, 'userData', 'history');
    expect(await invoke('historyList', [])).toEqual(ok([]));
    expect(await invoke('historyPut', [record('a1', 1000)])).toEqual(ok(undefined));
    expect(await invoke('historyPut', [record('a2', 2000, 80)])).toEqual(ok(undefined));
    const replay = replayText('a2');
    expect(await invoke('replayPut', ['a2', replay])).toEqual(ok(undefined));

    const listed = (await invoke('historyList', [])) as { value: AttemptRecord[] };
    expect(listed.value.map((a) => [a.id, a.percent, a.missed])).toEqual([
      ['a2', 80, ['cache-on-read-path']],
      ['a1', 60, ['cache-on-read-path']],
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'attempts.json'), 'utf8'))).toMatchObject({ format: 'archdrill.history' });
    expect(await invoke('replayGet', ['a2'])).toEqual(ok(replay));
    expect(await invoke('replayGet', ['a1'])).toEqual(ok(null));
    // Written atomically: no temp files are left beside them.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    expect(await invoke('historyDelete', ['a2'])).toEqual(ok(undefined));
    expect(((await invoke('historyList', [])) as { value: AttemptRecord[] }).value.map((a) => a.id)).toEqual(['a1']);
    expect(existsSync(join(dir, 'replays', 'a2.json'))).toBe(false);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const { invoke, home } = await launchShell();
    await invoke('historyPut', [record('a1', 1000)]);
    const before = readFileSync(join(home, 'userData', 'history', 'attempts.json'), 'utf8');

    const outside = await invoke('replayPut', ['../../evil', replayText('x')]);
    expect(outside).toMatchObject({ ok: false, error: expect.stringMatching(/attempt id/) });
    const badRecord = await invoke('historyPut', [{ ...record('a3', 3000), percent: 140 }]);
    expect(badRecord).toMatchObject({ ok: false, error: expect.stringMatching(/percent/) });
    const damaged = await invoke('replayPut', ['a1', '{"format":"archdrill.timeline","version":1}']);
    expect(damaged).toMatchObject({ ok: false, error: expect.stringMatching(/replay data is not valid/) });
    const foreign = await invoke('replayPut', ['a1', replayText('someone-else')]);
    expect(foreign).toMatchObject({ ok: false, error: expect.stringMatching(/another attempt/) });

    expect(readFileSync(join(home, 'userData', 'history', 'attempts.json'), 'utf8')).toBe(before);
    expect(existsSync(join(home, 'userData', 'history', 'replays', 'a1.json'))).toBe(false);
    expect(existsSync(join(home, 'evil.json'))).toBe(false);
  });

  it('reads a corrupt history as empty instead of failing, and the next save replaces it', async () => {
    const { invoke, home } = await launchShell();
    const dir = join(home, 'userData', 'history');
    await mkdir(dir, { recursive: true });
    writeFileSync(join(dir, 'attempts.json'), '{ not json');
    expect(await invoke('historyList', [])).toEqual(ok([]));
    await invoke('historyPut', [record('a1', 1000)]);
    expect(((await invoke('historyList', [])) as { value: AttemptRecord[] }).value.map((a) => a.id)).toEqual(['a1']);
  });

  it('keeps every one of many quick saves (they run one at a time)', async () => {
    const { invoke } = await launchShell();
    await Promise.all(Array.from({ length: 12 }, (_, i) => invoke('historyPut', [record(`q${i}`, 1000 + i)])));
    const listed = (await invoke('historyList', [])) as { value: AttemptRecord[] };
    expect(listed.value).toHaveLength(12);
  });
});
