export { CURRENT_RUBRIC_VERSION } from './migrations';
export { formatRubricError, parseRubric, type RubricError, type RubricParseResult } from './parse';
export { RUBRIC_FORMAT, type Rubric, type RubricEstimate, type RubricRule } from './schema';
