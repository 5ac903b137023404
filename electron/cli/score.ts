import { basename } from 'node:path';
import { z } from 'zod';
import { formatRubricError } from '../../shared/rubric/parse';
import type { Rubric } from '../../shared/rubric/schema';
import { scoreBoard } from '../../shared/rules';
import { userRubricsDir } from '../paths';
import { builtinRubricsDir } from '../rubrics/builtinDir';
import { loadBuiltinRubric, loadRubricFile, loadRubrics, RUBRIC_FILE } from '../rubrics/loadRubrics';
import { CliError, EXIT, EXIT_CODES_HELP, parseCommand } from './args';
import { formatScore } from './formatScore';
import { readBoardFile } from './readBoardFile';

export const SCORE_HELP = `usage: archdrill score BOARD [--rubric ID|FILE] [--json]

Scores a board file (*.archdrill.json), or a PNG/SVG exported by Archdrill
(which carries its board), against a rubric and explains every rule.

  BOARD            the board file (or exported PNG/SVG) to score
  --rubric ID|FILE a rubric id (built-in or from the user folder) or a rubric file (.yaml/.json);
                   default: the board's question
  --json           print the full result as JSON (rules, evidence, condition trees, step scores)
  --help           this text

${EXIT_CODES_HELP}
`;

const argsSchema = z.object({
  help: z.boolean().default(false),
  json: z.boolean().default(false),
  rubric: z.string().min(1, 'needs a rubric id or file').optional(),
  positionals: z.array(z.string()).max(1, 'takes one board file'),
});

/** A rubric named by file (has a rubric extension or a path separator) or by id. */
export const resolveRubric = async (ref: string): Promise<Rubric> => {
  if (RUBRIC_FILE.test(ref) || /[\\/]/.test(ref)) {
    const result = await loadRubricFile(ref, basename(ref));
    if (result.ok) return result.rubric;
    const [first, ...rest] = result.errors;
    const more = rest.length > 0 ? ` (+${rest.length} more; run archdrill check-rubric ${ref})` : '';
    throw new CliError(`invalid rubric: ${first ? formatRubricError(first) : ref}${more}`);
  }
  const builtin = await loadBuiltinRubric(builtinRubricsDir(), ref);
  if (builtin) return builtin;
  const { rubrics } = await loadRubrics({ builtin: builtinRubricsDir(), user: userRubricsDir() });
  const found = rubrics.find((r) => r.rubric.id === ref);
  if (!found) throw new CliError(`unknown rubric "${ref}" (available: ${rubrics.map((r) => r.rubric.id).join(', ') || 'none'})`);
  return found.rubric;
};

/** `archdrill score`: prints the scorecard (or JSON) and returns 0; bad input throws a CliError. */
export const runScore = async (argv: readonly string[]): Promise<number> => {
  const args = parseCommand(
    'score',
    argv,
    { help: { type: 'boolean' }, json: { type: 'boolean' }, rubric: { type: 'string' } },
    argsSchema,
  );
  if (args.help) {
    process.stdout.write(SCORE_HELP);
    return EXIT.ok;
  }
  const path = args.positionals[0];
  if (!path) throw new CliError('missing BOARD (see archdrill score --help)');
  const board = await readBoardFile(path);
  const ref = args.rubric ?? board.question;
  if (!ref) throw new CliError(`${basename(path)}: the board names no question; pass --rubric ID|FILE`);
  const rubric = await resolveRubric(ref);
  const result = scoreBoard(board, rubric);
  process.stdout.write(
    args.json
      ? `${JSON.stringify({ board: path, rubric: { id: rubric.id, title: rubric.title }, ...result }, null, 2)}\n`
      : formatScore(result, rubric, basename(path)),
  );
  return EXIT.ok;
};
