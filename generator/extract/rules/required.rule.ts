import { ruleClause } from './rule-clause.js';
import type { PropertyRule } from './rule.js';

/**
 * "Required." standing alone (or "This property is required."): the request must name the property. Binding
 * on create and action bodies; a PATCH page's "Required." is shown, since an update names what it changes.
 * "Required if **type** is `weekly`" is the same rule under a condition (the extractor attaches the clause:
 * shown, never enforced); "required when a user is created" is required-on-create's.
 */
const PATTERN = /^\(?(?:This (?:property|parameter|field|value) is )?required\)?\.?$/i;

export const requiredRule: PropertyRule = {
  id: 'required',
  scope: 'sentence',
  summary: 'The request body must include the property ("Required.")',
  example: 'Required.',
  mine(sentence) {
    const t = sentence.trim();
    return PATTERN.test(t) || (/^(?:This \w+ is )?required\b/i.test(t) && ruleClause(t)) ? [{ kind: 'required' }] : [];
  },
};
