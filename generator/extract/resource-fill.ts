/**
 * The resource's own page (`resources/user.md`) often states what the request table leaves out ("Maximum
 * length is 128 characters" for `city`). Such a constraint applies to the request property when the
 * property's own row says nothing of that kind; it keeps the resource page's line as its source, so a
 * refusal cites where the rule is written.
 */
import { CONSTRAINT_KINDS } from '../ir/constraint-kinds.js';
import type { ComplexType, Constraint, Property, TypeRef } from '../ir/ir.js';
import { jsonKind } from '../ir/primitives.js';

/**
 * Kinds a resource page's row can lend: value rules only. Read-only on the resource page is its own
 * statement (`resourceReadOnly`), and presence, caller and history kinds describe the page's operations,
 * not this request.
 */
const lendable = (c: Constraint) => CONSTRAINT_KINDS[c.kind].applies === 'value' && c.kind !== 'readOnly';

const sameShape = (a: TypeRef, b: TypeRef) => a.collection === b.collection && a.kind === b.kind && a.name.toLowerCase() === b.name.toLowerCase();

/** The JSON a primitive's values take: Int32 and Double are both numbers. */
const jsonShape = (t: Extract<TypeRef, { kind: 'primitive' }>) => (jsonKind(t.name) === 'integer' ? 'number' : jsonKind(t.name));

/**
 * Whether no value of one type can be a value of the other: a string and a list of strings, a number and a
 * string. A named type is a string (an enum) or an object (a complex type), not known before types resolve.
 */
function disjoint(a: TypeRef, b: TypeRef): boolean {
  if (a.collection !== b.collection) return true;
  if (a.kind === 'primitive' && b.kind === 'primitive') return jsonShape(a) !== jsonShape(b);
  if (a.kind === 'primitive') return jsonShape(a) !== 'string';
  if (b.kind === 'primitive') return jsonShape(b) !== 'string';
  return false;
}

/**
 * Adds to each request property the resource row's constraints of kinds its own row does not state, and the
 * row's type where no value could be of both.
 */
export function fillFromResource(properties: Property[], resource: ComplexType): void {
  const rows = new Map(resource.properties.map((p) => [p.name.toLowerCase(), p]));
  for (const p of properties) {
    const row = rows.get(p.name.toLowerCase());
    if (!row) continue;
    if (disjoint(p.type, row.type)) p.resourceType = { type: structuredClone(row.type), source: row.source };
    if (!sameShape(p.type, row.type)) continue;
    const stated = new Set(p.constraints.map((c) => c.kind));
    for (const c of row.constraints) {
      // The type column's own formats are already derived from the request row's type.
      if (!lendable(c) || stated.has(c.kind) || c.rule === 'primitive-format') continue;
      p.constraints.push(structuredClone(c));
    }
  }
}
