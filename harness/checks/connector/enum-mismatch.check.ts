/** A field's allowed values that differ from the property's enforced values (in spelling, case or number). */
import { isEnforced } from '../../../generator/ir/enforced.js';
import { mappedCheck } from './connector-check.js';

export const enumMismatch = mappedCheck('enum-mismatch', (field, m) => {
  const docEnum = m.property.constraints.find((c) => c.kind === 'enum' && isEnforced(c));
  const fieldEnumConstraint = field.constraints?.find((c) => c.kind === 'enum');
  const fieldEnum = fieldEnumConstraint?.kind === 'enum' ? fieldEnumConstraint.values.filter((v): v is string | null => typeof v !== 'number') : undefined;
  if (docEnum?.kind !== 'enum' || !fieldEnum) return undefined;
  const docValues = docEnum.values.filter((v): v is string | null => typeof v !== 'number');
  const differ: string[] = [];
  for (const v of fieldEnum) {
    if (docValues.includes(v)) continue;
    const sameLetters = docValues.find((d) => typeof d === 'string' && typeof v === 'string' && d.toLowerCase() === v.toLowerCase());
    differ.push(sameLetters ? `${v} (docs: ${sameLetters}, differs in case)` : `${v} (not a documented value)`);
  }
  for (const d of docValues)
    if (!fieldEnum.some((v) => v === d || (typeof v === 'string' && typeof d === 'string' && v.toLowerCase() === d.toLowerCase()))) differ.push(`${d} missing`);
  if (!differ.length) return undefined;
  return { severity: 'error', message: `allowed values differ from the docs: ${differ.join(', ')}`, docs: docEnum.source };
});
