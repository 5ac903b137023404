import { fileURLToPath } from 'node:url';

/**
 * The built-in rubrics/ folder of this package, found relative to this file
 * (electron/rubrics/ → ../../rubrics). Run from source (tsx, the CLI) this is
 * the repository's folder; a packaged app passes its resources path instead.
 */
export const builtinRubricsDir = (): string => fileURLToPath(new URL('../../rubrics', import.meta.url));
