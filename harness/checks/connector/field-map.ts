/**
 * Maps connector fields to documented properties by name normalisation only: the field label in camelCase
 * ("Show In Address List" → showInAddressList) is looked up among the request body's properties, then
 * among the properties of the body's complex types ("Password" → passwordProfile.password). No table of
 * hand-made pairs.
 */
import type { ConnectorField, OperationSpec, Property } from '../../../generator/ir/ir.js';

export interface Mapped {
  path: string;
  property: Property;
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function mapField(field: ConnectorField, spec: OperationSpec): Mapped | undefined {
  const name = key(field.normalizedName);
  const top = spec.requestBody.properties.find((p) => key(p.name) === name);
  if (top) return { path: top.name, property: top };
  for (const p of spec.requestBody.properties) {
    if (p.type.kind !== 'named') continue;
    const def = spec.types[p.type.name];
    if (def?.kind !== 'complex') continue;
    const inner = def.properties.find((q) => key(q.name) === name);
    if (inner) return { path: `${p.name}.${inner.name}`, property: inner };
  }
  return undefined;
}
