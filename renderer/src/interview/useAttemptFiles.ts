import { ATTEMPTS_FILE_EXTENSION } from '@shared/interview/attemptFile';
import { useMemo } from 'react';
import { useBoardSession } from '../board/context';
import { toast } from '../ui/toasts';
import { useHistoryService } from './historyStore';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Export attempts (with their replays) to one file, and import such a file back, through the Platform. */
export function useAttemptFiles() {
  const { platform } = useBoardSession();
  const history = useHistoryService();
  return useMemo(
    () => ({
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
      async importAttempts() {
        try {
          const file = await platform.openFile({ title: 'Import attempts', extensions: [ATTEMPTS_FILE_EXTENSION, '.json'] });
          if (!file) return;
          const n = await history.importFile(new TextDecoder().decode(file.bytes));
          toast.info(`Imported ${n} attempt${n === 1 ? '' : 's'} from ${file.name}`);
        } catch (err) {
          toast.error(message(err));
        }
      },
    }),
    [platform, history],
  );
}
