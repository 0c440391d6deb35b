import type { PropertyRule } from './rule.js';

const CHARS = String.raw`(?:characters?|chars?)\b`;
const PATTERNS = [
  // "The maximum length is 64 characters", "Maximum length: 256 characters", "Max. length: 1024",
  // "The maximum length of the company name is 64 characters", "maximum length allowed is 120 characters".
  // "Maximum length of 128 characters" too: a named subject ("of the company name") must be followed by "is".
  /\bmax(?:imum|\.)? length(?: allowed)?(?: of (?:the |this )?[A-Za-z][A-Za-z ]{0,29}?(?= is\b))?(?: is| of|:)?\s+(\d+)(?:\s*(?:characters?|chars?))?\b/i,
  /\b(\d+)[- ]character (?:limit|maximum)\b/i,
  /\b(\d+) characters? (?:maximum|max|or (?:less|fewer))\b/i,
  new RegExp(String.raw`\b(?:max(?:imum)?|limited to|up to|at most|no more than) (?:limit (?:is |of )?)?(?:of )?(\d+) ${CHARS}(?!.*\beach\b)`, 'i'),
  new RegExp(String.raw`(?:\bnot|\bcannot|n't) (?:be longer than|be more than|exceed) (\d+) ${CHARS}`, 'i'),
  new RegExp(String.raw`\bmax(?:imum)? limit is (\d+) ${CHARS}`, 'i'),
];

/**
 * Sentences about what a client shows or trims, not what the service accepts; and a bullet that describes
 * one value of an enumeration ("String - 256 characters maximum" under `dataType`), not this property.
 */
const NOT_A_LIMIT = /\b(?:will only show|only (?:shows|displays)|truncated|first \d+ characters)\b|^[A-Za-z]+\s+[-–]\s/i;

export const maxLengthRule: PropertyRule = {
  id: 'max-length',
  scope: 'sentence',
  summary: 'Maximum string length ("The maximum length is 64 characters", "Max. length: 1024", "(100 characters or less)")',
  example: 'The maximum length is 64 characters.',
  mine(sentence, ctx) {
    if (ctx.type.collection || NOT_A_LIMIT.test(sentence)) return [];
    for (const p of PATTERNS) {
      const m = p.exec(sentence);
      if (m) return [{ kind: 'maxLength', max: Number(m[1]) }];
    }
    return [];
  },
};
