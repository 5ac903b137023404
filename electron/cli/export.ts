import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { embedInSvg } from '../../shared/board/image/embedded';
import type { Board } from '../../shared/board/types';
import { embeddedFor, REPORT_PICTURE, svgDataUrl } from '../../shared/export/picture';
import { ExportError, renderBoardSvg, type SvgOptions } from '../../shared/export/renderSvg';
import { fitScale } from '../../shared/export/scale';
import type { ReportInput } from '../../shared/report';
import type { Rubric } from '../../shared/rubric/schema';
import { scoreBoard } from '../../shared/rules';
import type { ScoreResult } from '../../shared/rules/types';
import { atomicWrite } from '../fs/atomicWrite';
import { CliError, EXIT, EXIT_CODES_HELP, parseCommand } from './args';
import { rasterise } from './rasterise';
import { readBoardFile } from './readBoardFile';
import { resolveRubric } from './score';

export const EXPORT_HELP = `usage: archdrill export BOARD [--format png|svg|html|md] [--scale N] [--theme light|dark]
                        [--background theme|white|transparent] [--padding PX] [--title TEXT]
                        [--no-legend] [--rubric ID|FILE] [--replay FILE] [--out FILE]

Draws a board file (or an exported PNG/SVG, which carries its board) as a picture
or a report, without the app. Pictures carry the board inside, so opening one
in Archdrill reopens the editable board.

  BOARD              the board file (*.archdrill.json) or an exported PNG/SVG
  --format F         png (default, or from --out's extension), svg, html (self-contained
                     report), md (Markdown report plus its PNG beside it)
  --scale N          PNG pixels per board unit, 1 to 3 (default 2)
  --theme T          light (default) or dark
  --background B     theme (the theme's canvas colour, default), white or transparent
  --padding PX       space around the drawing, 0 to 400 (default 32)
  --title TEXT       heading above the drawing (default: the question's title; "" for none)
  --no-legend        leave out the key to the protocols' line styles
  --rubric ID|FILE   the rubric reports score against (default: the board's question)
  --replay FILE      an attempts file (History › Export) the report links, so its reader can
                     watch the interview back: html carries it, md writes it beside the report
  --out FILE         where to write (default: beside BOARD, named after it)
  --help             this text

${EXIT_CODES_HELP}
`;

const FORMATS = ['png', 'svg', 'html', 'md'] as const;
type Format = (typeof FORMATS)[number];

const argsSchema = z.object({
  help: z.boolean().default(false),
  format: z.enum(FORMATS, { error: 'must be png, svg, html or md' }).optional(),
  scale: z.coerce
    .number({ error: 'must be a number from 1 to 3' })
    .min(1, 'must be from 1 to 3')
    .max(3, 'must be from 1 to 3')
    .default(2),
  theme: z.enum(['light', 'dark'], { error: 'must be light or dark' }).default('light'),
  background: z.enum(['theme', 'white', 'transparent'], { error: 'must be theme, white or transparent' }).default('theme'),
  padding: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(400).default(32),
  title: z.string().optional(),
  'no-legend': z.boolean().default(false),
  rubric: z.string().min(1, 'needs a rubric id or file').optional(),
  replay: z.string().min(1, 'needs an attempts file').optional(),
  out: z.string().min(1, 'needs a file name').optional(),
  positionals: z.array(z.string()).max(1, 'takes one board file'),
});

const EXTENSION: Readonly<Record<Format, string>> = { png: '.png', svg: '.svg', html: '-report.html', md: '-report.md' };

/** "design.archdrill.json" → "design"; "design.png" → "design". */
const baseOf = (path: string) => basename(path).replace(/(\.archdrill)?\.(json|png|svg)$/i, '');

const formatOf = (requested: Format | undefined, out: string | undefined): Format => {
  if (requested) return requested;
  const ext = out ? extname(out).slice(1).toLowerCase() : '';
  if (ext === 'markdown') return 'md';
  return (FORMATS as readonly string[]).includes(ext) ? (ext as Format) : 'png';
};

/** The question's rubric: the one asked for (a bad one is an error), else the board's own if it is known. */
const rubricFor = async (board: Board, ref: string | undefined): Promise<Rubric | null> => {
  if (ref) return resolveRubric(ref);
  if (!board.question) return null;
  return resolveRubric(board.question).catch(() => null);
};

/** The attempts file a report links, validated before anything is written. */
const readReplay = async (path: string, format: Format): Promise<string> => {
  if (format !== 'html' && format !== 'md') throw new CliError('--replay: only reports (--format html or md) link a replay');
  const text = await readFile(path, 'utf8').catch(() => {
    throw new CliError(`--replay: ${basename(path)}: no such file`);
  });
  // Loaded on demand, as the reports are: attempts files bring Yjs, which a picture never needs (~50 ms to load).
  const { parseAttemptsFile } = await import('../../shared/interview/attemptFile');
  const parsed = parseAttemptsFile(text);
  if (!parsed.ok) throw new CliError(`--replay: ${basename(path)}: ${parsed.error}`);
  if (!parsed.attempts.some((a) => a.timeline)) throw new CliError(`--replay: ${basename(path)} holds no replay`);
  return text;
};

const write = async (path: string, data: string | Uint8Array) =>
  atomicWrite(path, data, { backup: false }).catch((err) => {
    throw new CliError(err instanceof Error ? err.message : String(err));
  });

