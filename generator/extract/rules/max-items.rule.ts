import { parseCount, type PropertyRule } from './rule.js';

const PATTERNS = [
  /\bonly (one|two|three|four|five|\d+) (?:\w+ )?(?:can|may) be (?:set|specified|added)\b/i,
  /\b(?:can )?(?:store|contain|hold|have) up to (\w+) (?:values|items|entries|elements)\b/i,
  /\b(?:maximum|max) (?:of )?(\d+) (?:values|items|entries|elements)\b/i,
  /\bno more than (\w+) (?:values|items|entries|elements)\b/i,
  // "A maximum of 10 owners can be specified", "Up to 20 values can be stored".
  /\b(?:a maximum of|up to) (\w+) (?:\w+ )?(?:can|may) be (?:set|specified|added|stored|provided|assigned)\b/i,
  /\blimited to (\w+) (?:values|items|entries|elements)\b/i,
  // "You can specify up to 20 objects."
  /\b(?:you )?can (?:specify|send|add|provide|pass) up to (\w+) \w+\b/i,
  // "We support up to 25 targets for simulring."
  /\bwe support up to (\w+) \w+\b/i,
  // "Members count shouldn't be more than 25."
  /\bcount (?:shouldn't|should not|mustn't|must not|cannot|can't) (?:be )?(?:more|greater) than (\d+)\b/i,
  // "Maximum size of this collection is 1000 strings."
  /\bmaximum size of (?:this|the) collection is (\d+)\b/i,
  // "The maximum supported MediaPrompt collection size is 20."
  /\bmaximum (?:supported )?(?:\w+ )?collection size is (\d+)\b/i,
];

export const maxItemsRule: PropertyRule = {
  id: 'max-items',
  scope: 'sentence',
  summary: 'Maximum number of items in a collection ("only one number can be set", "Can store up to 250 values")',
  example: 'Although this is a string collection, only one number can be set for this property.',
  mine(sentence, ctx) {
    if (!ctx.type.collection) return [];
    for (const p of PATTERNS) {
      const m = p.exec(sentence);
      const max = m ? parseCount(m[1]!) : undefined;
      if (max !== undefined) return [{ kind: 'maxItems', max }];
    }
    return [];
  },
};
