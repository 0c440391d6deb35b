import type { PropertyRule } from './rule.js';

export const readOnlyRule: PropertyRule = {
  id: 'read-only',
  scope: 'sentence',
  summary: 'The property is read-only ("Read-only.")',
  example: 'Read-only.',
  mine(sentence) {
    // Only unconditional statements: "for a synced user … is read-only" is not one.
    return /^(?:(?:This property is )?Read-only\b|Read only\.)/i.test(sentence) ? [{ kind: 'readOnly' }] : [];
  },
};
