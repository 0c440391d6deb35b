/**
 * What Microsoft's metadata (CSDL) adds to a page's reading of `null`. The pages rarely say whether a
 * property may be null, and certification sends `null` wherever they do not forbid it, as OData's default
 * reads a property. A property the metadata declares `Nullable="false"` (user's `birthday`, a Planner task's
 * `title`) is then not sent as `null` as valid: the service's own schema refuses it. The docs do not forbid
 * it either, so a server that accepts `null` there is warned, not failed (an advised rule).
 */
import type { Constraint, OperationSpec } from '../../generator/ir/ir.js';
import { allProperties, type CsdlModel, findType } from '../../generator/read/csdl.js';
import { successResponse } from './target.js';

/** The CSDL type a body is: the resource the page names, else its documented response's type. */
function bodyType(spec: OperationSpec, model: CsdlModel) {
  for (const name of [spec.requestBody.resource, successResponse(spec)?.bodyType]) {
    if (!name) continue;
    const found = findType(model, name);
    if (found && !Array.isArray(found)) return found;
  }
  return undefined;
}

/** `spec` with an advised "not nullable" on each body property the metadata declares `Nullable="false"`. */
export function withMetadata(spec: OperationSpec, model: CsdlModel): OperationSpec {
  const type = bodyType(spec, model);
  if (!type) return spec;
  const declared = new Map(allProperties(model, type).map((p) => [p.name, p]));
  let changed = false;
  const properties = spec.requestBody.properties.map((p) => {
    const m = declared.get(p.name);
    if (!m || m.nullable || p.constraints.some((c) => c.kind === 'notNullable' && c.condition === undefined)) return p;
    changed = true;
    const c: Constraint = {
      kind: 'notNullable',
      rule: 'not-nullable',
      sentence: `${type.name}.${p.name} is Nullable="false" in the metadata`,
      source: { file: model.file, line: m.line, column: m.column },
      strength: 'advisory',
    };
    return { ...p, constraints: [...p.constraints, c] };
  });
  return changed ? { ...spec, requestBody: { ...spec.requestBody, properties } } : spec;
}
