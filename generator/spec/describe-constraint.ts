/** One sentence per constraint kind, for JSDoc, drift reports and the variant matrix. */
import type { ConstraintValue } from './ir.js';

const DESCRIBE: { [K in ConstraintValue['kind']]: (c: Extract<ConstraintValue, { kind: K }>) => string } = {
  maxLength: (c) => `At most ${c.max} characters.`,
  enum: (c) => `One of: ${c.values.map((v) => (v === null ? 'null' : String(v))).join(', ')}.`,
  notNullable: () => 'Cannot be null.',
  maxItems: (c) => `At most ${c.max} item${c.max === 1 ? '' : 's'}.`,
  itemMaxLength: (c) => `Each item at most ${c.max} characters.`,
  forbiddenChars: (c) => `Must not contain: ${c.chars.join(' ')}.`,
  allowedChars: (c) => `Only these characters${c.scope === 'local-part' ? ' before the @' : ''}: ${c.chars}.`,
  countryCode: () => 'Two-letter ISO 3166 country code.',
  format: (c) => `Format: ${c.format}.`,
  flagSet: (c) => `Comma-separated set of: ${c.values.join(', ')}.`,
  requiredOnCreate: () => 'Required when the resource is created.',
  readOnly: () => 'Read-only.',
  updateLimit: (c) => `Can be updated at most ${c.times} times.`,
  requiresPermission: (c) =>
    `Needs ${c.permissions.join(c.combine === 'all-of' ? ' and ' : ' or ')}${c.least ? ' (least privileged; higher ones also work)' : ''}${c.scenario === 'any' ? '' : ` (${c.scenario})`}.`,
};

export function describeConstraint(c: ConstraintValue & { condition?: string }): string {
  const text = (DESCRIBE[c.kind] as (x: ConstraintValue) => string)(c);
  return c.condition ? `${text} Condition: "${c.condition}" (shown, not enforced).` : text;
}
