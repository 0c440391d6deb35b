import { ruleClause } from './rule-clause.js';
import type { PropertyRule } from './rule.js';

/**
 * Statements at the start of a sentence or as an item of a comma list ("Key, not nullable, Read-only.").
 * "Read-only when isBuiltIn is true" and "Read-only for users synced from on-premises directory" are the
 * same rule under a condition (the extractor attaches the clause: shown, never enforced). "Once set, this
 * property is read-only" is about history, not one request, and is not read.
 */
const PATTERNS = [
  /^(?:This (?:property |attribute |field |value )?is (?:a |always )?)?Read[- ]only(?: (?:attribute|property|value|field))?\s*(?:[.,;]|$|and (?:is )?(?:automatically )?(?:generated|set|computed|assigned))/i,
  /^(?:[\w ]{1,20},\s*)+Read[- ]only\s*\.?$/i,
];

export const readOnlyRule: PropertyRule = {
  id: 'read-only',
  scope: 'sentence',
  summary: 'The property is read-only ("Read-only.", "This is read-only and automatically generated", "Key, not nullable, Read-only.")',
  example: 'Read-only.',
  mine(sentence) {
    const t = sentence.trim();
    return PATTERNS.some((p) => p.test(t)) || (/^(?:This \w+ is )?read[- ]only\b/i.test(t) && ruleClause(t)) ? [{ kind: 'readOnly' }] : [];
  },
};
