import { CliError, EXIT, EXIT_CODES_HELP } from './args';
import { runCheckRubric } from './checkRubric';
import { runRubrics } from './rubrics';
import { runScore } from './score';

const HELP = `usage: archdrill <command> [options]

Practise system-design interviews from the terminal.

Commands:
  score BOARD [--rubric ID|FILE] [--json]   score a board file (or exported PNG/SVG) against a rubric
  export BOARD [--format png|svg|html|md]   draw a board as a picture or a report (see export --help)
  rubrics [--json]                          list the built-in and user rubrics
  check-rubric FILE                         validate a rubric file
  serve [--host H] [--port P] [--data DIR]  run the pair-practice sync server

Run archdrill <command> --help for a command's options.
${EXIT_CODES_HELP}
`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  score: runScore,
  rubrics: runRubrics,
  'check-rubric': runCheckRubric,
  // Loaded on demand: the rasteriser is a native module that scoring never needs.
  export: async (argv) => (await import('./export')).runExport(argv),
  // Loaded on demand: the sync server pulls in ws and leveldb, which scoring never needs.
  serve: async (argv) => (await import('./serve')).runServe(argv),
};

/**
 * Dispatches `archdrill <command>`. Returns the exit code; user errors are
 * one line on stderr (no stack trace), anything else is an internal error (1).
 */
export const main = async (argv: readonly string[]): Promise<number> => {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) throw new CliError(`missing command (${Object.keys(COMMANDS).join(', ')}); see archdrill --help`);
    if (name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command)
      throw new CliError(
        name.startsWith('-')
          ? `unknown option ${name} (see archdrill --help)`
          : `unknown command "${name}" (see archdrill --help)`,
      );
    return await command(rest);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`archdrill: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`archdrill: internal error: ${message.split('\n')[0]}\n`);
    return EXIT.internal;
  }
};
