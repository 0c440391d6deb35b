/**
 * Certifies a client of a documented operation: generates update intents, calls the client through its
 * adapter, catches what goes on the wire with msw (answering as the docs say, or with a Graph error), and
 * checks each request against the docs. Requests the docs do not describe are recorded and fail a check
 * even when the client swallows the failure.
 */
import { specProblems } from '../../generator/ir/spec-problems.js';
import fc from 'fast-check';
// The http namespace alone: msw's main entry also loads its GraphQL support, a tenth of a second per process.
import { http } from 'msw/core/http';
import { setupServer } from 'msw/node';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { parameterKeys } from '../../generator/ir/path-templates.js';
import { smallValidBody, validBody } from '../arbitraries/body.js';
import { responseBodies } from '../arbitraries/response.js';
import { pathParamValues } from '../arbitraries/path-params.js';
import type { ClientCheck, ClientContext, ClientHost, Observation } from '../checks/client/client-check.js';
import type { Intent, Scenario } from '../model/intent.js';
import { CLIENT_CHECKS } from '../checks/client/registry.js';
import { masked } from '../report/redact.js';
import { type CertifyReport, type CheckResult, verdictOf } from '../report/report.js';
import { DEFAULT_RUNS, DEFAULT_TOKEN } from './certify-server.js';
import { CertifyUsageError } from '../model/usage-problem.js';
import { EXPIRED, Watchdog } from '../transport/deadline.js';
import { copyJson } from '../model/json-copy.js';
import { answerCall, type CallRecord, type ClientTarget, describeThrown, portable, responseOf, sentRequest } from '../transport/client-wire.js';
import { operationKind, sendsBody } from '../model/operation-kind.js';
import { runCases, selectCases } from './run-case.js';
import { successResponse, versionSegment } from '../model/target.js';
import { sourceRef } from '../../generator/ir/source-ref.js';

/**
 * What a client under test is wrapped in: performs the operation with that client, resolves or rejects.
 * `params` holds the path parameters by name; `body` is absent for an operation that sends none.
 */
export type ClientAdapter = (args: {
  baseUrl: string;
  operation: string;
  params: Record<string, string>;
  body?: Record<string, unknown>;
  token: string;
}) => Promise<unknown>;

/**
 * Intents of the operation: a value for each path parameter of its first template that has any, a body, and
 * the documented response the harness answers with (a create's holding the values sent).
 */
