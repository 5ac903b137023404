import { z } from 'zod';

/** What the export dialog lets a person choose; remembered per machine. */
export const exportOptionsSchema = z.object({
  format: z.enum(['png', 'svg']),
  scale: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** `theme`: the canvas colour of the chosen theme. */
  background: z.enum(['theme', 'white', 'transparent']),
  padding: z.number().int().min(0).max(400),
  theme: z.enum(['light', 'dark']),
  /** Draws the question's title above the board. */
  includeTitle: z.boolean(),
  /** Draws a key to the protocols' line styles under the board. */
  includeLegend: z.boolean(),
});

export type ExportOptions = z.infer<typeof exportOptionsSchema>;
export type ImageFormat = ExportOptions['format'];

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  format: 'png',
  scale: 2,
  background: 'theme',
  padding: 32,
  theme: 'light',
  includeTitle: true,
  includeLegend: true,
};

const KEY = 'archdrill.export';

/** The last options used; a missing or corrupt entry falls back to the defaults field by field. */
export const loadExportOptions = (): ExportOptions => {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    const merged = { ...DEFAULT_EXPORT_OPTIONS, ...(typeof raw === 'object' && raw !== null ? raw : {}) };
    const parsed = exportOptionsSchema.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULT_EXPORT_OPTIONS;
  } catch {
    return DEFAULT_EXPORT_OPTIONS;
  }
};

export const saveExportOptions = (o: ExportOptions): void => localStorage.setItem(KEY, JSON.stringify(o));
