/**
 * Sends requests to the implementation under test and absorbs transient failures: 429 and 503 (honouring
 * `Retry-After`), connection errors and timeouts are retried with bounded backoff. They are never reported
 * as nonconformance; when they persist the send throws `TransientError` and the verdict becomes
 * `inconclusive`.
 */
import type { Agent } from 'undici';
import { agentFor, agentTimedOut, EXPIRED, type Flight, ownAgent, Watchdog } from './deadline.js';
import { sendOnAgent, type WireAnswer } from './request-wire.js';
import { headersOf, type Send } from '../model/exchange.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff when the server gives no `Retry-After`; doubles each time. */
  baseDelayMs: number;
  /** Upper bound on any single wait, `Retry-After` included. */
  maxDelayMs: number;
  /** A request that has not answered by then counts as a transient failure. */
  timeoutMs: number;
  /**
   * Once the server has answered nothing (connection errors, timeouts) for this long, the transport gives up:
   * this send and every later one throw at once, so a server that died mid-run ends the run inconclusive in
   * seconds instead of every case retrying in turn (default 20 s). Throttling (429, 503) is an answer.
   */
  giveUpAfterMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 8, baseDelayMs: 50, maxDelayMs: 2000, timeoutMs: 10_000, giveUpAfterMs: 20_000 };

/** The implementation kept failing transiently (or could not be reached): no verdict is possible. */
export class TransientError extends Error {
  override name = 'TransientError';
}

/**
 * Headers every request carries (the `headers` option, such as an API gateway's key), unless the request
 * sets that header itself.
 */
export function withHeaders(send: Send, headers: Readonly<Record<string, string>> | undefined): Send {
  const extra = Object.entries(headers ?? {});
  if (!extra.length) return send;
  return (request) => {
    const own = new Set(Object.keys(request.headers).map((k) => k.toLowerCase()));
    const added = extra.filter(([k]) => !own.has(k.toLowerCase()));
    return send(added.length ? { ...request, headers: { ...request.headers, ...Object.fromEntries(added) } } : request);
  };
}

export interface TransportStats {
  requests: number;
  retries: number;
}

const TRANSIENT_STATUS = new Set([429, 503]);

/** Seconds or an HTTP date → milliseconds to wait (undefined when absent or unreadable). */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/**
 * Why a request failed, as one line (`connect ECONNREFUSED 127.0.0.1:9`): fetch wraps the network's error as
 * its cause, the dispatcher API throws it as it is.
 */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.message) return cause.message;
  if (cause?.code) return cause.code;
  return e instanceof Error ? e.message : String(e);
}

