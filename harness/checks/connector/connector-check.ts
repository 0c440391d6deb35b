/**
 * What connector checks see: the operation's docs, the connector's action, the other variants, and how each
 * input field was read against the docs (field-reading.ts), computed once for every check.
 */
import type { ConnectorField, ConnectorSpec, OperationSpec, Property } from '../../../generator/ir/ir.js';
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

/** The mapped property of a field, for checks that only look at mapped fields. */
export function mappedOf(reading: FieldReading): Mapped | undefined {
  return reading.kind === 'mapped' ? reading.mapped : undefined;
}
