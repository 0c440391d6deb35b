import { isNumeric } from '../../spec/primitives.js';
import { type PropertyRule, splitList } from './rule.js';

const PATTERN = /\b(?:allowed|possible|supported|valid) values(?: are| include)?(?::|\s)\s*(.+)$/i;

export const allowedValuesRule: PropertyRule = {
  id: 'allowed-values',
  scope: 'sentence',
  summary: 'Enumerated values, including `null` ("Allowed values: `null`, `Minor`, `NotAdult` and `Adult`")',
  example: 'Allowed values: `null`, `Minor`, `NotAdult` and `Adult`.',
  mine(sentence, ctx) {
    const m = PATTERN.exec(sentence);
    if (!m) return [];
    const numeric = ctx.type.kind === 'primitive' && isNumeric(ctx.type.name);
    const items = splitList(m[1]!.replace(/\.$/, ''));
    const values: (string | number | null)[] = [];
    for (const raw of items) {
      const v = raw.replace(/^[`"'“”*]+|[`"'“”*]+$/g, '');
      if (v === 'null') values.push(null);
      else if (numeric && /^-?\d+(\.\d+)?$/.test(v)) values.push(Number(v));
      else if (/^[A-Za-z0-9_.-]+$/.test(v) && !numeric) values.push(v);
      else return []; // Not a clean list: prose after the colon, not values.
    }
    if (values.length === 0) return [];
    return [{ kind: 'enum', values }];
  },
};
