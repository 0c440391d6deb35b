/** Which property each field maps to (info): the path parameter, or the documented property and its type. */
import type { ConnectorCheck } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';

export const fieldMaps: ConnectorCheck = {
  id: 'field-maps',
  scope: 'field',
  check(reading, { spec }) {
    const { field } = reading;
    if (reading.kind === 'path') {
      const path = spec.http.paths.find((p) => p.params.length === 1);
      return {
        rule: 'field-maps',
        field: field.label,
        severity: 'info',
        message: `addresses the user in the path (${path?.template ?? 'no documented path parameter'})`,
        source: sourceRef(field.source),
        docs: sourceRef(path?.source),
      };
    }
    if (reading.kind !== 'mapped') return undefined;
    const m = reading.mapped;
    return {
      rule: 'field-maps',
      field: field.label,
      property: m.path,
      severity: 'info',
      message: `maps to ${m.path} (${m.property.type.name}${m.property.type.collection ? ' collection' : ''})`,
      source: sourceRef(field.source),
      docs: sourceRef(m.property.source),
    };
  },
};
