/** One sentence per constraint, for JSDoc, drift reports and the variant matrix. */
import { kindOf } from './constraint-kinds.js';
import type { ConstraintValue } from './ir.js';

export function describeConstraint(c: ConstraintValue & { condition?: string }): string {
  const text = kindOf(c).describe(c);
  return c.condition ? `${text} Condition: "${c.condition}" (shown, not enforced).` : text;
}
