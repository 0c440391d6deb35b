/**
 * Certifies a server implementation of a documented operation: runs every registered check against a base
 * URL (real HTTP) or an in-process handler (through msw) and returns the report. Pure apart from the
 * network; the CLI prints and writes it.
 */
import { specProblems } from '../../generator/spec/spec-problems.js';
import type { OperationSpec } from '../../generator/spec/ir.js';
import type { CheckContext, Probe, ServerCheck } from '../checks/check.js';
import { SERVER_CHECKS } from '../checks/server/registry.js';
import { type InProcessHandler, serveInProcess } from '../msw/in-process.js';
import { tokenMasking } from '../report/redact.js';
import { type CertifyReport, type CheckResult, verdictOf } from '../report/report.js';
import { curlOf, describeResponse, jsonOf } from './exchange.js';
import { runCases, selectCases } from './run-case.js';
import { type Address, pathOf, primaryAddress, readRequest, type Target, updateRequest, versionSegment } from './target.js';
import { DEFAULT_RETRY, fetchTransport, type RetryPolicy, type Send, TransientError, type TransportStats } from './transport.js';

export interface CertifyServerOptions {
  spec: OperationSpec;
  /** Service root including the version segment, e.g. `http://127.0.0.1:8080/v1.0`. */
  baseUrl?: string;
  /** An in-process implementation, served through msw instead of a base URL. */
  handler?: InProcessHandler;
  /** An existing resource the run may update (the `{id}` of the path). */
  userId?: string;
  userPrincipalName?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Runs per case (default 100). */
  runs?: number;
  /** Same seed, same requests, same verdict (default: random, and reported). */
  seed?: number;
  /** Run only cases whose id equals or starts with one of these (`rejects-invalid`, `stateful`, …). */
  checks?: string[];
  retry?: Partial<RetryPolicy>;
  /** Called after each case, for progress output. */
  onResult?: (result: CheckResult, done: number, total: number) => void;
  /** Reproduction lines for a failing case (the CLI adds its own command line). */
  reproduce?: (caseId: string, seed: number) => string[];
  /** Checks to run instead of the registry (tests of the harness itself). */
  registry?: readonly ServerCheck[];
  /** Tolerated deviations (another letter case, a repeated flag, spaces) fail instead of warning. */
  strict?: boolean;
}

export const DEFAULT_RUNS = 100;
export const DEFAULT_TOKEN = 'docspec-certify';

/** A usage problem with the options (the CLI turns it into exit 2). */
export class CertifyUsageError extends Error {}

async function probe(target: Target): Promise<Probe> {
  const ex = await target.send(readRequest(target));
  const body = jsonOf(ex.response);
  if (ex.response.status === 200 && typeof body === 'object' && body !== null && !Array.isArray(body)) {
    return { readable: true, initial: body as Record<string, unknown> };
  }
  return { readable: false, reason: `GET ${ex.request.path} answered ${describeResponse(ex.response, 80)}` };
}

/**
 * What a run would send, worked out without a request: the cases the checks make (assuming GET answers) and
 * about how many requests they take (a stateful run sends a short sequence, counted as one). For the CLI's
 * line before it writes to a server that is not this machine.
 */
export function plannedRun(spec: OperationSpec, userId: string | undefined, runs: number): { cases: number; requests: number } {
  const address = primaryAddress(spec, userId);
  if (!address) return { cases: 0, requests: 0 };
  const offline = targetFor(spec, address, () => Promise.reject(new Error('planning sends nothing')), { userId });
  const cases = casesOf(SERVER_CHECKS, { target: offline, probe: { readable: true, initial: {} } }).filter((c) => c.skip === undefined);
  return { cases: cases.length, requests: cases.length * runs };
}

