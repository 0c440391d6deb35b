/** A field that admits values its property's enforced format refuses (a country code typed as any text). */
import { isEnforced } from '../../../generator/ir/enforced.js';
import { type ConnectorCheck, mappedOf } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';

export const typeWeaker: ConnectorCheck = {
  id: 'type-weaker',
  scope: 'field',
  check(reading) {
    const m = mappedOf(reading);
    if (!m) return undefined;
    const { field } = reading;
    const country = m.property.constraints.find((c) => c.kind === 'countryCode' && isEnforced(c));
    if (!country) return undefined;
    const base = {
      rule: 'type-weaker',
      field: field.label,
      property: m.path,
      severity: 'warning' as const,
      source: sourceRef(field.source),
      docs: sourceRef(country.source),
    };
    if (!field.constraints?.some((c) => c.kind === 'countryCode'))
      return { ...base, message: `"${field.typeHint}" admits any value; the docs require a two-letter ISO 3166 country code` };
    if (/^\d+\s*char/i.test(field.typeHint))
      return {
        ...base,
        message: `"${field.typeHint}" admits any two characters; the docs require an ISO 3166 two-letter country code ("${country.sentence}")`,
      };
    return undefined;
  },
};
