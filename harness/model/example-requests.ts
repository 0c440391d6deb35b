/**
 * The page's own example requests as a run sends them: the examples phase sends each one it can, and a
 * setup create makes its resource from the first (a shape the page shows working, whatever the seed).
 */
import { buildContract } from '../../generator/emit/contract.js';
import { type Contract, validateWith } from '../../generator/emit/runtime.js';
import type { Example, OperationSpec } from '../../generator/ir/ir.js';
import { isObject } from './is-object.js';

/** A `{name}` placeholder left in a string of the body: a value the page leaves to the reader. */
const PLACEHOLDER = /\{[^{}\s"]+\}/;

/** Body keys whose value names another resource by the page's own id. */
const REFERENCE_KEY = /@odata\.(bind|id)$/;

/**
 * Why the example cannot be sent as a valid request of the run, or undefined: a body its own page's validator
 * refuses (a doc bug or a rule read too narrowly, which `generate` reports), a placeholder the run has no
 * value for, or a reference to a resource by the page's id, which no server under test holds. `strict`: an
 * example outside a rule the page only advises is not sent either (the examples phase fails a refusal; a
 * setup create falls back to a generated body when refused, so it may try the page's own).
 */
export function unsendable(
  contract: Contract,
  body: Record<string, unknown>,
  bound: Readonly<Record<string, string>>,
  options: { strict?: boolean } = {},
): string | undefined {
  const result = validateWith(contract, body);
  if (!result.valid) {
    const e = result.errors[0]!;
    // A doc bug, or a rule read too narrowly: either way not a request every reading allows.
    return `the page's own validator refuses the example at ${e.path || '/'} (${e.rule}, ${e.source}), so it is not sent as valid`;
  }
  // Outside a rule the page only advises, or one its example contradicts (kept as advice): a server holding
  // the rule may refuse it, so it is not a request every reading allows.
  const strict = options.strict ? validateWith(contract, body, { strict: true }) : result;
  if (!strict.valid) {
    const e = strict.errors[0]!;
    return `the example is outside a rule the page states as advice at ${e.path || '/'} (${e.rule}, ${e.source}), so it is not sent as valid`;
  }
  const text = JSON.stringify(body);
  const placeholder = PLACEHOLDER.exec(text)?.[0];
  if (placeholder) return `the example leaves ${placeholder} to the reader, and the run has no value for it`;
  const reference = Object.keys(body).find((k) => REFERENCE_KEY.test(k) && !(k in bound));
  if (reference) return `the example's ${reference} names a resource by the page's id, which no server under test holds`;
  return undefined;
}

/** The example body with what the run bound in place (`@odata.id` of a reference add, from its parameters). */
export function filled(body: Record<string, unknown>, bound: Readonly<Record<string, string>>): Record<string, unknown> {
  return { ...body, ...Object.fromEntries(Object.entries(bound).filter(([k]) => k in body)) };
}

/** The page's example requests of this operation that carry a JSON object. */
export function requestExamples(spec: OperationSpec): (Example & { request: { body: Record<string, unknown> } })[] {
  return spec.examples.filter(
    (e): e is Example & { request: { body: Record<string, unknown> } } =>
      !!e.request && (e.request.method === undefined || e.request.method === spec.http.method) && isObject(e.request.body),
  );
}

/** The first example body of the page a run can send as valid, its bound values in place. */
export function sendableExample(
  spec: OperationSpec,
  bound: Readonly<Record<string, string>> = {},
): { name: string; body: Record<string, unknown> } | undefined {
  const contract = buildContract(spec);
  for (const ex of requestExamples(spec)) {
    const body = filled(ex.request.body, bound);
    if (!unsendable(contract, body, bound)) return { name: ex.name, body };
  }
  return undefined;
}
