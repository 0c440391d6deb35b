import type { PropertyRule } from './rule.js';

/** "It is 28 characters long", "must be exactly 10 characters": both the least and the most. */
const PATTERN = /\b(?:is|are|must be) (?:exactly |always )?(\d+) characters? long\b|\bmust be exactly (\d+) characters?\b/i;

export const exactLengthRule: PropertyRule = {
  id: 'exact-length',
  scope: 'sentence',
  summary: 'An exact string length ("It is 28 characters long and case-sensitive")',
  example: 'It is 28 characters long and case-sensitive.',
  mine(sentence, ctx) {
    if (ctx.type.kind !== 'primitive' || ctx.type.name !== 'String' || ctx.type.collection) return [];
    const m = PATTERN.exec(sentence);
    if (!m) return [];
    const n = Number(m[1] ?? m[2]);
    return [
      { kind: 'minLength', min: n },
      { kind: 'maxLength', max: n },
    ];
  },
};
