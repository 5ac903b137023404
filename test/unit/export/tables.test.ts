import { existsSync } from 'node:fs';
import { BOLD_WIDTHS, MEASURED_CODE_POINTS, REGULAR_WIDTHS } from '@shared/export/fontMetrics.generated';
import { ICON_ELEMENTS } from '@shared/export/icons.generated';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { advanceWidths, catalogueIcons, FONT_FILES, lucideIcon, MEASURED } from '../../../electron/build/make-export-tables.mjs';

describe('generated export tables (node electron/build/make-export-tables.mjs rewrites them)', () => {
  it('hold the elements of every catalogue icon as lucide-react draws it', () => {
    const names: string[] = catalogueIcons();
    expect(Object.keys(ICON_ELEMENTS).sort()).toEqual(names);
    for (const name of names) expect(ICON_ELEMENTS[name], name).toEqual(lucideIcon(name));
  });

  it.skipIf(!existsSync(FONT_FILES.regular))('hold Liberation Sans’s advance widths', () => {
    expect(MEASURED_CODE_POINTS).toEqual(MEASURED);
    expect(REGULAR_WIDTHS).toEqual(advanceWidths(FONT_FILES.regular));
    expect(BOLD_WIDTHS).toEqual(advanceWidths(FONT_FILES.bold));
  });
});
