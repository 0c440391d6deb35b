/** Which property each field maps to (info): the path parameter, or the documented property and its type. */
import { at, type ConnectorCheck } from './connector-check.js';

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
        source: at(field.source),
        docs: at(path?.source),
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
      source: at(field.source),
      docs: at(m.property.source),
    };
  },
};