/** A response body as text (UTF-8, as `Response.text()`), read so that the caller can cut it off midway. */
async function bodyText(r: Response, onStart: (cancel: () => void) => void): Promise<string> {
  if (!r.body) return '';
  const reader = r.body.getReader();
  onStart(() => void reader.cancel().catch(() => {}));
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * A `Send` against `baseUrl` (the service root, e.g. `http://127.0.0.1:3000/v1.0`). Without `fetchImpl` it
 * sends on an undici Agent (request-wire.ts), which also closes the connections of requests that hang (see
 * deadline.ts). With `fetchImpl` (an in-process server's fetch, which msw intercepts, or a stand-in) it sends
 * through that, on `agent` where one is given; null gives every request an AbortSignal instead.
 */
export function fetchTransport(
  baseUrl: string,
  policy: RetryPolicy = DEFAULT_RETRY,
  stats?: TransportStats,
  fetchImpl?: typeof fetch,
  agent: Agent | null | undefined = fetchImpl ? agentFor(policy.timeoutMs) : ownAgent(policy.timeoutMs),
): Send {
  const root = baseUrl.replace(/\/+$/, '');
  const giveUpAfterMs = policy.giveUpAfterMs ?? 20_000;
  // When the server last stopped answering (undefined while it answers), and why the transport gave up.
  let silentSince: number | undefined;
  let gaveUp: string | undefined;
  const watchdog = new Watchdog(policy.timeoutMs);
  const origin = new URL(root).origin;
  /** One attempt; `onBody` learns how to cut the body off. */
  const attempt = (url: string, request: Parameters<Send>[0], flight: Flight, onBody: (cancel: () => void) => void): Promise<WireAnswer> => {
    if (!fetchImpl && agent) return sendOnAgent(agent, url, request, onBody);
    const init: RequestInit & { dispatcher?: unknown } = { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' };
    if (agent) init.dispatcher = agent;
    else init.signal = flight.controller!.signal;
    return (fetchImpl ?? fetch)(url, init).then(async (r) => ({
      status: r.status,
      statusText: r.statusText,
      headers: headersOf(r.headers),
      text: await bodyText(r, onBody),
    }));
  };
  return async (request) => {
    const url = `${root}${request.path}`;
    // The last guard, whatever a spec or a body binding held: every request goes to the service's own origin.
    if (!request.path.startsWith('/') || new URL(url).origin !== origin)
      throw new Error(`refusing to send ${request.method} ${request.path}: it would leave ${origin}`);
    if (gaveUp) throw new TransientError(gaveUp);
    let lastProblem = '';
    for (let attemptNo = 0; attemptNo <= policy.retries; attemptNo++) {
      if (stats) {
        stats.requests++;
        if (attemptNo > 0) stats.retries++;
      }
      let wait = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attemptNo);
      const sentAt = performance.now();
      const flight = watchdog.start(!agent);
      try {
        // The answer and its body, or the watchdog's word that they took too long (see deadline.ts).
        let cut: (() => void) | undefined;
        const answered = await watchdog.race(
          flight,
          attempt(url, request, flight, (cancel) => {
            cut = cancel;
            // Headers that came after the wait ended: nobody reads this body.
            if (flight.timedOut) cancel();
          }),
        );
        if (answered === EXPIRED) {
          // A body still trickling in (a byte at a time resets the Agent's body timeout) is cut off here, so
          // its connection closes instead of keeping the process alive after the verdict.
          cut?.();
          throw new Error('timed out');
        }
        silentSince = undefined;
        if (TRANSIENT_STATUS.has(answered.status)) {
          const after = retryAfterMs(answered.headers['retry-after'] ?? null);
          if (after !== undefined) wait = Math.min(policy.maxDelayMs, after);
          lastProblem = `answered ${answered.status}${answered.statusText ? ` ${answered.statusText}` : ''}`;
        } else {
          return {
            request: { ...request, url },
            response: { status: answered.status, statusText: answered.statusText, headers: answered.headers, text: answered.text },
            attempts: attemptNo + 1,
          };
        }
      } catch (e) {
        lastProblem = flight.timedOut || agentTimedOut(e) ? `no answer within ${policy.timeoutMs} ms` : networkReason(e);
        silentSince ??= sentAt;
        const silentMs = performance.now() - silentSince;
        if (silentMs >= giveUpAfterMs) {
          gaveUp = `${root} has not answered for ${Math.round(silentMs / 1000)} s (last: ${lastProblem}); giving up on the remaining requests`;
          throw new TransientError(gaveUp);
        }
      } finally {
        watchdog.end(flight);
      }
      if (attemptNo < policy.retries) await sleep(wait);
    }
    throw new TransientError(`${request.method} ${url}: ${lastProblem} (${policy.retries + 1} attempts)`);
  };
}

/**
 * The transport of a run: over HTTP to `baseUrl`, or through an in-process server's own fetch, where no
 * connection can hang and each request's signal is what ends a handler that never answers.
 */
export function transportFor(baseUrl: string, policy: RetryPolicy, stats: TransportStats | undefined, inProcess: { fetch: typeof fetch } | undefined): Send {
  return inProcess ? fetchTransport(baseUrl, policy, stats, inProcess.fetch, null) : fetchTransport(baseUrl, policy, stats);
}
