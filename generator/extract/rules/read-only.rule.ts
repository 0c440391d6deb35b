import type { PropertyRule } from './rule.js';

export const readOnlyRule: PropertyRule = {
  id: 'read-only',
  scope: 'sentence',
  summary: 'The property is read-only ("Read-only.")',
  example: 'Read-only.',
  mine(sentence) {
    // Only unconditional statements: "Read-only for users synced from on-premises directory" is not one.
    return /^(?:This property is )?Read[- ]only\s*(?:[.,;]|$)/i.test(sentence) ? [{ kind: 'readOnly' }] : [];
  },
};
