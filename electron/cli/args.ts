import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';

/**
 * A failure the user can fix (bad flag, missing file, invalid rubric). The
 * dispatcher prints its message as one line on stderr, never a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes, documented in every --help. */
export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

export const EXIT_CODES_HELP = `Exit codes: 0 success · 1 internal error (a bug: please report it) · 2 bad input (unknown flag, unreadable or invalid file, unknown rubric).`;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Node's parseArgs messages are long and mention `--`; ours name the flag and the help. */
const explainParseError = (err: unknown, command: string): string => {
  const e = err as { code?: string; message?: string };
  const flag = /'(-{1,2}[^']+)'/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag ?? ''} (see archdrill ${command} --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `option ${flag ?? ''} ${/argument missing/.test(e.message ?? '') ? 'needs a value' : 'takes no value'} (see archdrill ${command} --help)`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument (see archdrill ${command} --help)`;
    default:
      return `${(e.message ?? String(err)).split('\n')[0]} (see archdrill ${command} --help)`;
  }
};

/**
 * Parses a command's argv with node:util parseArgs (strict: unknown flags are
 * errors), then validates flags and positionals with a zod schema.
 */
export const parseCommand = <S extends z.ZodType>(
  command: string,
  argv: readonly string[],
  options: Options,
  schema: S,
): z.output<S> => {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new CliError(explainParseError(err, command));
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path[0] === 'positionals' ? '' : issue?.path.length ? `--${String(issue.path[0])}: ` : '';
    throw new CliError(`${where}${issue?.message ?? 'invalid arguments'} (see archdrill ${command} --help)`);
  }
  return result.data;
};
