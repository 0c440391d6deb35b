import { type PropertyRule, splitList } from './rule.js';

const PATTERN = /\bThe (.+?) characters? (?:can(?:not|'t| not)|must not|may not) be used\b/i;

export const forbiddenCharsRule: PropertyRule = {
  id: 'forbidden-chars',
  scope: 'sentence',
  summary: 'Characters the value may not contain ("The `$` and `_` characters can\'t be used")',
  example: "The **$** and **_** characters can't be used when specifying this property.",
  mine(sentence) {
    const m = PATTERN.exec(sentence);
    if (!m) return [];
    const chars = splitList(m[1]!).map((c) => c.replace(/^[`'"*]+|[`'"*]+$/g, ''));
    if (chars.length === 0 || chars.some((c) => [...c].length !== 1)) return [];
    return [{ kind: 'forbiddenChars', chars }];
  },
};
