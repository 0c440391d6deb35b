/**
 * What the resource's own page (`resources/user.md`) says is read-only. A request table that lists one of
 * these contradicts it (the generated stub pages do), and drift uses it to say why a property left a table.
 */
import { diagnostic } from '../ir/diagnostic.js';
import { isEnforced } from '../ir/enforced.js';
import type { ComplexType, Diagnostic, Property, ReadOnlyStatement } from '../ir/ir.js';
import { readable, type ResourceLoader, resourcePageModel, typeFromPage } from './type-registry.js';
import { sourceRef } from '../ir/source-ref.js';

/** The resource's complex type as its own page defines it; undefined when the page is not at hand. */
export function resourceType(loader: ResourceLoader | undefined, resource: string, link?: string): ComplexType | undefined {
  // A refused page is one not at hand; the type registry says why.
  const page = readable(loader?.(resource, link));
  if (!page) return undefined;
  const def = typeFromPage(resourcePageModel(page), resource);
  return def?.kind === 'complex' ? def : undefined;
}

/** Undefined when the resource page is not at hand (so "none are read-only" is never claimed by mistake). */
export function resourceReadOnly(def: ComplexType | undefined): ReadOnlyStatement[] | undefined {
  if (!def) return undefined;
  return def.properties.flatMap((p) =>
    // A conditional one ("Read-only when isBuiltIn is true") does not make the property read-only in general.
    p.constraints.flatMap((c) => (c.kind === 'readOnly' && isEnforced(c) ? [{ property: p.name, rule: c.rule, sentence: c.sentence, source: c.source }] : [])),
  );
}

export function checkReadOnlyInRequest(properties: Property[], readOnly: ReadOnlyStatement[], resource: string): Diagnostic[] {
  return properties.flatMap((p) => {
    const s = readOnly.find((r) => r.property.toLowerCase() === p.name.toLowerCase());
    if (!s) return [];
    return [
      diagnostic(
        'read-only-in-request',
        'warning',
        `The request table lists \`${p.name}\`, which the ${resource} resource page marks read-only (${sourceRef(s.source)})`,
        p.source,
        `"${s.sentence}"`,
      ),
    ];
  });
}
