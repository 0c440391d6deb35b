import type { PropertyRule } from './rule.js';

/**
 * Only unconditional statements at the start of a sentence or as an item of a comma list ("Key, not
 * nullable, Read-only."). "Read-only for users synced from on-premises directory", "Read-only when isBuiltIn
 * is true" and "Once set, this property is read-only" hold only sometimes, so they are not read here.
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
    return PATTERNS.some((p) => p.test(sentence)) ? [{ kind: 'readOnly' }] : [];
  },
};
