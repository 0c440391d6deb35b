/** Shared expectations on one exchange: the documented success response, a client error, the error envelope. */
import { type Contract, validateWith } from '../../generator/emit/runtime.js';
import type { OperationSpec, ResponseSpec, SourceRef } from '../../generator/ir/ir.js';
import { describeResponse, type Exchange, jsonOf } from '../model/exchange.js';
import type { Tolerance } from '../arbitraries/values.js';
import type { Violation } from './check.js';
import { valueAt } from '../../generator/ir/json-pointer.js';
import { isObject } from '../model/is-object.js';

export { isObject };

/** `application/json`, with parameters (`;odata.metadata=minimal`), or a `+json` type. */
const JSON_MEDIA_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Statuses whose response has no body by HTTP's own rules. */
const BODILESS = new Set([204, 205, 304]);

const NONE: ReadonlySet<string> = new Set();

/**
 * The documented status; a JSON object when the docs name a resource, no body for a 204. A status the docs
 * give without naming a body (a 302, a 200 read from the example's status line) says nothing of the body.
 * Each failure has its kind; `known` kinds are looked past (a wrong success status, then the body of it).
 */
export function expectSuccess(ex: Exchange, doc: ResponseSpec, known: ReadonlySet<string> = NONE): Violation | undefined {
  const { response } = ex;
  const empty = !doc.bodyType && BODILESS.has(doc.status);
  const promise = doc.bodyType
    ? `${doc.status} ${doc.statusText} with a ${doc.bodyType} object in the body`
    : `${doc.status} ${doc.statusText}${empty ? ' with an empty body' : ''}`;
  const wrong = (kind: string, v: Omit<Violation, 'exchanges' | 'kind'>): Violation | undefined =>
    known.has(kind) ? undefined : { ...v, kind, exchanges: [ex] };
  if (response.status !== doc.status) {
    // Past a known wrong status, only a claimed success says anything of the documented body.
    if (!known.has('status') || response.status < 200 || response.status > 299)
      return wrong('status', { received: describeResponse(response), expected: promise });
  }
  // The body's own promise, whatever the status: it is reported apart from a wrong status.
  const bodyPromise = doc.bodyType ? `a ${doc.bodyType} object in the body` : 'an empty body';
  if (empty && response.text !== '') return wrong('body', { received: describeResponse(response), expected: bodyPromise });
  const body = doc.bodyType ? jsonOf(response) : undefined;
  if (doc.bodyType && !isObject(body)) return wrong('body', { received: describeResponse(response), expected: bodyPromise });
  // A JSON object labelled as something else is not one to a client: SDKs parse by the media type.
  const type = response.headers['content-type'];
  if (doc.bodyType && !JSON_MEDIA_TYPE.test(type ?? '')) {
    const v = wrong('content-type', {
      received: `${response.status} with Content-Type ${type === undefined ? '(none)' : JSON.stringify(type)}`,
      expected: `${bodyPromise}, as JSON (Content-Type: application/json)`,
    });
    if (v) return v;
  }
  // A collection is Graph's envelope: `{ "value": [ … ] }`, each item the resource.
  if (doc.bodyCollection && !Array.isArray((body as Record<string, unknown>).value))
    return wrong('body', {
      received: describeResponse(response),
      expected: `{ "value": [ … ] } in the body, a collection of ${doc.bodyType} objects`,
    });
  return undefined;
}

/**
 * The documented response an answer is judged by: a 2xx the page gives with a condition ("200 OK when
 * updating allowExternalSenders") when that status was answered, since conditions are shown, never
 * enforced; else the unconditional success `doc`.
 */
export function answeredResponse(spec: OperationSpec, doc: ResponseSpec, status: number): ResponseSpec {
  if (status === doc.status) return doc;
  return spec.responses.find((r) => r.condition && r.status === status && r.status >= 200 && r.status < 300) ?? doc;
}

/** `expectSuccess` against the documented response the answer's status names (see `answeredResponse`). */
export function expectDocumentedSuccess(ex: Exchange, spec: OperationSpec, doc: ResponseSpec, known?: ReadonlySet<string>): Violation | undefined {
  return expectSuccess(ex, answeredResponse(spec, doc, ex.response.status), known);
}

/** `file:line` (a contract's citation) as a source position. */
function sourceAt(at: string): SourceRef | undefined {
  const i = at.lastIndexOf(':');
  const line = Number(at.slice(i + 1));
  return i > 0 && Number.isInteger(line) ? { file: at.slice(0, i), line, column: 1 } : undefined;
}

/**
 * A success body held to the documented resource type (JSON types, nullability, enums, formats of its page,
 * in response mode: more properties than documented are fine). The violation cites the line of the rule.
 */
