/**
 * What connector checks see: the operation's docs, the connector's action, the other variants, and how each
 * input field was read against the docs (field-reading.ts), computed once for every check.
 */
import type { ConnectorField, ConnectorSpec, OperationSpec, Property, SourceRef } from '../../../generator/ir/ir.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';
import { jsonKind } from '../../../generator/ir/primitives.js';
import type { Mapped } from './field-map.js';
import type { ConnectorFinding } from './finding.js';

/** How one input field of the connector stands against the docs. */
export type FieldReading =
  | { field: ConnectorField; kind: 'path' }
  | { field: ConnectorField; kind: 'renamed'; old: string; where: string; now: Property }
  | { field: ConnectorField; kind: 'unmapped' }
  | { field: ConnectorField; kind: 'mapped'; mapped: Mapped };

export interface ConnectorContext {
  spec: OperationSpec;
  connector: ConnectorSpec;
  otherVariants: OperationSpec[];
  /** Every input field, in the connector's order. */
  fields: FieldReading[];
}

/**
 * A registered connector check. `field` checks look at one field at a time and the runner visits fields in
 * the connector's order, so a report lists each field's findings together; `operation` checks look across
 * the fields (or at the outputs) once.
 */
export type ConnectorCheck =
  | { id: string; scope: 'field'; check(reading: FieldReading, ctx: ConnectorContext): ConnectorFinding | undefined }
  | { id: string; scope: 'operation'; check(ctx: ConnectorContext): ConnectorFinding[] };

/** `boolean`, `string`, `number`, `object` or `array` as JSON sees a field or a property. */
export function shape(t: Property['type'] | ConnectorField['type']): string {
  if (t.collection) return 'array';
  if (t.kind === 'primitive') {
    const k = jsonKind(t.name);
    return k === 'integer' ? 'number' : k;
  }
  return t.resolution === 'enum' ? 'string' : 'object';
}

/**
 * A field check that judges mapped fields only: `judge` says what is wrong and which docs line says so
 * (the property's row unless it names another), and the finding names the field, its property and both
 * lines.
 */
export function mappedCheck(
  id: string,
  judge: (field: ConnectorField, m: Mapped) => { severity: ConnectorFinding['severity']; message: string; docs?: SourceRef } | undefined,
): ConnectorCheck {
  return {
    id,
    scope: 'field',
    check(reading) {
      if (reading.kind !== 'mapped') return undefined;
      const { field, mapped: m } = reading;
      const found = judge(field, m);
      if (!found) return undefined;
      return {
        rule: id,
        field: field.label,
        property: m.path,
        severity: found.severity,
        message: found.message,
        source: sourceRef(field.source),
        docs: sourceRef(found.docs ?? m.property.source),
      };
    },
  };
}
