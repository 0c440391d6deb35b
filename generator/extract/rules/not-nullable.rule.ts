import type { ConstraintValue } from '../../ir/ir.js';
import type { PropertyRule } from './rule.js';

const PATTERNS = [/\bnot nullable\b/i, /\bcan(?:not|'t| not) be (?:updated|set) to `?null`?/i];
/** "Can't be cleared": neither null nor, for a string, the empty string that clears it just as well. */
const CLEARED = /\bcan(?:not|'t| not) be cleared\b/i;

export const notNullableRule: PropertyRule = {
  id: 'not-nullable',
  scope: 'sentence',
  summary: 'The value may not be `null` ("Not nullable", "Can\'t be updated to `null`"); "can\'t be cleared" refuses `""` too',
  example: "Can't be updated to `null`.",
  mine(sentence, ctx) {
    if (CLEARED.test(sentence)) {
      const text = ctx.type.kind === 'primitive' && ctx.type.name === 'String' && !ctx.type.collection;
      return [{ kind: 'notNullable' }, ...(text ? [{ kind: 'minLength', min: 1 } satisfies ConstraintValue] : [])];
    }
    return PATTERNS.some((p) => p.test(sentence)) ? [{ kind: 'notNullable' }] : [];
  },
};
