/** Shared expectations on one exchange: the documented success response, a client error, the error envelope. */
import { type Contract, validateWith } from '../../generator/emit/runtime.js';
import type { ResponseSpec, SourceRef } from '../../generator/spec/ir.js';
import { describeResponse, type Exchange, jsonOf } from '../certify/exchange.js';
import type { Violation } from './check.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Statuses whose response has no body by HTTP's own rules. */
const BODILESS = new Set([204, 205, 304]);

/**
 * The documented status; a JSON object when the docs name a resource, no body for a 204. A status the docs
 * give without naming a body (a 302, a 200 read from the example's status line) says nothing of the body.
 */
export function expectSuccess(ex: Exchange, doc: ResponseSpec): Violation | undefined {
  const { response } = ex;
  const empty = !doc.bodyType && BODILESS.has(doc.status);
  const promise = doc.bodyType
    ? `${doc.status} ${doc.statusText} with a ${doc.bodyType} object in the body`
    : `${doc.status} ${doc.statusText}${empty ? ' with an empty body' : ''}`;
  if (response.status !== doc.status) return { received: describeResponse(response), expected: promise, exchanges: [ex] };
  if (empty && response.text !== '') return { received: describeResponse(response), expected: promise, exchanges: [ex] };
  if (doc.bodyType && !isObject(jsonOf(response))) return { received: describeResponse(response), expected: promise, exchanges: [ex] };
  return undefined;
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
export function expectResourceBody(ex: Exchange, contract: Contract | undefined, doc: ResponseSpec): Violation | undefined {
  const body = jsonOf(ex.response);
  if (!contract || !isObject(body)) return undefined;
  const result = validateWith(contract, body);
  if (result.valid) return undefined;
  const e = result.errors[0]!;
  return {
    received: `${describeResponse(ex.response, 120)}: at ${e.path || '/'}, ${e.message}`,
    expected: `a ${doc.bodyType}${doc.bodyCollection ? ' collection' : ''} as its page documents it`,
    source: sourceAt(e.source),
    exchanges: [ex],
  };
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
