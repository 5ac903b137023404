import { describe, expect, it, vi } from 'vitest';
import { createElectronPlatform } from '../../renderer/src/platform/electronPlatform';
import type { ArchdrillApi, EventPayload } from '../../shared/ipc/api';

type OpenedFile = EventPayload<'openFile'>;

/** The preload API as the renderer sees it, with every function recorded. */
const fakeApi = (pending: OpenedFile[] = []) => {
  let deliver: (file: OpenedFile) => void = () => undefined;
  const api = {
    openFileDialog: vi.fn(async () => null),
    saveFile: vi.fn(async ({ path }: { path: string }) => ({ name: 'a.archdrill.json', path })),
    saveFileAs: vi.fn(async () => null),
    recentFiles: vi.fn(async () => []),
    setTitle: vi.fn(async () => undefined),
    copyImage: vi.fn(async () => undefined),
    printToPdf: vi.fn(async () => null),
    openExternal: vi.fn(async () => undefined),
    hostStart: vi.fn(),
    hostStop: vi.fn(async () => undefined),
    userRubrics: vi.fn(async () => []),
    takePendingOpenFiles: vi.fn(async () => pending),
    onMenuCommand: vi.fn(() => () => undefined),
    onOpenFile: vi.fn((listener: (file: OpenedFile) => void) => {
      deliver = listener;
      return () => undefined;
    }),
  };
  return { api, typed: api as unknown as ArchdrillApi, send: (file: OpenedFile) => deliver(file) };
};

const file = (name: string): OpenedFile => ({ name, path: `/boards/${name}`, bytes: new Uint8Array([123, 125]) });

describe('the desktop Platform over window.archdrill', () => {
  it('saves in place when the file has a path, and through the dialog otherwise', async () => {
    const { api, typed } = fakeApi();
    const platform = createElectronPlatform(typed);
    await platform.saveFile({
      suggestedName: 'a.archdrill.json',
      data: '{}',
      mime: 'application/json',
      path: '/boards/a.archdrill.json',
    });
    expect(api.saveFile).toHaveBeenCalledWith({ path: '/boards/a.archdrill.json', data: '{}', mime: 'application/json' });
    await platform.saveFile({ suggestedName: 'b.archdrill.json', data: '{}', mime: 'application/json' });
    await platform.saveFile({
      suggestedName: 'c.archdrill.json',
      data: '{}',
      mime: 'application/json',
      path: '/x',
      saveAs: true,
    });
    expect(api.saveFileAs.mock.calls.map((c) => (c as unknown as [{ suggestedName: string }])[0].suggestedName)).toEqual([
      'b.archdrill.json',
      'c.archdrill.json',
    ]);
  });

  it('keeps files the OS handed over until a listener takes them, across a StrictMode re-subscribe', async () => {
    const { typed, send } = fakeApi([file('argv.archdrill.json')]);
    const platform = createElectronPlatform(typed);
    const first = vi.fn();
    const unsubscribe = platform.onOpenFile(first);
    unsubscribe();
    const second = vi.fn();
    platform.onOpenFile(second);
    await vi.waitFor(() => expect(second).toHaveBeenCalledWith(file('argv.archdrill.json')));
    expect(first).not.toHaveBeenCalled();
    send(file('later.archdrill.json'));
    expect(second).toHaveBeenLastCalledWith(file('later.archdrill.json'));
  });

  it('asks main for waiting files once, however many listeners subscribe', () => {
    const { api, typed } = fakeApi();
    const platform = createElectronPlatform(typed);
    platform.onOpenFile(vi.fn());
    platform.onOpenFile(vi.fn());
    expect(api.takePendingOpenFiles).toHaveBeenCalledTimes(1);
    expect(api.onOpenFile).toHaveBeenCalledTimes(1);
  });

  it('copies a PNG blob as bytes, reports the title and prints the report through main', async () => {
    const { api, typed } = fakeApi();
    const platform = createElectronPlatform(typed);
    await platform.copyImage(new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }));
    expect(api.copyImage).toHaveBeenCalledWith(new Uint8Array([0x89, 0x50]));
    platform.setTitle('a.archdrill.json', true);
    expect(api.setTitle).toHaveBeenCalledWith('a.archdrill.json', true);
    api.printToPdf.mockResolvedValueOnce({ name: 'report.pdf', path: '/boards/report.pdf' } as never);
    await expect(platform.printToPdf!('<h1>Report</h1>', 'report.pdf')).resolves.toEqual({
      name: 'report.pdf',
      path: '/boards/report.pdf',
    });
    expect(api.printToPdf).toHaveBeenCalledWith('<h1>Report</h1>', 'report.pdf');
  });
});
