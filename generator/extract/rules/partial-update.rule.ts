import type { PageRule } from './rule.js';

/**
 * PATCH semantics stated in the request body section: properties left out keep their values. Server
 * certification's stateful check reads this sentence as the promise it tests.
 */
export const partialUpdateRule: PageRule<{ keepsOthers: true }> = {
  id: 'partial-update',
  summary: 'Properties not in the request body keep their previous values',
  example:
    'Existing properties that are not included in the request body will maintain their previous values or be recalculated based on changes to other property values.',
  mine(sentence) {
    return /\bproperties that (?:are not|aren't|aren’t) included in the request body (?:will )?maintain their previous values\b/i.test(sentence)
      ? { keepsOthers: true }
      : undefined;
  },
};
