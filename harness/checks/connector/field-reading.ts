/**
 * Reads each input field of a connector against the docs once: the path parameter, a field the docs call by
 * another name in this variant (found by drift against the other variants), a field no updatable property
 * matches, or the property it maps to.
 */
import { diffSpecs } from '../../../generator/diff/diff-specs.js';
import type { ConnectorField, ConnectorSpec, OperationSpec, Property } from '../../../generator/ir/ir.js';
import type { FieldReading } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';
import { mapField } from './field-map.js';

export function readFields(spec: OperationSpec, connector: ConnectorSpec, otherVariants: OperationSpec[]): FieldReading[] {
  const renamedIn = renameFinder(spec, otherVariants);
  return connector.fields
    .filter((f) => f.direction === 'input')
    .map((field): FieldReading => {
      if (field.pathParameter) return { field, kind: 'path' };
      const mapped = mapField(field, spec);
      if (mapped) return { field, kind: 'mapped', mapped };
      const renamed = renamedIn(field);
      return renamed ? { field, kind: 'renamed', ...renamed } : { field, kind: 'unmapped' };
    });
}

/**
 * A field that maps to a property of another variant or an older version, which this variant's docs call
 * by another name: the rename drift finds between the two (`hireDate` → `employeeHireDate`).
 */
function renameFinder(spec: OperationSpec, others: OperationSpec[]): (field: ConnectorField) => { old: string; where: string; now: Property } | undefined {
  // One diff per other variant, made when a field first needs it.
  const renames = new Map<OperationSpec, Map<string, string>>();
  const renamesFrom = (other: OperationSpec) => {
    let found = renames.get(other);
    if (!found) {
      found = new Map(diffSpecs(other, spec).changes.flatMap((c) => (c.kind === 'property-renamed' && c.before && c.after ? [[c.before, c.after]] : [])));
      renames.set(other, found);
    }
    return found;
  };
  return (field) => {
    for (const other of others) {
      const m = mapField(field, other);
      if (!m || m.path.includes('.')) continue;
      const after = renamesFrom(other).get(m.path);
      const now = after && spec.requestBody.properties.find((p) => p.name === after);
      if (now) return { old: m.path, where: `${other.variant} (${sourceRef(m.property.source)})`, now };
    }
    return undefined;
  };
}
