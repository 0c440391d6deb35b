/**
 * The process a client adapter runs in (`docspec certify client --adapter MODULE`). Before the adapter module
 * is imported, every way out is closed: msw answers all HTTP (fetch, node:http and https), and raw sockets
 * and DNS look-ups are refused and recorded with the host they were for. The adapter can end or crash this
 * process, never the run: the parent (adapter-process.ts) sees it exit and says what the adapter did.
 *
 * Messages: parent → `init`, `call`, `finish`; child → `ready` | `load-error`, `done`, `late`. After `finish`
 * the process stays up for as long as the adapter keeps work pending (timers, requests) and then ends by
 * itself, so whatever the adapter does after its last call is seen however slow the machine is.
 */
import childProcess from 'node:child_process';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import workerThreads from 'node:worker_threads';
// The http namespace alone: msw's main entry also loads its GraphQL support, a tenth of a second per process.
import { http } from 'msw/core/http';
import { setupServer } from 'msw/node';
import type { Observation } from '../../harness/checks/client/client-check.js';
import type { Intent, Scenario } from '../../harness/model/intent.js';
import type { ClientAdapter } from '../../harness/run/certify-client.js';
import { answerCall, type CallRecord, describeThrown, portable } from '../../harness/transport/client-wire.js';

export interface ChildInit {
  type: 'init';
  module: string;
  /** Service root handed to the adapter: requests under it are the documented ones. */
  baseUrl: string;
  success: { status: number; body: boolean };
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
  | { type: 'done'; id: number; observation: Observation }
  /** After `finish`: what the adapter did after its last call, sent as it happens, until the process ends. */
  | { type: 'late'; incidents: string[] };

/** A file adapter also gets `userId`, the first path parameter's value (the contract's first version). */
type Adapter = (args: Parameters<ClientAdapter>[0] & { userId?: string }) => Promise<unknown>;

const send = (m: ChildMessage) => process.send?.(m);

let init: ChildInit | undefined;
let adapter: Adapter | undefined;
/** The call in progress: what its adapter sent, and what else it did. */
let current: (CallRecord & { incidents: string[] }) | undefined;
/**
 * What happened between calls, told with the next call: requests sent after their call resolved (they fail
 * one-request) and anything else (a late rejection, a socket).
 */
let late: string[] = [];
let between: string[] = [];
let inflight = 0;
let idle: (() => void) | undefined;

/** Set once the last call is over: from then on every incident goes to the parent at once. */
let finishing = false;

const incident = (what: string) => {
  if (current) current.incidents.push(what);
  else if (finishing) send({ type: 'late', incidents: [what] });
  else between.push(what);
};

function closeTheWayOut(): void {
  // Raw sockets (net, and tls and http agents over it): nothing leaves the process but what msw answers.
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect() hands over its arguments normalised: [options, callback].
    const [first, second] = (Array.isArray(args[0]) ? args[0] : args) as [unknown, unknown];
    const where =
      typeof first === 'object' && first !== null
        ? `${(first as { host?: string }).host ?? (first as { path?: string }).path ?? 'localhost'}:${(first as { port?: number }).port ?? ''}`
        : `${typeof second === 'string' ? second : 'localhost'}:${String(first)}`;
    incident(`a socket to ${where} (refused: only the documented HTTP request may leave)`);
    process.nextTick(() => this.destroy(Object.assign(new Error(`docspec refused a connection to ${where}`), { code: 'ECONNREFUSED' })));
    return this;
  } as typeof connect;
  const refuseLookup = (name: string) =>
    function (this: unknown, host: unknown, ...rest: unknown[]) {
      incident(`a DNS look-up of ${String(host)} (refused)`);
      const callback = rest.find((r) => typeof r === 'function') as ((e: Error) => void) | undefined;
      const error = Object.assign(new Error(`docspec refused ${name} ${String(host)}`), { code: 'ECONNREFUSED' });
      if (callback) process.nextTick(() => callback(error));
      else return Promise.reject(error);
    };
  for (const fn of [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveTxt',
    'resolveSrv',
    'resolveNs',
    'reverse',
  ] as const) {
    Object.defineProperty(dns, fn, { value: refuseLookup(`dns.${fn}`), writable: true, configurable: true });
    if (fn in dns.promises) Object.defineProperty(dns.promises, fn, { value: refuseLookup(`dns.promises.${fn}`), writable: true, configurable: true });
  }
  // Another process or thread would start without these guards: the adapter may not start one.
  const refuseStart = (what: string) => () => {
    incident(`${what} (refused: the adapter may not start processes or threads)`);
    throw Object.assign(new Error(`docspec refused ${what}`), { code: 'EPERM' });
  };
  for (const fn of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
    Object.defineProperty(childProcess, fn, { value: refuseStart(`child_process.${fn}`), writable: true, configurable: true });
  }
  Object.defineProperty(workerThreads, 'Worker', { value: refuseStart('a worker thread'), writable: true, configurable: true });
  // Named imports (`import { lookup } from 'node:dns'`) see the patched functions too.
  syncBuiltinESMExports();
}

const server = setupServer(
  http.all('*', async ({ request }) => {
    inflight++;
    try {
      const call = current;
      if (!call) {
        const what = `${request.method} ${request.url} (sent after its call had resolved)`;
        if (finishing) send({ type: 'late', incidents: [`a request: ${what}`] });
        else late.push(what);
        return Response.json({ error: { code: 'docspec_Late', message: 'sent after the call resolved' } }, { status: 404 });
      }
      return await answerCall(request, call, init!);
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
  current = { intent: m.intent, scenario: m.scenario, exchanges: [], unhandled: late, incidents: between };
  late = [];
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
  const { exchanges, unhandled, incidents } = current;
  current = undefined;
  send({ type: 'done', id: m.id, observation: { exchanges, unhandled, outcome, error, incidents, ...(outcome === 'resolved' ? { returned } : {}) } });
}

process.on('unhandledRejection', (e) => incident(`an unhandled rejection: ${describeThrown(e)}`));
// Thrown from a timer or an event of the adapter's: reported, and the process goes on to the next call.
process.on('uncaughtException', (e) => incident(`an uncaught exception: ${describeThrown(e)}`));

process.on('message', async (m: ParentMessage) => {
  if (m.type === 'init') {
    init = m;
    closeTheWayOut();
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
    const sofar = [...late.map((r) => `a request: ${r}`), ...between];
    late = [];
    between = [];
    if (sofar.length) send({ type: 'late', incidents: sofar });
    process.channel?.unref();
  }
});
