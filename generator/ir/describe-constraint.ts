/** One sentence per constraint, for JSDoc, drift reports and the variant matrix. */
import { kindOf } from './constraint-kinds.js';
import type { ConstraintValue, Strength } from './ir.js';

export function describeConstraint(c: ConstraintValue & { condition?: string; strength?: Strength }): string {
  const text = kindOf(c).describe(c);
  if (c.condition) return `${text} Condition: "${c.condition}" (shown, not enforced).`;
  return c.strength === 'advisory' ? `${text} Advised, not demanded (shown, not enforced).` : text;
}
