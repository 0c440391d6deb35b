/** A field that admits values its property's enforced format refuses (a country code typed as any text). */
import { isEnforced } from '../../../generator/ir/enforced.js';
import { mappedCheck } from './connector-check.js';

export const typeWeaker = mappedCheck('type-weaker', (field, m) => {
  const country = m.property.constraints.find((c) => c.kind === 'countryCode' && isEnforced(c));
  if (!country) return undefined;
  if (!field.constraints?.some((c) => c.kind === 'countryCode'))
    return { severity: 'warning', docs: country.source, message: `"${field.typeHint}" admits any value; the docs require a two-letter ISO 3166 country code` };
  if (/^\d+\s*char/i.test(field.typeHint))
    return {
      severity: 'warning',
      docs: country.source,
      message: `"${field.typeHint}" admits any two characters; the docs require an ISO 3166 two-letter country code ("${country.sentence}")`,
    };
  return undefined;
});
