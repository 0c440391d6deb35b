/** A field named as another variant names a property this variant renamed: map it to the new name. */
import type { ConnectorCheck } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';

export const renamed: ConnectorCheck = {
  id: 'renamed',
  scope: 'field',
  check(reading, { spec }) {
    if (reading.kind !== 'renamed') return undefined;
    return {
      rule: 'renamed',
      field: reading.field.label,
      property: reading.now.name,
      severity: 'error',
      message: `maps to ${reading.old} in ${reading.where}, which ${spec.variant} calls ${reading.now.name}: map the field to ${reading.now.name}`,
      source: sourceRef(reading.field.source),
      docs: sourceRef(reading.now.source),
    };
  },
};