/** `archdrill export`: writes the picture or report and prints where; bad input throws a CliError before anything is written. */
export const runExport = async (argv: readonly string[]): Promise<number> => {
  const args = parseCommand(
    'export',
    argv,
    {
      help: { type: 'boolean' },
      format: { type: 'string' },
      scale: { type: 'string' },
      theme: { type: 'string' },
      background: { type: 'string' },
      padding: { type: 'string' },
      title: { type: 'string' },
      'no-legend': { type: 'boolean' },
      rubric: { type: 'string' },
      replay: { type: 'string' },
      out: { type: 'string' },
    },
    argsSchema,
  );
  if (args.help) {
    process.stdout.write(EXPORT_HELP);
    return EXIT.ok;
  }
  const input = args.positionals[0];
  if (!input) throw new CliError('missing BOARD (see archdrill export --help)');
  const format = formatOf(args.format, args.out);
  const board = await readBoardFile(input);
  const out = resolve(args.out ?? join(dirname(input), `${baseOf(input)}${EXTENSION[format]}`));
  if (out === resolve(input)) throw new CliError(`--out: ${basename(out)} is the board being exported; choose another file`);
  const replayText = args.replay ? await readReplay(args.replay, format) : null;
  const rubric = await rubricFor(board, args.rubric);
  // Scored when first needed: a PNG needs it only to embed, so it is scored while resvg draws on other threads.
  let scored: { score: ScoreResult | undefined } | undefined;
  const scoreOf = () => {
    scored ??= { score: rubric ? scoreBoard(board, rubric) : undefined };
    return scored.score;
  };
  const options: SvgOptions = {
    theme: args.theme,
    background: args.background,
    padding: args.padding,
    title: args.title ?? rubric?.title ?? null,
    legend: !args['no-legend'],
  };
  let drawn: ReturnType<typeof renderBoardSvg>;
  try {
    drawn = renderBoardSvg(board, format === 'html' || format === 'md' ? { ...REPORT_PICTURE, legend: options.legend } : options);
  } catch (err) {
    if (err instanceof ExportError) throw new CliError(`${basename(input)}: ${err.message}`);
    throw err;
  }

  if (format === 'svg') {
    const embedded = embeddedFor(board, scoreOf());
    const file = embedInSvg(drawn.svg, embedded);
    await write(out, file);
    process.stdout.write(`wrote ${out} (${drawn.width} × ${drawn.height}, ${(file.length / 1024).toFixed(1)} KB)\n`);
    return EXIT.ok;
  }
  // The PNG is drawn from the picture alone: the board goes in its own chunks, not through the rasteriser.
  const picture = async () => {
    const fit = fitScale(drawn.width, drawn.height, format === 'md' ? 2 : args.scale);
    const opaque = format === 'md' || options.background !== 'transparent';
    return { fit, png: (await rasterise(drawn.svg, fit.scale, () => embeddedFor(board, scoreOf()), opaque)).png };
  };
  if (format === 'png') {
    const { fit, png } = await picture();
    await write(out, png);
    const clamped = fit.clamped ? ` (the board is too large for ${args.scale}×, so it was drawn at ${fit.scale}×)` : '';
    process.stdout.write(`wrote ${out} (${fit.pixelWidth} × ${fit.pixelHeight} px at ${fit.scale}×)${clamped}\n`);
    return EXIT.ok;
  }
  const score = scoreOf();
  const embedded = embeddedFor(board, score);
  const report = (): ReportInput => ({
    board,
    ...(rubric && {
      question: { id: rubric.id, title: rubric.title, prompt: rubric.prompt },
      ruleNames: Object.fromEntries(rubric.rules.flatMap((r) => (r.concept ? [[r.id, r.concept]] : []))),
    }),
    ...(score && { score }),
    generatedAt: new Date().toLocaleString(),
  });
  const [{ embeddedReplay, replayBeside, reportHtml, reportMarkdown }, { ATTEMPTS_FILE_EXTENSION }] = await Promise.all([
    import('../../shared/report'),
    import('../../shared/interview/attemptFile'),
  ]);
  const replayName = `${basename(out).replace(/\.(html|md|markdown)$/i, '')}-replay${ATTEMPTS_FILE_EXTENSION}`;
  if (format === 'html') {
    const link = replayText === null ? null : embeddedReplay(replayName, replayText);
    if (link && !link.href)
      throw new CliError(`--replay: ${basename(args.replay!)} is too large to carry in an HTML report; use --format md`);
    await write(
      out,
      reportHtml(report(), { src: svgDataUrl(embedInSvg(drawn.svg, embedded)), width: drawn.width, height: drawn.height }, link),
    );
    process.stdout.write(`wrote ${out}${link ? ' (with its replay)' : ''}\n`);
    return EXIT.ok;
  }
  const { png: pngFile } = await picture();
  const pictureName = `${basename(out).replace(/\.(md|markdown)$/i, '')}.png`;
  await write(join(dirname(out), pictureName), pngFile);
  if (replayText !== null) await write(join(dirname(out), replayName), replayText);
  await write(
    out,
    reportMarkdown(
      report(),
      { src: pictureName, width: drawn.width, height: drawn.height },
      replayText === null ? null : replayBeside(replayName, replayText),
    ),
  );
  process.stdout.write(`wrote ${out} and ${pictureName}${replayText === null ? '' : ` and ${replayName}`}\n`);
  return EXIT.ok;
};
