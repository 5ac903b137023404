import { ATTEMPTS_FILE_EXTENSION, ATTEMPTS_FILE_FORMAT } from '@shared/interview/attemptFile';
import type { AttemptRecord } from '@shared/interview/history';
import { useMemo } from 'react';
import { useBoardSession } from '../board/context';
import type { OpenedFile } from '../platform/types';
import { toast } from '../ui/toasts';
import { useHistoryService } from './historyStore';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Whether a file opened or dropped on the app is an attempts file (by its
 * name, or by its first bytes: a browser may save a report's link as plain
 * `.json`), so it is imported into History instead of read as a board.
 */
export const isAttemptsFile = (file: OpenedFile): boolean =>
  file.name.toLowerCase().endsWith(ATTEMPTS_FILE_EXTENSION) ||
  new TextDecoder().decode(file.bytes.subarray(0, 64)).replace(/\s/g, '').startsWith(`{"format":"${ATTEMPTS_FILE_FORMAT}"`);

/** The attempt to show after an import: the one attempt of the file, when it came with its replay. */
export const replayToOpen = (imported: readonly AttemptRecord[]): AttemptRecord | null =>
  imported.length === 1 && imported[0]!.replay ? imported[0]! : null;

/** Export attempts (with their replays) to one file, and import such a file back, through the Platform. */
export function useAttemptFiles() {
  const { platform } = useBoardSession();
  const history = useHistoryService();
  return useMemo(() => {
    /** Imports a file; resolves to the attempts added (none when it was not valid: the message says why). */
    const importOpened = async (file: OpenedFile): Promise<AttemptRecord[]> => {
      try {
        const added = await history.importFile(new TextDecoder().decode(file.bytes));
        toast.info(`Imported ${added.length} attempt${added.length === 1 ? '' : 's'} from ${file.name}`);
        return added;
      } catch (err) {
        toast.error(`Could not import ${file.name}: ${message(err)} Your history was not changed.`);
        return [];
      }
    };
    return {
      async exportAttempts(ids: readonly string[], name: string) {
        try {
          const text = await history.exportFile(ids);
          const day = new Date().toISOString().slice(0, 10);
          const saved = await platform.saveFile({
            suggestedName: `${name}-${day}${ATTEMPTS_FILE_EXTENSION}`,
            data: text,
            mime: 'application/json',
            saveAs: true,
          });
          if (saved) toast.info(`Exported ${ids.length} attempt${ids.length === 1 ? '' : 's'} to ${saved.name}`);
        } catch (err) {
          toast.error(`Could not export the attempts: ${message(err)}`);
        }
      },
      importOpened,
      /** Asks for a file and imports it; resolves to the attempts added. */
      async importAttempts(): Promise<AttemptRecord[]> {
        const file = await platform
          .openFile({ title: 'Import attempts', extensions: [ATTEMPTS_FILE_EXTENSION, '.json'] })
          .catch((err: unknown) => {
            toast.error(`Could not open the file: ${message(err)}`);
            return null;
          });
        return file ? importOpened(file) : [];
      },
    };
  }, [platform, history]);
}
