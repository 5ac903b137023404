import { basename } from 'node:path';
import { z } from 'zod';
import { formatRubricError } from '../../shared/rubric/parse';
import { loadRubricFile } from '../rubrics/loadRubrics';
import { CliError, EXIT, EXIT_CODES_HELP, parseCommand } from './args';

export const CHECK_RUBRIC_HELP = `usage: archdrill check-rubric FILE

Validates a rubric file (YAML or JSON). On success prints a summary; otherwise
prints one line per problem on stderr, each naming the file, the rule and the field:
  chat.yaml: rule "ws-servers": check.type: unknown check type "foo"

  --help   this text

${EXIT_CODES_HELP}
`;

const argsSchema = z.object({
  help: z.boolean().default(false),
  positionals: z.array(z.string()).max(1, 'takes one rubric file'),
});

/** `archdrill check-rubric FILE`: 0 when valid, 2 with every problem listed when not. */
export const runCheckRubric = async (argv: readonly string[]): Promise<number> => {
  const args = parseCommand('check-rubric', argv, { help: { type: 'boolean' } }, argsSchema);
  if (args.help) {
    process.stdout.write(CHECK_RUBRIC_HELP);
    return EXIT.ok;
  }
  const path = args.positionals[0];
  if (!path) throw new CliError('missing FILE (see archdrill check-rubric --help)');
  const result = await loadRubricFile(path, basename(path));
  if (!result.ok) {
    process.stderr.write(`${result.errors.map(formatRubricError).join('\n')}\n`);
    return EXIT.badInput;
  }
  const { rubric } = result;
  const weight = rubric.rules.reduce((sum, r) => sum + r.weight, 0);
  const steps = new Set(rubric.rules.map((r) => r.step)).size;
  process.stdout.write(
    `${basename(path)}: ok — "${rubric.id}" (${rubric.title}): ${rubric.rules.length} rules over ${steps} steps, total weight ${weight}, ${rubric.estimates.length} estimates\n`,
  );
  return EXIT.ok;
};
