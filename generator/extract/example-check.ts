/**
 * Checks example request bodies against the page's own property table: properties the table does not list
 * (`example-unknown-property`) and values of the wrong JSON type (`example-type-mismatch`) are doc bugs.
 */
import { diagnostic } from '../ir/diagnostic.js';
import type { Diagnostic, Example, ExtensionsSpec, Property, TypeDef, TypeRef } from '../ir/ir.js';
import { isAnyJson, jsonKind } from '../ir/primitives.js';

export function checkExamples(
  examples: Example[],
  method: string | undefined,
  properties: Property[],
  types: Record<string, TypeDef>,
  extensions: ExtensionsSpec & { namePatterns: string[] },
  /** The body is this resource's writable properties (no table): its relationships may be nested too. */
  resource?: { resource: string; relationships: string[] },
  /** The type the body is, as the validator reads it (`requestBody.resource`). */
  bodyType?: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Without a table there is nothing to hold the examples against ("missing from the table" would be noise).
  if (properties.length === 0) return out;
  const byName = new Map(properties.map((p) => [p.name, p]));
  const extensionPatterns = extensions.namePatterns.map((p) => new RegExp(p));
  for (const ex of examples) {
    const req = ex.request;
    if (!req || (method && req.method !== method) || !isObject(req.body)) continue;
    // A body that names a derived type by `@odata.type` may hold what its base type's page does not list.
    const derived = bodyType === undefined ? typeof req.body['@odata.type'] === 'string' : derivedType(req.body, bodyType);
    for (const [key, value] of Object.entries(req.body)) {
      const lines = req.bodyKeyLines;
      const at = { ...req.source, line: lines && Object.hasOwn(lines, key) ? lines[key]! : req.source.line };
      if (key.includes('@')) continue; // instance annotations such as @odata.type
      const prop = byName.get(key);
      if (!prop) {
        if (derived || (extensions.allowed && extensionPatterns.some((r) => r.test(key)))) continue;
        if (resource?.relationships.includes(key)) continue;
        out.push(
          diagnostic(
            'example-unknown-property',
            'warning',
            resource
              ? `Example "${ex.name}" sends \`${key}\`, which the ${resource.resource} resource page does not list as a writable property`
              : `Example "${ex.name}" sends \`${key}\`, which the property table does not list`,
            at,
            resource ? 'Add the property to the resource page, or fix the example' : 'Add the property to the table, or fix the example',
          ),
        );
        continue;
      }
      const problem = typeProblem(value, prop.type, types, key);
      if (problem) out.push(diagnostic('example-type-mismatch', 'warning', `Example "${ex.name}": ${problem}`, at));
    }
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function typeProblem(value: unknown, type: TypeRef, types: Record<string, TypeDef>, path: string): string | undefined {
  if (value === null || (type.kind === 'named' && isAnyJson(type.name))) return undefined;
  if (type.collection) {
    if (!Array.isArray(value)) return `\`${path}\` is ${describe(value)}, the table says ${type.name} collection`;
    for (const [i, item] of value.entries()) {
      const p = typeProblem(item, { ...type, collection: false }, types, `${path}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (type.kind === 'primitive') {
    const kind = jsonKind(type.name);
    const expected = kind === 'integer' ? 'number' : kind;
    return typeof value === expected ? undefined : `\`${path}\` is ${describe(value)}, the table says ${type.name}`;
  }
  if (type.resolution === 'enum') return typeof value === 'string' ? undefined : `\`${path}\` is ${describe(value)}, the table says enum ${type.name}`;
  // A type with no resource page may be an enum or anything else: nothing to hold the value against.
  if (type.resolution === 'unresolved') return undefined;
  if (!isObject(value)) return `\`${path}\` is ${describe(value)}, the table says ${type.name} object`;
  const def = types[type.name];
  if (def?.kind !== 'complex' || def.open) return undefined;
  // A value of a derived type (`"@odata.type": "#microsoft.graph.groupAssignmentTarget"`) has properties
  // the base type's page does not list.
  if (derivedType(value, def.name)) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('@')) continue;
    const inner = def.properties.find((p) => p.name === k);
    if (!inner && def.relationships?.includes(k)) continue;
    if (!inner) return `\`${path}.${k}\` is not a property of ${def.name}`;
    const p = typeProblem(v, inner.type, types, `${path}.${k}`);
    if (p) return p;
  }
  return undefined;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function derivedType(value: Record<string, unknown>, declared: string): boolean {
  const t = value['@odata.type'];
  if (typeof t !== 'string') return false;
  const named = t.replace(/^#/, '').split('.').pop()!.toLowerCase();
  return named !== declared.split('.').pop()!.toLowerCase();
}
