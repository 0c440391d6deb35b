import type { PropertyRule } from './rule.js';

export const countryCodeRule: PropertyRule = {
  id: 'country-code',
  scope: 'sentence',
  summary: 'Two-letter ISO 3166 country code ("A two letter country code (ISO standard 3166)", "two-character country code")',
  example: 'A two letter country code (ISO standard 3166).',
  mine(sentence, ctx) {
    if (ctx.type.kind !== 'primitive' || ctx.type.name !== 'String') return [];
    return /\btwo[- ](?:letter|character) (?:ISO )?country code\b/i.test(sentence) ? [{ kind: 'countryCode', standard: 'ISO 3166-1 alpha-2' }] : [];
  },
};
