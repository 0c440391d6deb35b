import { ruleClause, SPECIFIED_CLAUSE } from './rule-clause.js';
import type { PropertyRule } from './rule.js';

/**
 * "Required." standing alone (or "This property is required."): the request must name the property. Binding
 * on create and action bodies; a PATCH page's "Required." is shown, since an update names what it changes.
 * "Required if **type** is `weekly`" is the same rule under a condition (the extractor attaches the clause:
 * shown, never enforced), and so is "This property must be specified when creating … if you are using a
 * federated domain"; "required when a user is created" is required-on-create's.
 */
const PATTERN = /^\(?(?:This (?:property|parameter|field|value) is )?required\)?\.?$/i;

export const requiredRule: PropertyRule = {
  id: 'required',
  scope: 'sentence',
  summary: 'The request body must include the property ("Required.")',
  example: 'Required.',
  mine(sentence) {
    const t = sentence.trim();
    const conditional = /^(?:This \w+ is )?required\b/i.test(t) || SPECIFIED_CLAUSE.test(t);
    return PATTERN.test(t) || (conditional && ruleClause(t)) ? [{ kind: 'required' }] : [];
  },
};