function intentsOf(spec: OperationSpec, bodies: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Intent> {
  const template = spec.http.paths.find((p) => p.params.length > 0);
  const pathParams = template?.params ?? [];
  const keys = template ? parameterKeys(template) : [];
  const body = sendsBody(spec) ? bodies : fc.constant(undefined);
  const doc = successResponse(spec);
  const responses = responseBodies(spec, doc) ?? fc.constant(undefined);
  const def = doc?.bodyType ? spec.types[doc.bodyType] : undefined;
  const properties = new Set(def?.kind === 'complex' ? def.properties.map((p) => p.name) : []);
  const creates = operationKind(spec) === 'create';
  // Each parameter draws from what the docs allow in it (arbitraries/path-params.ts). One flat tuple: every layer of
  // nesting is drawn through on each of thousands of calls.
  return fc.tuple(body, responses, ...pathParams.map((p) => pathParamValues(spec, p))).map(([b, r, ...v]) => {
    const intent: Intent = { operation: spec.operation, params: Object.fromEntries(keys.map((k, i) => [k, v[i]!])) };
    if (b !== undefined) intent.body = b;
    // The new resource holds what was sent (where the type has the property).
    if (r !== undefined) intent.response = creates && b ? { ...r, ...Object.fromEntries(Object.entries(b).filter(([k]) => properties.has(k))) } : r;
    return intent;
  });
}

export interface CertifyClientOptions {
  spec: OperationSpec;
  /**
   * The adapter as a function, called in this process: msw catches its HTTP, but it shares the process (it can
   * end the run, or reach the network by other means). Give `adapterModule` instead for an adapter you do not
   * control.
   */
  adapter?: ClientAdapter;
  /**
   * The adapter in a host of its own instead, such as the CLI's `AdapterProcess` (cli/adapter/): a supervised
   * child process under Node's permission model whose requests are recorded as they reach docspec's
   * process, where anything else the adapter tries is refused and reported, and an exit, crash, hang or
   * unhandled rejection is a failed call, never the end of the run. The host is started by its owner and
   * ended here.
   */
  host?: ClientHost;
  /** Shown in the report (e.g. the adapter's module path). */
  adapterName?: string;
  runs?: number;
  seed?: number;
  token?: string;
  checks?: string[];
  /** A call of `adapter` that has not settled by then counts as never settling (default 10 s); a host has its own. */
  timeoutMs?: number;
  onResult?: (result: CheckResult, done: number, total: number) => void;
  reproduce?: (caseId: string, seed: number) => string[];
  registry?: readonly ClientCheck[];
}

/**
 * What a client under test is pointed at and answered with: the real service root (SDKs are tested with
 * their defaults, and msw keeps every request in-process) and the documented success.
 */
export function clientTarget(spec: OperationSpec): ClientTarget {
  const doc = successResponse(spec);
  return { baseUrl: `https://graph.microsoft.com/${versionSegment(spec)}`, success: { status: doc?.status ?? 204, body: !!doc?.bodyType } };
}

export function certifyClient(options: CertifyClientOptions): Promise<CertifyReport> {
  return masked(options, runClient);
}

async function runClient(options: CertifyClientOptions): Promise<CertifyReport> {
  const { spec, adapter } = options;
  if (spec?.kind !== 'operation') throw new CertifyUsageError({ code: 'not-an-operation' });
  // A spec handed over in code skips the CLI's loader: the same checks, so no case throws or stalls.
  const [problem] = specProblems(spec);
  if (problem) throw new CertifyUsageError({ code: 'unusable-spec', path: problem.path, message: problem.message });
  if (options.host === undefined && typeof adapter !== 'function') {
    throw new CertifyUsageError({ code: 'bad-adapter' });
  }
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) throw new CertifyUsageError({ code: 'bad-runs', runs });
  const seed = options.seed ?? (Math.random() * 2 ** 31) | 0;
  const token = options.token ?? DEFAULT_TOKEN;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const target = clientTarget(spec);
  const { baseUrl } = target;
  const started = performance.now();
  const stats = { requests: 0, retries: 0 };

  let current: CallRecord | undefined;
  const server = setupServer(
    http.all('*', async ({ request }) => {
      stats.requests++;
      const call = current;
      if (!call) return new Response(null, { status: 404 });
      return responseOf(answerCall(await sentRequest(request), call, target));
    }),
  );

  // One watchdog for the whole run instead of a timer per call (the transport's): it settles the call in
  // progress once it has run longer than timeoutMs.
  const watchdog = new Watchdog(timeoutMs);

  const call = async (intent: Intent, s: Scenario): Promise<Observation> => {
    current = { intent, scenario: s, exchanges: [], unhandled: [] };
    const mine = current;
    const flight = watchdog.start(false);
    try {
      // The adapter gets its own copy: a client that mutates its input must not change the expectation.
      const body = intent.body === undefined ? undefined : copyJson(intent.body);
      const returned = await watchdog.race(
        flight,
        adapter!({ baseUrl, operation: intent.operation, params: { ...intent.params }, ...(body ? { body } : {}), token }),
      );
      if (returned === EXPIRED) return { exchanges: mine.exchanges, unhandled: mine.unhandled, outcome: 'timeout' };
      return { exchanges: mine.exchanges, unhandled: mine.unhandled, outcome: 'resolved', returned: portable(returned) };
    } catch (e) {
      return { exchanges: mine.exchanges, unhandled: mine.unhandled, outcome: 'rejected', error: describeThrown(e) };
    } finally {
      watchdog.end(flight);
      current = undefined;
    }
  };

  const { host } = options;
  /**
   * Everything the adapter did besides HTTP, whichever call it came with: one done from a timer may surface
   * only during a later call (of a check that does not look at it), depending on how busy the machine is.
   */
  const incidents: string[] = [];
  const ctx: ClientContext = {
    spec,
    token,
    baseUrl,
    intents: intentsOf(spec, validBody(spec)),
    lightIntents: intentsOf(spec, smallValidBody(spec)),
    call: host
      ? async (intent, s) => {
          const o = await host.call(intent, s, token);
          stats.requests += o.exchanges.length + o.unhandled.length;
          incidents.push(...(o.incidents ?? []));
          return o;
        }
      : call,
  };
  if (!host) server.listen({ onUnhandledRequest: 'bypass' });
  try {
    const cases = selectCases(
      (options.registry ?? CLIENT_CHECKS).filter((c) => host || !c.needsHost).flatMap((c) => c.cases.call(c, ctx)),
      options.checks,
    );
    if (cases.length === 0) throw new CertifyUsageError({ code: 'no-check-matches', checks: options.checks ?? [] });
    const results = await runCases(cases, { runs, seed, reproduce: (k) => options.reproduce?.(k.id, seed) ?? [] }, options.onResult);
    // What the adapter did after its last call (a request sent late, a rejection) fails the run too.
    const after = host ? await host.finish() : [];
    if (after.length) {
      results.push({
        id: 'contained/after-the-last-call',
        check: 'contained',
        status: 'fail',
        // The documented request is the one thing the adapter may send: its line is what this breaks.
        source: sourceRef(spec.http.paths[0]?.source),
        sentence: `${spec.http.method} ${spec.http.paths[0]?.template ?? ''}`,
        message: `after its last call the adapter made ${after[0]}${after.length > 1 ? ` (and ${after.length - 1} more)` : ''}`,
        received: `after its last call the adapter made ${after[0]}`,
        expected: 'only the documented update request, during its call',
        runs: 0,
      });
    }
    // The contained check judges what its own calls brought; anything another check's call brought is
    // judged here, so the verdict does not depend on when a timer fired.
    const contained = results.filter((r) => r.check === 'contained');
    if (contained.length && contained.every((r) => r.status === 'pass') && incidents.length) {
      results.push(
        ...[
          {
            id: 'contained/during-other-calls',
            check: 'contained',
            status: 'fail' as const,
            source: sourceRef(spec.http.paths[0]?.source),
            sentence: `${spec.http.method} ${spec.http.paths[0]?.template ?? ''}`,
            message: `during the calls of other checks the adapter made ${incidents[0]}${incidents.length > 1 ? ` (and ${incidents.length - 1} more)` : ''}`,
            received: `the adapter made ${incidents[0]}`,
            expected: 'only the documented update request',
            runs: 0,
          },
        ],
      );
    }
    return {
      verdict: verdictOf(results),
      seed,
      runs,
      kind: 'client',
      operation: spec.operation,
      variant: spec.variant,
      target: options.adapterName ?? 'adapter',
      checks: results,
      stats: { ...stats, durationMs: Math.round(performance.now() - started) },
    };
  } finally {
    if (host) await host.kill();
    else server.close();
  }
}
