/** Shared expectations on one exchange: the documented success response, a client error, the error envelope. */
import type { ResponseSpec } from '../../generator/spec/ir.js';
import { describeResponse, type Exchange, jsonOf } from '../certify/exchange.js';
import type { Violation } from './check.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The documented status; no body when the docs promise none, a JSON object when they name a resource. */
export function expectSuccess(ex: Exchange, doc: ResponseSpec): Violation | undefined {
  const { response } = ex;
  const promise = doc.bodyType
    ? `${doc.status} ${doc.statusText} with a ${doc.bodyType} object in the body`
    : `${doc.status} ${doc.statusText} with an empty body`;
  if (response.status !== doc.status) return { received: describeResponse(response), expected: promise, exchanges: [ex] };
  if (!doc.bodyType && response.text !== '') return { received: describeResponse(response), expected: promise, exchanges: [ex] };
  if (doc.bodyType && !isObject(jsonOf(response))) return { received: describeResponse(response), expected: promise, exchanges: [ex] };
  return undefined;
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
