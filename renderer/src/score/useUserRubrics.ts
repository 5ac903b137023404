import { formatRubricError, parseRubric } from '@shared/rubric/parse';
import type { Rubric } from '@shared/rubric/schema';
import { useCallback, useEffect, useState } from 'react';
import type { Platform } from '../platform/types';

export interface UserRubricsState {
  readonly rubrics: readonly Rubric[];
  /** One line per file that did not load, naming file, rule and field. */
  readonly problems: readonly string[];
  readonly folder: string | null;
}

const EMPTY: UserRubricsState = { rubrics: [], problems: [], folder: null };

/**
 * The user's own rubrics, loaded through the Platform and validated here with
 * the shared schema (files and IPC are boundaries). `reload` picks up files
 * dropped into the folder since, without a rebuild or restart.
 */
export function useUserRubrics(platform: Platform) {
  const [state, setState] = useState<UserRubricsState>(EMPTY);
  const reload = useCallback(async () => {
    try {
      const { folder, files } = await platform.userRubrics();
      const rubrics: Rubric[] = [];
      const problems: string[] = [];
      for (const f of files) {
        if (f.error !== undefined || f.text === undefined) {
          problems.push(`${f.file}: ${f.error ?? 'could not be read'}`);
          continue;
        }
        const parsed = parseRubric(f.text, f.file);
        if (parsed.ok) rubrics.push(parsed.rubric);
        else problems.push(...parsed.errors.map(formatRubricError));
      }
      setState({ rubrics, problems, folder });
    } catch (err) {
      setState({ ...EMPTY, problems: [`Your rubrics could not be listed: ${err instanceof Error ? err.message : String(err)}`] });
    }
  }, [platform]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