export function expectResourceBody(
  ex: Exchange,
  contract: Contract | undefined,
  doc: ResponseSpec,
  requestEnums: ReadonlyMap<string, readonly unknown[]> = new Map(),
): Violation | undefined {
  const body = jsonOf(ex.response);
  if (!contract || !isObject(body)) return undefined;
  const allowed = enumValues(contract);
  const result = validateWith(contract, body);
  if (result.valid) {
    // A value outside what only a strict reading holds: a rule the docs only advise ("The URL for …"), or the
    // letter case of an allowed value ("HiddenMembership" where the resource page writes "Hiddenmembership").
    // A warning, a failure only when strict.
    const strict = validateWith(contract, body, { strict: true });
    if (strict.valid) return undefined;
    const e = strict.errors[0]!;
    const value = valueAt(body, e.path);
    const recased = typeof value === 'string' && allowed.get(e.source)?.some((v) => typeof v === 'string' && v.toLowerCase() === value.toLowerCase()) === true;
    return {
      received: `${describeResponse(ex.response, 120)}: at ${e.path || '/'}, ${e.message}`,
      expected: `a ${doc.bodyType}${doc.bodyCollection ? ' collection' : ''} as its page documents it`,
      source: sourceAt(e.source),
      tolerance: recased ? 'letter-case' : 'advisory',
      exchanges: [ex],
    };
  }
  // A reading a server may follow, a warning unless a real error comes with it: a value the operation's own
  // request table allows that the resource page does not list (`""` for visibility).
  const tolerance = (e: (typeof result.errors)[number]): Tolerance | undefined => {
    const value = valueAt(body, e.path);
    if ((typeof value !== 'string' && value !== null) || !allowed.has(e.source)) return undefined;
    const key = /\/([^/]+)$/.exec(e.path)?.[1] ?? '';
    return requestEnums.get(key)?.includes(value) ? 'request-page-value' : undefined;
  };
  const e = result.errors.find((x) => !tolerance(x)) ?? result.errors[0]!;
  const tolerated = result.errors.every(tolerance) ? tolerance(e) : undefined;
  return {
    received: `${describeResponse(ex.response, 120)}: at ${e.path || '/'}, ${e.message}`,
    expected: `a ${doc.bodyType}${doc.bodyCollection ? ' collection' : ''} as its page documents it`,
    source: sourceAt(e.source),
    ...(tolerated ? { tolerance: tolerated } : {}),
    exchanges: [ex],
  };
}

/**
 * The allowed values by property name that request tables give for a resource type, for
 * `expectResourceBody`: the operation's own, and those of other operations of the run that send the same
 * resource (a list's groups were made by the create beside it).
 */
export function requestEnums(specs: readonly OperationSpec[], type: string | undefined): Map<string, readonly unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const spec of specs) {
    if (spec !== specs[0] && spec.requestBody.resource?.toLowerCase() !== type?.toLowerCase()) continue;
    for (const p of spec.requestBody.properties)
      for (const c of p.constraints) if (c.kind === 'enum') out.set(p.name, [...(out.get(p.name) ?? []), ...c.values]);
  }
  return out;
}

/** Allowed values of every enum rule of a contract, by the rule's `file:line`. */
function enumValues(contract: Contract): Map<string, readonly (string | number | null)[]> {
  const out = new Map<string, readonly (string | number | null)[]>();
  for (const [, p] of [...contract.properties, ...contract.types.flatMap(([, t]) => t.properties)])
    for (const k of p.checks) if (k.kind === 'enum') out.set(k.source, k.values);
  return out;
}

/** A 4xx status (`statuses` narrows it, e.g. to 401). */
export function expectClientError(ex: Exchange, why: string, statuses?: number[]): Violation | undefined {
  const s = ex.response.status;
  const ok = statuses ? statuses.includes(s) : s >= 400 && s < 500;
  if (ok) return undefined;
  const wanted = statuses ? statuses.join(' or ') : 'a 4xx status';
  return { received: describeResponse(ex.response), expected: `${wanted}: ${why}`, exchanges: [ex] };
}

/** Graph's error body: `{ "error": { "code": string, "message": string } }`. */
export function expectErrorEnvelope(ex: Exchange): Violation | undefined {
  const body = jsonOf(ex.response);
  const error = isObject(body) ? body.error : undefined;
  if (isObject(error) && typeof error.code === 'string' && typeof error.message === 'string') return undefined;
  return {
    received: describeResponse(ex.response),
    expected: 'a Graph error body { "error": { "code": "…", "message": "…" } }',
    exchanges: [ex],
  };
}
