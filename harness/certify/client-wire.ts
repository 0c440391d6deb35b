/**
 * What both homes of a client adapter (this process, or its own supervised one) do with a request it sends:
 * answer the documented update as the scenario says, answer anything else as not documented, and record
 * either, so every check sees the same observation wherever the adapter ran.
 */
import type { Intent, Scenario } from '../checks/client/client-check.js';
import { type Exchange, headersOf } from './exchange.js';

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

/** Answers one request the adapter sent during `call`, recording it there. */
export async function answerCall(request: Request, call: CallRecord, target: ClientTarget): Promise<Response> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  if (!request.url.startsWith(`${target.baseUrl}/`)) {
    call.unhandled.push(`${request.method} ${request.url}`);
    return Response.json({ error: { code: 'docspec_Unhandled', message: 'not a documented request' } }, { status: 404 });
  }
  const response = answer(call.scenario, call.intent, target.success);
  const text = await response.clone().text();
  call.exchanges.push({
    request: { method: request.method, path: new URL(request.url).pathname, url: request.url, headers: headersOf(request.headers), body },
    response: { status: response.status, statusText: response.statusText, headers: headersOf(response.headers), text },
    attempts: 1,
  });
  return response;
}

function answer(scenario: Scenario, intent: Intent, success: ClientTarget['success']): Response {
  if (scenario.kind === 'error') return Response.json({ error: { code: scenario.code, message: scenario.message } }, { status: scenario.status });
  if (success.body) return Response.json({ id: intent.userId, ...intent.body }, { status: success.status });
  return new Response(null, { status: success.status });
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
