/**
 * What the resource's create requires, carried over to its update. A property the create page marks
 * "Required." (a group's `mailNickname`) is one a server may refuse to clear: no reading of the docs says an
 * update may set it to null or "", so certification never sends such a clear as valid. The update page is
 * often silent on it (its table marks every property optional); the create page of the same collection, in
 * the same run, is what says so.
 */
import { sentRequired } from '../../generator/ir/enforced.js';
import type { Constraint, OperationSpec } from '../../generator/ir/ir.js';
import { creatorsOf } from './operation-links.js';
import { operationKind } from './operation-kind.js';

/** `spec` with a `requiredOnCreate` constraint on each property its create requires; `spec` itself when none. */
export function withCreateRequirements(spec: OperationSpec, related: readonly OperationSpec[] | undefined): OperationSpec {
  if (!related?.length || operationKind(spec) !== 'update') return spec;
  // The resource's own create: the one making the collection of the last parameter of the path.
  const creator = creatorsOf(
    spec,
    related.filter((s) => operationKind(s) === 'create'),
  ).at(-1);
  if (!creator) return spec;
  const required = new Map<string, Constraint>();
  // What the create's own validator binds: the same reading of "Required." as its bodies get.
  for (const p of creator.requestBody.properties) {
    const c = sentRequired(p, creator.http.method);
    if (c) required.set(p.name, c);
  }
  let changed = false;
  const properties = spec.requestBody.properties.map((p) => {
    const c = required.get(p.name);
    if (!c || p.constraints.some((x) => x.kind === 'requiredOnCreate')) return p;
    changed = true;
    return {
      ...p,
      constraints: [...p.constraints, { kind: 'requiredOnCreate', rule: 'required-on-create', sentence: c.sentence, source: c.source } satisfies Constraint],
    };
  });
  return changed ? { ...spec, requestBody: { ...spec.requestBody, properties } } : spec;
}
