import type { PropertyRule } from './rule.js';

const PATTERNS = [
  /\bmaximum length (?:is|of) (\d+) characters?\b/i,
  /\b(\d+)[- ]character limit\b/i,
  /\b(?:max(?:imum)?|limited to|up to|at most) (?:of )?(\d+) characters?\b(?!.*\beach\b)/i,
  /\bcan(?:not|'t| not) (?:be longer|exceed) (?:than )?(\d+) characters?\b/i,
];

export const maxLengthRule: PropertyRule = {
  id: 'max-length',
  scope: 'sentence',
  summary: 'Maximum string length ("The maximum length is 64 characters", "512 character limit")',
  example: 'The maximum length is 64 characters.',
  mine(sentence, ctx) {
    if (ctx.type.collection) return [];
    for (const p of PATTERNS) {
      const m = p.exec(sentence);
      if (m) return [{ kind: 'maxLength', max: Number(m[1]) }];
    }
    return [];
  },
};
