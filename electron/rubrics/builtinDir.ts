import { join } from 'node:path';
import { packageRoot } from '../packageRoot';

/**
 * The built-in rubrics/ folder of this package. Run from source or from the
 * CLI's bundle this is the package's folder; a packaged app passes its
 * resources path instead.
 */
export const builtinRubricsDir = (): string => join(packageRoot(), 'rubrics');
