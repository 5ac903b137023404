import { indexedDbHistory } from './indexedDbHistory';
import { persistWithIndexedDb } from './indexedDbPersistence';
import type { OpenedFile, Platform, SavedFile, SaveRequest } from './types';

/** Asks for a file with a hidden <input type=file>; resolves null if the user cancels. */
const pickFile = (accept: readonly string[]): Promise<File | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });

const download = (name: string, blob: Blob): void => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const RUBRICS_KEY = 'archdrill.userRubrics';

/** Imported rubric files, as stored; anything malformed is ignored rather than crashing the picker. */
const storedRubrics = (): { file: string; text: string }[] => {
  try {
    const raw = JSON.parse(localStorage.getItem(RUBRICS_KEY) ?? '[]') as unknown;
    return Array.isArray(raw)
      ? raw.filter((r): r is { file: string; text: string } => typeof r?.file === 'string' && typeof r?.text === 'string')
      : [];
  } catch {
    return [];
  }
};

/** The Platform of the plain-browser build: downloads, file inputs, IndexedDB. */
export const browserPlatform: Platform = {
  kind: 'browser',
  async openFile({ extensions }): Promise<OpenedFile | null> {
    const file = await pickFile(extensions);
    if (!file) return null;
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  },
  async saveFile(req: SaveRequest): Promise<SavedFile | null> {
    const blob = new Blob([typeof req.data === 'string' ? req.data : new Uint8Array(req.data)], { type: req.mime });
    download(req.suggestedName, blob);
    return { name: req.suggestedName };
  },
  persist: persistWithIndexedDb,
  history: indexedDbHistory,
  setTitle(fileName, dirty) {
    document.title = `${dirty ? '• ' : ''}${fileName ?? 'Untitled'} — Archdrill`;
  },
  onMenuCommand: () => () => {},
  onOpenFile: () => () => {},
  async userRubrics() {
    return { folder: null, files: storedRubrics() };
  },
  async importUserRubric({ name, text }) {
    const others = storedRubrics().filter((r) => r.file !== name);
    localStorage.setItem(RUBRICS_KEY, JSON.stringify([...others, { file: name, text }]));
  },
  async copyImage(png) {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  },
};
