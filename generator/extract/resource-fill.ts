/**
 * The resource's own page (`resources/user.md`) often states what the request table leaves out ("Maximum
 * length is 128 characters" for `city`). Such a constraint applies to the request property when the
 * property's own row says nothing of that kind; it keeps the resource page's line as its source, so a
 * refusal cites where the rule is written.
 */
import { CONSTRAINT_KINDS } from '../ir/constraint-kinds.js';
import type { ComplexType, Constraint, Property, TypeRef } from '../ir/ir.js';

/**
 * Kinds a resource page's row can lend: value rules only. Read-only on the resource page is its own
 * statement (`resourceReadOnly`), and presence, caller and history kinds describe the page's operations,
 * not this request.
 */
const lendable = (c: Constraint) => CONSTRAINT_KINDS[c.kind].applies === 'value' && c.kind !== 'readOnly';

const sameShape = (a: TypeRef, b: TypeRef) => a.collection === b.collection && a.kind === b.kind && a.name.toLowerCase() === b.name.toLowerCase();

/** Adds to each request property the resource row's constraints of kinds its own row does not state. */
export function fillFromResource(properties: Property[], resource: ComplexType): void {
  const rows = new Map(resource.properties.map((p) => [p.name.toLowerCase(), p]));
  for (const p of properties) {
    const row = rows.get(p.name.toLowerCase());
    if (!row || !sameShape(p.type, row.type)) continue;
    const stated = new Set(p.constraints.map((c) => c.kind));
    for (const c of row.constraints) {
      // The type column's own formats are already derived from the request row's type.
      if (!lendable(c) || stated.has(c.kind) || c.rule === 'primitive-format') continue;
      p.constraints.push(structuredClone(c));
    }
  }
}
