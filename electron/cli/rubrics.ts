import { z } from 'zod';
import { userRubricsDir } from '../paths';
import { builtinRubricsDir } from '../rubrics/builtinDir';
import { type LoadedRubric, loadRubrics } from '../rubrics/loadRubrics';
import { EXIT, EXIT_CODES_HELP, parseCommand } from './args';

export const RUBRICS_HELP = `usage: archdrill rubrics [--json]

Lists the built-in rubrics and the user's own (YAML or JSON files in the user
rubric folder: $ARCHDRILL_DATA_DIR/rubrics, or the app-data folder of the OS).
Files that fail to load are listed with the rule and field at fault.

  --json   print the list as JSON
  --help   this text

${EXIT_CODES_HELP}
`;

const argsSchema = z.object({
  help: z.boolean().default(false),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).max(0, 'takes no arguments'),
});

const row = (r: LoadedRubric): string => `  ${r.rubric.id.padEnd(20)} ${r.rubric.title} (${r.rubric.rules.length} rules)`;

/** `archdrill rubrics`: lists rubrics and load problems; exits 0 even when some user files are broken. */
export const runRubrics = async (argv: readonly string[]): Promise<number> => {
  const args = parseCommand('rubrics', argv, { help: { type: 'boolean' }, json: { type: 'boolean' } }, argsSchema);
  if (args.help) {
    process.stdout.write(RUBRICS_HELP);
    return EXIT.ok;
  }
  const dirs = { builtin: builtinRubricsDir(), user: userRubricsDir() };
  const { rubrics, problems } = await loadRubrics(dirs);
  if (args.json) {
    const list = rubrics.map((r) => ({
      id: r.rubric.id,
      title: r.rubric.title,
      source: r.source,
      file: r.file,
      rules: r.rubric.rules.length,
    }));
    process.stdout.write(`${JSON.stringify({ folders: dirs, rubrics: list, problems }, null, 2)}\n`);
    return EXIT.ok;
  }
  const builtin = rubrics.filter((r) => r.source === 'builtin');
  const user = rubrics.filter((r) => r.source === 'user');
  const lines = [`Built-in rubrics (${dirs.builtin}):`, ...builtin.map(row), '', `User rubrics (${dirs.user}):`];
  lines.push(...(user.length > 0 ? user.map(row) : ['  (none: drop .yaml or .json rubric files into this folder)']));
  if (problems.length > 0) lines.push('', 'Not loaded:', ...problems.flatMap((p) => p.messages.map((m) => `  ${m}`)));
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
};
