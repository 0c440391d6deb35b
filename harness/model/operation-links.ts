/**
 * How the operations of one run feed each other, read from their path templates alone: a create at
 * `/groups` makes the resource `/groups/{id}` addresses (its answer's `id`), and an add of a reference at
 * `/groups/{id}/members/$ref` puts in place the reference a `DELETE /groups/{id}/members/{id}/$ref` removes.
 */
import type { OperationSpec } from '../../generator/ir/ir.js';
import { templateShape } from '../../generator/ir/path-templates.js';
import { type OperationKind, operationKind } from './operation-kind.js';
import { addresses } from './target.js';

/** The first path of a spec, as its checks address it. */
export const mainTemplate = (spec: OperationSpec) => addresses(spec)[0]?.template ?? spec.http.paths[0]?.template ?? '';

/**
 * For each path parameter of `spec`'s main template (by position), the create of `creates` whose
 * collection that parameter is the key of: `/groups/{id}/members/$ref`'s first parameter ← POST `/groups`.
 */
export function creatorsOf(spec: OperationSpec, creates: readonly OperationSpec[]): (OperationSpec | undefined)[] {
  const segments = templateShape(mainTemplate(spec)).split('/');
  const out: (OperationSpec | undefined)[] = [];
  segments.forEach((segment, i) => {
    if (segment !== '{}') return;
    const collection = segments.slice(0, i).join('/');
    // Only a create of the same variant: a run addresses one service root (`…/v1.0` or `…/beta`).
    out.push(creates.find((c) => c !== spec && c.variant === spec.variant && templateShape(mainTemplate(c)) === collection));
  });
  return out;
}

/** The operation that adds the reference a reference delete removes (same collection, `…/$ref`). */
export function linkFor(spec: OperationSpec, specs: readonly OperationSpec[]): OperationSpec | undefined {
  if (operationKind(spec) !== 'delete') return undefined;
  const m = /^(.*)\/\{\}\/\$ref$/.exec(templateShape(mainTemplate(spec)));
  if (!m) return undefined;
  return specs.find((s) => operationKind(s) === 'link' && s.variant === spec.variant && templateShape(mainTemplate(s)) === `${m[1]}/$ref`);
}

/** Run order: what makes resources first, what removes them last. */
export const KIND_ORDER: { readonly [K in OperationKind]: number } = { create: 0, read: 1, update: 2, action: 3, link: 4, delete: 5 };
