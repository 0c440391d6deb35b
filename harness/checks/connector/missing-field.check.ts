/** A documented property no field maps to. A renamed field stands for the new name, reported once as renamed. */
import type { ConnectorCheck } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';

export const missingField: ConnectorCheck = {
  id: 'missing-field',
  scope: 'operation',
  check({ spec, fields }) {
    const covered = new Set(fields.flatMap((r) => (r.kind === 'mapped' ? [r.mapped.path.split('.')[0]] : r.kind === 'renamed' ? [r.now.name] : [])));
    return spec.requestBody.properties
      .filter((p) => !covered.has(p.name))
      .map((p) => ({
        rule: 'missing-field',
        field: '',
        property: p.name,
        severity: 'warning' as const,
        message: `the docs list ${p.name}, the connector has no field for it`,
        docs: sourceRef(p.source),
      }));
  },
};
