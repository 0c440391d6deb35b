/** A field whose JSON shape (string, number, boolean, object, array) is not its property's. */
import { type ConnectorCheck, mappedOf, shape } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';

export const typeMismatch: ConnectorCheck = {
  id: 'type-mismatch',
  scope: 'field',
  check(reading) {
    const m = mappedOf(reading);
    if (!m) return undefined;
    const { field } = reading;
    const fs = shape(field.type);
    const ps = shape(m.property.type);
    if (fs === ps) return undefined;
    return {
      rule: 'type-mismatch',
      field: field.label,
      property: m.path,
      severity: 'error',
      message: `the connector takes ${field.typeHintStated ? `"${field.typeHint}"` : `${field.typeHint} (the page's default)`} (${fs}); the docs type ${m.path} as ${m.property.type.name}${m.property.type.collection ? ' collection' : ''} (${ps})`,
      source: sourceRef(field.source),
      docs: sourceRef(m.property.source),
    };
  },
};
