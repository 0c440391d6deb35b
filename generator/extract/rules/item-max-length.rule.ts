import type { PropertyRule } from './rule.js';

const PATTERNS = [
  /\beach (?:with a limit of|limited to|up to|of at most) (\d+) characters?\b/i,
  /\beach (?:value|item|entry) (?:can be|is limited to|may be) (?:up to |at most )?(\d+) characters?\b/i,
];

export const itemMaxLengthRule: PropertyRule = {
  id: 'item-max-length',
  scope: 'sentence',
  summary: 'Maximum length of each string in a collection ("each with a limit of 250 characters")',
  example: 'Can store up to 250 values, each with a limit of 250 characters.',
  mine(sentence, ctx) {
    if (!ctx.type.collection) return [];
    for (const p of PATTERNS) {
      const m = p.exec(sentence);
      if (m) return [{ kind: 'itemMaxLength', max: Number(m[1]) }];
    }
    return [];
  },
};
