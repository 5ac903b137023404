import type { RuleResult } from './types';

/**
 * A rule the candidate has something to add for: failed, or only partly met.
 * A not-applicable rule is neither earned nor missed (the board has nothing it
 * is about), so no list of what to add next time names it.
 */
export const isMissed = (rule: Pick<RuleResult, 'status'>): boolean => rule.status === 'failed' || rule.status === 'partial';
