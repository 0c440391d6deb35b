/**
 * What both homes of a client adapter (this process, or its own supervised one) do with a request it sends:
 * answer the documented update as the scenario says, answer anything else as not documented, and record
 * either, so every check sees the same observation wherever the adapter ran.
 */
import type { Intent, Scenario } from '../model/intent.js';
import { type Exchange, headersOf } from '../model/exchange.js';

/** Where a client is pointed and what a success looks like (see `clientTarget`). */
export interface ClientTarget {
  baseUrl: string;
  success: { status: number; body: boolean };
}

/** The call in progress, as the requests of it are recorded. */
export interface CallRecord {
  intent: Intent;
  scenario: Scenario;
  exchanges: Exchange[];
  unhandled: string[];
}

/** A request as it was sent, whichever way it was caught (msw in this process, or the loopback recorder). */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The answer to a request: what goes back to the client. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  text?: string;
}

/** Answers one request the adapter sent during `call`, recording it there. */
export function answerCall(sent: SentRequest, call: CallRecord, target: ClientTarget): Answer {
  if (!sent.url.startsWith(`${target.baseUrl}/`)) {
    call.unhandled.push(`${sent.method} ${sent.url}`);
    return {
      status: 404,
      headers: { 'content-type': 'application/json' },
      text: JSON.stringify({ error: { code: 'docspec_Unhandled', message: 'not a documented request' } }),
    };
  }
  const { status, text } = answer(call.scenario, call.intent, target.success);
  const headers: Record<string, string> = text === undefined ? {} : { 'content-type': 'application/json' };
  call.exchanges.push({
    request: { method: sent.method, path: servicePath(sent.url, target.baseUrl), url: sent.url, headers: sent.headers, body: sent.body },
    response: { status, statusText: '', headers, text: text ?? '' },
    attempts: 1,
  });
  return { status, headers, text };
}

/** A Fetch request as a `SentRequest`: its body read as text, where its method carries one. */
export async function sentRequest(request: Request): Promise<SentRequest> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  return { method: request.method, url: request.url, headers: headersOf(request.headers), body };
}

/** An answer as a Fetch response. */
export function responseOf(answer: Answer): Response {
  return new Response(answer.text ?? null, { status: answer.status, headers: answer.headers });
}

/**
 * The path of a URL under the service root: the part after the origin, up to any query or fragment. The
 * URL is a Request's, already parsed and normalised, so no second parse is needed.
 */
function servicePath(url: string, baseUrl: string): string {
  const slash = baseUrl.indexOf('/', baseUrl.indexOf('//') + 2);
  const origin = slash < 0 ? baseUrl : baseUrl.slice(0, slash);
  const end = url.search(/[?#]/);
  return url.slice(origin.length, end < 0 ? undefined : end);
}

function answer(scenario: Scenario, intent: Intent, success: ClientTarget['success']): { status: number; text?: string } {
  if (scenario.kind === 'error') return { status: scenario.status, text: JSON.stringify({ error: { code: scenario.code, message: scenario.message } }) };
  if (intent.response) return { status: success.status, text: JSON.stringify(intent.response) };
  if (success.body) {
    // The resource answered is the one addressed: its id is the last path parameter's value, when there is one.
    const id = Object.values(intent.params).at(-1);
    return { status: success.status, text: JSON.stringify({ ...(id !== undefined ? { id } : {}), ...intent.body }) };
  }
  return { status: success.status };
}

/**
 * What a call resolved to, as plain data that crosses a process boundary and compares as JSON: a Date is
 * its ISO string, a value object with a text form of its own (Kiota's DateOnly, TimeOnly, Duration) that
 * text, bytes base64, a Map an object; functions are left out and cycles cut.
 */
export function portable(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (depth > 16 || seen.has(value)) return '[cycle]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => portable(v, depth + 1, seen));
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), portable(v, depth + 1, seen)]));
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null && value.toString !== Object.prototype.toString) return String(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = portable(v, depth + 1, seen);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

/** A rejection or a thrown value as text, whatever it is: SDK errors are not always Errors, nor readable. */
export function describeThrown(e: unknown): string {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`;
    if (typeof e === 'object' && e !== null) {
      const message = (e as { message?: unknown }).message;
      if (typeof message === 'string' && message) return message;
      return JSON.stringify(e)?.slice(0, 300) ?? Object.prototype.toString.call(e);
    }
    return String(e);
  } catch {
    return 'a value that cannot be read (its properties throw)';
  }
}
