import type { PropertyRule } from './rule.js';

const PATTERNS = [/\bnot nullable\b/i, /\bcan(?:not|'t| not) be cleared\b/i, /\bcan(?:not|'t| not) be (?:updated|set) to `?null`?/i];

export const notNullableRule: PropertyRule = {
  id: 'not-nullable',
  scope: 'sentence',
  summary: 'The value may not be `null` ("Not nullable", "can\'t be cleared during updates", "Can\'t be updated to `null`")',
  example: "Can't be updated to `null`.",
  mine(sentence) {
    return PATTERNS.some((p) => p.test(sentence)) ? [{ kind: 'notNullable' }] : [];
  },
};
