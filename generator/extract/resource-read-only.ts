/**
 * What the resource's own page (`resources/user.md`) says is read-only. A request table that lists one of
 * these contradicts it (the generated stub pages do), and drift uses it to say why a property left a table.
 */
import { diagnostic } from '../spec/diagnostic.js';
import type { Diagnostic, Property, ReadOnlyStatement } from '../spec/ir.js';
import { type ResourceLoader, resourcePageModel, typeFromPage } from './type-registry.js';

/** Undefined when the resource page is not at hand (so "none are read-only" is never claimed by mistake). */
export function resourceReadOnly(loader: ResourceLoader | undefined, resource: string): ReadOnlyStatement[] | undefined {
  const page = loader?.(resource);
  if (!page) return undefined;
  const def = typeFromPage(resourcePageModel(page), resource);
  if (def?.kind !== 'complex') return undefined;
  return def.properties.flatMap((p) =>
    p.constraints.flatMap((c) => (c.kind === 'readOnly' ? [{ property: p.name, rule: c.rule, sentence: c.sentence, source: c.source }] : [])),
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
        `The request table lists \`${p.name}\`, which the ${resource} resource page marks read-only (${s.source.file}:${s.source.line})`,
        p.source,
        `"${s.sentence}"`,
      ),
    ];
  });
}
