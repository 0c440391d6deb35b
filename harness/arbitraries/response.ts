/**
 * Documented response bodies, generated from the resource type the Response section names: every property
 * of the type's page with a value its rules allow (strings up to and at their maximum length, nulls where
 * allowed, nested types), `@odata.context` and sometimes `@odata.type`, and for a collection Graph's
 * `{ "value": [ … ] }` envelope. What a client is answered with, and what it must surface.
 */
import fc from 'fast-check';
import type { OperationSpec, ResponseSpec } from '../../generator/ir/ir.js';
import { versionSegment } from '../model/target.js';
import { validValue } from './values.js';
import { guid } from './text.js';

/** `group` → `groups`: the entity set an `@odata.context` names (Graph's collections are plural). */
const entitySet = (type: string) => (type.endsWith('s') ? type : `${type}s`);

/** One resource of the documented type, with an id. */
function resource(spec: OperationSpec, doc: ResponseSpec): fc.Arbitrary<Record<string, unknown>> {
  const def = doc.bodyType ? spec.types[doc.bodyType] : undefined;
  const type = `#microsoft.graph.${doc.bodyType ?? 'entity'}`;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  if (def?.kind === 'complex') for (const p of def.properties) if (p.name !== 'id') model[p.name] = validValue(p, { spec, depth: 0 });
  // Every documented property is present: a client must read each one it is given.
  return fc
    .tuple(guid, fc.record(model, { noNullPrototype: true }), fc.boolean())
    .map(([id, values, typed]) => ({ ...(typed ? { '@odata.type': type } : {}), id, ...values }));
}

/**
 * The body the documented success response carries, or undefined when it carries none (or names a type
 * docspec has no properties of, whose body is then the sent values and an id, as before).
 */
export function responseBodies(spec: OperationSpec, doc: ResponseSpec | undefined): fc.Arbitrary<Record<string, unknown>> | undefined {
  if (!doc?.bodyType || spec.types[doc.bodyType]?.kind !== 'complex') return undefined;
  // The service root of the page's own version: a beta client is answered from beta.
  const context = `https://graph.microsoft.com/${versionSegment(spec)}/$metadata#${entitySet(doc.bodyType)}`;
  if (doc.bodyCollection) return fc.array(resource(spec, doc), { maxLength: 3 }).map((value) => ({ '@odata.context': context, value }));
  return resource(spec, doc).map((r) => ({ '@odata.context': `${context}/$entity`, ...r }));
}