/** What every check addresses: the resource at `address`, reached through `send`. */
function targetFor(spec: OperationSpec, address: Address, send: Send, options: Pick<CertifyServerOptions, 'token' | 'userId' | 'userPrincipalName'>): Target {
  return {
    spec,
    send,
    token: options.token ?? DEFAULT_TOKEN,
    userId: options.userId,
    userPrincipalName: options.userPrincipalName,
    primary: address,
    primaryPath: pathOf(address.template, /\{/.test(address.template) ? options.userId : undefined),
  };
}

const casesOf = (registry: readonly ServerCheck[], ctx: CheckContext) => registry.flatMap((check) => check.cases.call(check, ctx));

/**
 * A run whose address names nothing would pass every negative case vacuously (a 404 is "a 4xx"): when
 * the addressed resource cannot be read and answers 404 to a GET and to an empty update alike, the run
 * stops before any case, naming the value that addresses nothing.
 */
async function mustExist(target: Target, id: string | undefined): Promise<void> {
  if (id === undefined || !/\{/.test(target.primary.template)) return;
  const read = await target.send(readRequest(target));
  if (read.response.status !== 404) return;
  const update = await target.send(updateRequest(target, {}));
  if (update.response.status !== 404) return;
  throw new CertifyUsageError(
    `--user-id ${JSON.stringify(id)} addresses nothing: GET and ${target.spec.http.method} ${target.primaryPath} both answered 404, so no case could tell a refused body from a missing resource`,
  );
}

export async function certifyServer(options: CertifyServerOptions): Promise<CertifyReport> {
  const { spec } = options;
  if (spec?.kind !== 'operation') throw new CertifyUsageError('the spec is not an operation spec (kind "operation")');
  // A spec handed over in code skips the CLI's loader: the same checks, so no case throws or stalls.
  const [problem] = specProblems(spec);
  if (problem) throw new CertifyUsageError(`not a usable spec: ${problem.path} ${problem.message}`);
  if (!!options.baseUrl === !!options.handler) throw new CertifyUsageError('give exactly one of baseUrl and handler');
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) throw new CertifyUsageError(`runs must be a positive integer, not ${runs}`);
  const seed = options.seed ?? (Math.random() * 2 ** 31) | 0;
  const address = primaryAddress(spec, options.userId);
  if (!address) throw new CertifyUsageError(`${spec.http.paths.map((p) => p.template).join(', ') || 'the spec has no path'}: needs a user id (--user-id)`);

  const started = performance.now();
  const stats: TransportStats = { requests: 0, retries: 0 };
  const inProcess = options.handler ? serveInProcess(options.handler, versionSegment(spec)) : undefined;
  const baseUrl = inProcess?.baseUrl ?? options.baseUrl!;
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const target = targetFor(spec, address, fetchTransport(baseUrl, policy, stats), options);
  // A token the caller gave is masked in every result and line the run reports.
  const { redact, onResult } = tokenMasking(options.token, options.onResult);
  const report = (checks: CheckResult[]): CertifyReport => ({
    verdict: verdictOf(checks),
    seed,
    runs,
    kind: 'server',
    operation: spec.operation,
    variant: spec.variant,
    target: inProcess ? 'in-process' : baseUrl,
    strict: options.strict === true,
    checks: redact(checks),
    stats: { ...stats, durationMs: Math.round(performance.now() - started) },
  });

  try {
    let ctx: CheckContext;
    try {
      // A short first contact: an unreachable server is reported in seconds, not after a full backoff.
      const first: Target = { ...target, send: fetchTransport(baseUrl, { ...policy, retries: Math.min(policy.retries, 3) }, stats) };
      ctx = { target, probe: await probe(first) };
      if (!ctx.probe.readable) await mustExist(first, options.userId);
    } catch (e) {
      if (!(e instanceof TransientError)) throw e;
      return report([{ id: 'reachable', check: 'reachable', status: 'inconclusive', message: `cannot reach ${baseUrl}: ${e.message}`, runs: 0 }]);
    }
    const cases = selectCases(casesOf(options.registry ?? SERVER_CHECKS, ctx), options.checks);
    if (cases.length === 0) throw new CertifyUsageError(`no check matches ${options.checks?.join(', ')}`);
    const results = await runCases(
      cases,
      {
        runs,
        seed,
        strict: options.strict,
        reproduce: (k, v) => [...(v.exchanges.length === 1 && !inProcess ? [curlOf(v.exchanges[0]!.request)] : []), ...(options.reproduce?.(k.id, seed) ?? [])],
      },
      onResult,
    );
    return report(results);
  } finally {
    inProcess?.close();
  }
}
