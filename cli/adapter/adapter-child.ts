/**
 * The process a client adapter runs in (`docspec certify client --adapter MODULE`), started by
 * adapter-process.ts under Node's permission model. Before the adapter module is imported, every way out is
 * closed (guards.ts) but one: msw catches all HTTP (fetch, node:http and https) and forwards each request to
 * the recorder in docspec's process, whose answer goes back to the client. What the checks judge is what
 * reached the recorder; this process only tells how each call ended and what else the adapter tried.
 *
 * Messages: parent → `init`, `call`, `finish`; child → `ready` | `load-error`, `done`, `late`. After `finish`
 * the process stays up for as long as the adapter keeps work pending (timers, requests) and then ends by
 * itself, so whatever the adapter does after its last call is seen however slow the machine is.
 */
import { pathToFileURL } from 'node:url';
// The http namespace alone: msw's main entry also loads its GraphQL support, a tenth of a second per process.
import { http } from 'msw/core/http';
import { setupServer } from 'msw/node';
import { type Dispatcher, request as forward } from 'undici';
import type { Observation } from '../../harness/checks/client/client-check.js';
import type { Intent, Scenario } from '../../harness/model/intent.js';
import type { ClientAdapter } from '../../harness/run/certify-client.js';
import { describeThrown, portable, sentRequest } from '../../harness/transport/client-wire.js';
import { closeTheWayOut } from './guards.js';
import { FORWARDED } from './recorder.js';

export interface ChildInit {
  type: 'init';
  module: string;
  /** Service root handed to the adapter: requests under it are the documented ones. */
  baseUrl: string;
  /** The recorder's origin (`http://127.0.0.1:PORT`): every request goes there, and nothing else may connect. */
  recorder: string;
}
export interface ChildCall {
  type: 'call';
  id: number;
  intent: Intent;
  scenario: Scenario;
  token: string;
}
export type ParentMessage = ChildInit | ChildCall | { type: 'finish' };
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  | { type: 'done'; id: number; ended: CallEnd }
  /** After `finish`: what the adapter did after its last call, sent as it happens, until the process ends. */
  | { type: 'late'; incidents: string[] };

/** How a call ended, as this process saw it; the requests of it are the recorder's to tell. */
export type CallEnd = Pick<Observation, 'outcome' | 'error' | 'returned' | 'incidents'>;

/** A file adapter also gets `userId`, the first path parameter's value (the contract's first version). */
type Adapter = (args: Parameters<ClientAdapter>[0] & { userId?: string }) => Promise<unknown>;

// Kept before the adapter loads: what it does to `process.send` does not change what this process tells.
const send = (
  (bound) => (m: ChildMessage) =>
    bound?.(m)
)(process.send?.bind(process));

let init: ChildInit | undefined;
let adapter: Adapter | undefined;
/** What the adapter did besides HTTP during the call in progress. */
let current: string[] | undefined;
/** What it did between calls (a late rejection, a socket): told with the next call. */
let between: string[] = [];
let inflight = 0;
let idle: (() => void) | undefined;

/** Set once the last call is over: from then on every incident goes to the parent at once. */
let finishing = false;

const incident = (what: string) => {
  if (current) current.push(what);
  else if (finishing) send({ type: 'late', incidents: [what] });
  else between.push(what);
};

/** Headers a forwarding request may not carry as given (undici sets or refuses them); the recorder gets them all in `FORWARDED`. */
const HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer', 'proxy-connection']);

const server = setupServer(
  http.all('*', async ({ request }) => {
    inflight++;
    try {
      const sent = await sentRequest(request);
      const headers: Record<string, string> = { [FORWARDED]: encodeURIComponent(JSON.stringify({ url: sent.url, headers: sent.headers })) };
      for (const [name, value] of Object.entries(sent.headers)) if (!HOP.has(name)) headers[name] = value;
      const answer = await forward(`${init!.recorder}${new URL(sent.url).pathname}`, {
        method: sent.method as Dispatcher.HttpMethod,
        headers,
        body: sent.body,
      });
      const text = await answer.body.text();
      const type = answer.headers['content-type'];
      return new Response(text === '' ? null : text, { status: answer.statusCode, headers: typeof type === 'string' ? { 'content-type': type } : {} });
    } catch {
      // The recorder is gone (the run is ending): to the client, a network error.
      return Response.error();
    } finally {
      inflight--;
      if (inflight === 0) idle?.();
    }
  }),
);

/** Until every request the adapter started has been answered, and the answers delivered. */
async function settled(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) {
    if (inflight > 0) await new Promise<void>((resolve) => (idle = resolve));
    await new Promise((resolve) => setImmediate(resolve));
  }
  idle = undefined;
}

async function call(m: ChildCall): Promise<void> {
  const incidents = between;
  current = incidents;
  between = [];
  let outcome: Observation['outcome'] = 'resolved';
  let error: string | undefined;
  let returned: unknown;
  try {
    const { operation, params, body } = m.intent;
    // `userId` is the first path parameter's value: adapters written for the first version of the contract read it.
    const userId = Object.values(params)[0];
    returned = portable(await adapter!({ baseUrl: init!.baseUrl, operation, params, userId, ...(body ? { body } : {}), token: m.token }));
  } catch (e) {
    outcome = 'rejected';
    error = describeThrown(e);
  }
  await settled();
  current = undefined;
  send({ type: 'done', id: m.id, ended: { outcome, error, incidents, ...(outcome === 'resolved' ? { returned } : {}) } });
}

process.on('unhandledRejection', (e) => incident(`an unhandled rejection: ${describeThrown(e)}`));
// Thrown from a timer or an event of the adapter's: reported, and the process goes on to the next call.
process.on('uncaughtException', (e) => incident(`an uncaught exception: ${describeThrown(e)}`));

process.on('message', async (m: ParentMessage) => {
  if (m.type === 'init') {
    init = m;
    const recorder = new URL(m.recorder);
    closeTheWayOut({ host: recorder.hostname, port: Number(recorder.port) }, incident);
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      const loaded = (await import(pathToFileURL(m.module).href)) as { default?: unknown };
      if (typeof loaded.default !== 'function') {
        send({ type: 'load-error', message: 'must default-export a function ({ baseUrl, operation, params, userId, body, token }) => Promise<unknown>' });
        return;
      }
      adapter = loaded.default as Adapter;
      send({ type: 'ready' });
    } catch (e) {
      send({
        type: 'load-error',
        message: `threw on import: ${
          describeThrown(e)
            .replace(/^Error: /, '')
            .split('\n')[0]
        }`,
      });
    }
  } else if (m.type === 'call') {
    await call(m);
  } else {
    // No waiting for stragglers by the clock: the channel no longer keeps this process alive, so it ends when
    // the adapter has nothing left to do, and everything it does until then is reported as it happens. The
    // parent ends it if that takes longer than a call may.
    finishing = true;
    const sofar = between;
    between = [];
    if (sofar.length) send({ type: 'late', incidents: sofar });
    process.channel?.unref();
  }
});

// docspec gone (ended, or killed without the chance to end this process): nothing is left to answer to.
process.on('disconnect', () => {
  if (!finishing) process.exit(0);
});
