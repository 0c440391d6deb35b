import type { PropertyRule } from './rule.js';

/**
 * Comma-separated flags: "This value is an enumeration with one possible value being `A` … `B` can also be
 * specified. The two can be specified together; for example: `B, A`." The first sentence carries the
 * constraint; the values come from the whole description.
 */
export const flagSetRule: PropertyRule = {
  id: 'flag-set',
  scope: 'sentence',
  summary: 'Comma-separated set of named flags ("an enumeration with one possible value being `DisableStrongPassword` … can be specified together")',
  example: 'This value is an enumeration with one possible value being `DisableStrongPassword`.',
  mine(sentence, ctx) {
    const first = /\benumeration with one possible value being [`"“]?(\w+)/i.exec(sentence);
    if (!first || !/\bspecified together\b/i.test(ctx.description)) return [];
    const values = [first[1]!];
    for (const m of ctx.description.matchAll(/[`"“]?(\w+)[`"”]? can also be specified\b/gi)) values.push(m[1]!);
    return [{ kind: 'flagSet', values: [...new Set(values)], separator: ',' }];
  },
};
