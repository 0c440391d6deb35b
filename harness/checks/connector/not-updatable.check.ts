/** A field no updatable property of this variant matches (and the variants where one does). */
import type { ConnectorCheck } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';
import { mapField } from './field-map.js';

export const notUpdatable: ConnectorCheck = {
  id: 'not-updatable',
  scope: 'field',
  check(reading, { spec, connector, otherVariants }) {
    if (reading.kind !== 'unmapped') return undefined;
    const { field } = reading;
    const elsewhere = otherVariants.filter((v) => mapField(field, v)).map((v) => v.variant);
    const onResource = field.graphPath ? ` (the ${connector.resource ?? 'resource'} has ${field.graphPath}, but the update page does not list it)` : '';
    return {
      rule: 'not-updatable',
      field: field.label,
      severity: 'error',
      message: `${field.normalizedName} is not an updatable property in ${spec.variant}${onResource}${elsewhere.length ? `; it is updatable in ${elsewhere.join(', ')}` : ''}`,
      source: sourceRef(field.source),
    };
  },
};
