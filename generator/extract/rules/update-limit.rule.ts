import { parseCount, type PropertyRule } from './rule.js';

export const updateLimitRule: PropertyRule = {
  id: 'update-limit',
  scope: 'sentence',
  summary: 'The property can be updated only a limited number of times ("can be updated up to only 10 times")',
  example: 'For Azure AD B2C accounts, this property can be updated up to only 10 times with unique SMTP addresses.',
  mine(sentence) {
    const m = /\bcan be updated up to (?:only )?(\w+) times\b/i.exec(sentence);
    const times = m ? parseCount(m[1]!) : undefined;
    return times !== undefined ? [{ kind: 'updateLimit', times }] : [];
  },
};
