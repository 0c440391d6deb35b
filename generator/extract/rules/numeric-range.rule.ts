import type { ConstraintValue } from '../../ir/ir.js';
import { isNumeric } from '../../ir/primitives.js';
import type { PropertyRule } from './rule.js';

const N = String.raw`(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)`;
const INCLUSIVE = String.raw`(?:,?\s*\(?(inclusive|exclusive)\)?)?`;
/** Two bounds in one phrase: "Valid values 4 to 16", "between 0 and 10 (inclusive)", "Valid range: 1-120". */
const BOTH = [
  new RegExp(
    String.raw`\b(?:valid|supported|acceptable|allowed) (?:values?|range)(?: of values)?(?: for this property)?(?: are| is)?:?\s+(?:from |between )?${N}\s*(?:to|through|-|–|and)\s*${N}${INCLUSIVE}`,
    'i',
  ),
  new RegExp(String.raw`\b(?:must|should|can|has to) be (?:set )?(?:between|from) ${N} (?:and|to) ${N}${INCLUSIVE}`, 'i'),
  new RegExp(String.raw`\brang(?:e|es|ing)(?: of the [\w ]+? value)?(?: is| are)?:?\s+(?:from |between )?${N}\s*(?:to|through|-|and)\s*${N}${INCLUSIVE}`, 'i'),
  new RegExp(String.raw`\bvalues? (?:is |are |must be |should be )?between ${N} and ${N}${INCLUSIVE}`, 'i'),
  new RegExp(String.raw`^[^()]*\(${N}\s*-\s*${N}\)`, 'i'),
  // "Minimum 10, Maximum 43200", "Min = 1 second, Max = 120 seconds": the bounds as a pair of labels.
  new RegExp(String.raw`\bmin(?:imum)?\s*[=:]?\s*${N}(?:\s+[a-z]+)?\s*[,;]\s*max(?:imum)?\s*[=:]?\s*${N}\b`, 'i'),
];
const LOWER = [
  new RegExp(String.raw`\b(?:the )?min(?:imum)?(?: value)? (?:is|of) ${N}\b`, 'i'),
  new RegExp(String.raw`\b(?:must|should) be (greater|more) than (or equal to )?${N}\b`, 'i'),
];
const UPPER = [
  new RegExp(String.raw`\b(?:the )?max(?:imum)?(?: value)? (?:is|of) ${N}\b(?! (?:characters?|items?|values|entries))`, 'i'),
  new RegExp(String.raw`\b(?:must|should) be (less|fewer) than (or equal to )?${N}\b`, 'i'),
];

const bound = (kind: 'minimum' | 'maximum', value: string, exclusive: boolean): ConstraintValue => ({ kind, value: Number(value), exclusive });
/** "1.79769313486232E+308" (the docs' rounding of Double's largest value) overflows to Infinity: no bound. */
const finite = (values: ConstraintValue[]) => values.filter((c) => (c.kind !== 'minimum' && c.kind !== 'maximum' ? true : Number.isFinite(c.value)));

export const numericRangeRule: PropertyRule = {
  id: 'numeric-range',
  scope: 'sentence',
  summary: 'Numeric minimum and maximum ("Valid values 4 to 16", "The minimum is 5 and the maximum is 1440", "between 0 and 10 (inclusive)")',
  example: 'Valid range of values is between 0 and 10 (inclusive).',
  mine(sentence, ctx) {
    if (ctx.type.kind !== 'primitive' || !isNumeric(ctx.type.name)) return [];
    for (const p of BOTH) {
      const m = p.exec(sentence);
      if (!m) continue;
      const lo = Number(m[1]);
      const hi = Number(m[2]);
      if (!(lo <= hi)) continue;
      const exclusive = m[3]?.toLowerCase() === 'exclusive';
      return finite([bound('minimum', m[1]!, exclusive), bound('maximum', m[2]!, exclusive)]);
    }
    const out: ConstraintValue[] = [];
    for (const p of LOWER) {
      const m = p.exec(sentence);
      if (m) {
        out.push(m.length > 2 ? bound('minimum', m[3]!, !m[2]) : bound('minimum', m[1]!, false));
        break;
      }
    }
    for (const p of UPPER) {
      const m = p.exec(sentence);
      if (m) {
        out.push(m.length > 2 ? bound('maximum', m[3]!, !m[2]) : bound('maximum', m[1]!, false));
        break;
      }
    }
    return finite(out);
  },
};
