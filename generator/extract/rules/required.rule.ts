import type { PropertyRule } from './rule.js';

/**
 * "Required." standing alone (or "This property is required."): the request must name the property. Binding
 * on create and action bodies; a PATCH page's "Required." is shown, since an update names what it changes.
 * "Required if …"/"required when a user is created" are other rules' (conditions, required-on-create).
 */
const PATTERN = /^\(?(?:This (?:property|parameter|field|value) is )?required\)?\.?$/i;

export const requiredRule: PropertyRule = {
  id: 'required',
  scope: 'sentence',
  summary: 'The request body must include the property ("Required.")',
  example: 'Required.',
  mine(sentence) {
    return PATTERN.test(sentence.trim()) ? [{ kind: 'required' }] : [];
  },
};
