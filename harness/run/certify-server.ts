/**
 * Certifies a server implementation of a documented operation: runs every registered check against a base
 * URL (real HTTP) or an in-process handler (through msw) and returns the report. Pure apart from the
 * network; the CLI prints and writes it.
 */
import fc from 'fast-check';
import { specProblems } from '../../generator/ir/spec-problems.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { bindBody, bodyPlaceholders, smallBodies } from '../arbitraries/body-bindings.js';
import { type CheckContext, type Probe, type ServerCheck, skipped } from '../checks/check.js';
import { situationOf } from '../checks/server/documented-errors.check.js';
import { SERVER_CHECKS } from '../checks/server/registry.js';
import { type InProcessHandler, serveInProcess } from '../transport/in-process.js';
import { masked } from '../report/redact.js';
import { type CertifyReport, type CheckResult, firstAnswer, verdictOf } from '../report/report.js';
import { curlOf, describeResponse, jsonOf, type Send } from '../model/exchange.js';
import { notCertifiable, operationKind } from '../model/operation-kind.js';
import { CertifyUsageError, citation, type GivenValue, type UsageProblem } from '../model/usage-problem.js';
import { sourceRef } from '../../generator/ir/source-ref.js';
import { runCases, selectCases } from './run-case.js';
import {
  type Address,
  addresses,
  type ParamValues,
  parameterNames,
  primaryAddress,
  readRequest,
  resolve,
  paramValue,
  type Target,
  operationRequest,
  versionSegment,
} from '../model/target.js';
import { withIfMatch } from '../transport/if-match.js';
import type { CsdlModel } from '../../generator/read/csdl.js';
import { withMetadata } from '../model/metadata-nullability.js';
import { queryParameters, withRequiredQuery } from '../transport/required-query.js';
import { DEFAULT_RETRY, type RetryPolicy, TransientError, type TransportStats, transportFor, withHeaders } from '../transport/transport.js';

export interface CertifyServerOptions {
  spec: OperationSpec;
  /**
   * Microsoft's metadata (`readCsdl`): a body property it declares `Nullable="false"` is never sent as `null`
   * as valid, and accepting `null` there is a warning (see `withMetadata`).
   */
  metadata?: CsdlModel;
  /** Service root including the version segment, e.g. `http://127.0.0.1:8080/v1.0`. */
  baseUrl?: string;
  /** An in-process implementation, served through msw instead of a base URL. */
  handler?: InProcessHandler;
  /**
   * Path parameter values by name. `id` is the resource's own key: when no address resolves by name, it
   * fills the id form or the only parameter of a one-parameter path whatever that parameter is named. A
   * value for another alternative of a segment (`{id | name}`) addresses the resource by that alternative.
   */
  params?: Record<string, string>;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent with every request (an API gateway's key); masked like the token in everything reported. */
  headers?: Record<string, string>;
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
  /**
   * The addressed resource was made for this run (by a create of the same run): it is known to exist, so no
   * request is spent showing it. Says how it was made, for the report.
   */
  known?: string;
  /** The other operations of a run over several (see `Target.related`). */
  related?: readonly OperationSpec[];
  /**
   * The base URL is already served in-process (a run over several operations serves it once): the fetch that
   * reaches it.
   */
  servedInProcess?: { fetch: typeof fetch };
}

export const DEFAULT_RUNS = 100;
export const DEFAULT_TOKEN = 'docspec-certify';

async function probe(target: Target): Promise<Probe> {
  const ex = await target.send(readRequest(target));
  const body = jsonOf(ex.response);
  if (ex.response.status === 200 && typeof body === 'object' && body !== null && !Array.isArray(body)) {
    return { readable: true, initial: body as Record<string, unknown> };
  }
  return { readable: false, status: ex.response.status, reason: `GET ${ex.request.path} answered ${describeResponse(ex.response, 80)}` };
}

/**
 * The address the run uses and every parameter value, `id` standing for the resource's own key (or for a
 * one-parameter template's only parameter, whatever its name); or the parameters a usable address lacks.
 */
export function addressFor(
  spec: OperationSpec,
  options: Pick<CertifyServerOptions, 'params'>,
): { address: Address; values: ParamValues; path: string } | { missing: string[] } {
  const values: Record<string, string> = { ...options.params };
  const key = paramValue(['id'], values);
  const address = primaryAddress(spec, values, key);
  const first = addresses(spec)[0];
  if (!address) return { missing: first ? first.params.map((n) => n[0]!) : [] };
  if (key !== undefined && address.params.length === 1 && paramValue(address.params[0]!, values) === undefined) values[address.params[0]![0]!] = key;
  const at = resolve(address, values);
  return 'missing' in at ? at : { address, values, path: at.path };
}

/** What every check addresses: the resource at `address`, reached through `send`. */
export function targetFor(
  spec: OperationSpec,
  found: { address: Address; values: ParamValues; path: string },
  send: Send,
  options: Pick<CertifyServerOptions, 'token'>,
): Target {
  return {
    spec,
    send,
    token: options.token ?? DEFAULT_TOKEN,
    params: found.values,
    primary: found.address,
    primaryPath: found.path,
  };
}

/** Each check's cases, or one skipped case saying why the check does not apply to this kind of operation. */
export function casesOf(registry: readonly ServerCheck[], ctx: CheckContext) {
  const kind = operationKind(ctx.target.spec);
  return registry.flatMap((check) => {
    const applies = kind === undefined ? `docspec does not certify ${ctx.target.spec.http.method}` : check.kinds[kind];
    return applies === true ? check.cases.call(check, ctx) : [skipped(check, applies)];
  });
}

/**
 * A valid request answered with the status the docs give for a reference to nothing ("404 Not Found when
 * the object being added doesn't exist"): the value filling the body names no object, and no case of the
 * run could tell anything.
 */
function referenceToNothing(spec: OperationSpec, results: CheckResult[], bound: Record<string, string>): UsageProblem | undefined {
  const success = results.find((r) => r.id === 'success-status' && r.status === 'fail');
  const status = firstAnswer(success);
  const rule = spec.responses.find((r) => r.status === status && r.condition && situationOf(r.condition) === 'missing-reference');
  const placeholder = bodyPlaceholders(spec).find((p) => p.key in bound);
  if (!rule?.condition || !placeholder || status === undefined) return undefined;
  return {
    code: 'reference-to-nothing',
    param: placeholder.name,
    method: spec.http.method,
    key: placeholder.key,
    value: bound[placeholder.key]!,
    status,
    condition: rule.condition,
    ...(rule.source ? { source: sourceRef(rule.source)! } : {}),
  };
}

/** Parameter names a run may be given values for: the path parameters and the body's placeholders. */
export function knownParameters(spec: OperationSpec): string[] {
  return [...new Set([...parameterNames(spec), ...bodyPlaceholders(spec).map((p) => p.name), ...queryParameters(spec)])];
}

/** The values that fill an address, as given. */
function givenValues(address: Address, target: Target): GivenValue[] {
  return address.params.map((names) => ({ name: names[0]!, value: paramValue(names, target.params)! }));
}

/**
 * A run whose address names nothing would pass every negative case vacuously (a 404 is "a 4xx"). The
 * resource must be shown to exist: a GET reads it, or an empty update is accepted. Both answering 404 stops
 * the run before any case, naming the values that address nothing; any other answer leaves the negative
 * cases unrun (inconclusive), with this reason.
 */
async function mustExist(target: Target, read: Probe, seed: number): Promise<string | UsageProblem | undefined> {
  if (read.readable) return undefined;
  const kind = operationKind(target.spec);
  const why = `no request reached an existing resource at ${target.primaryPath} (${read.reason ?? 'GET did not read it'}`;
  // Trying the operation itself would remove the resource it is meant to show.
  if (kind === 'delete') return `${why}), so a refusal there cannot be told from a missing resource`;
  // Adding the reference would make the documented success a duplicate: the collection it goes into is read.
  if (kind === 'link') {
    const parent = target.primaryPath.replace(/\/\$ref$/, '');
    const list = await target.send(readRequest(target, [], parent));
    if (list.response.status === 200) return undefined;
    if (list.response.status === 404 && read.status === 404)
      return { code: 'nothing-there', values: givenValues(target.primary, target), evidence: `GET ${parent} answered 404` };
    return `${why}; GET ${parent} answered ${describeResponse(list.response, 80)}), so a refusal there cannot be told from a missing resource`;
  }
  // An empty update changes nothing; a create or an action needs a body its page allows.
  const body = kind === 'update' ? {} : fc.sample(smallBodies(target), { numRuns: 1, seed })[0];
  const tried = await target.send(operationRequest(target, body));
  const s = tried.response.status;
  if (s >= 200 && s < 300) return undefined;
  if (s === 404 && read.status === 404 && target.primary.params.length > 0)
    return {
      code: 'nothing-there',
      values: givenValues(target.primary, target),
      evidence: `GET and ${target.spec.http.method} ${target.primaryPath} both answered 404`,
    };
  return `${why}; ${kind === 'update' ? 'an empty' : 'a valid'} ${target.spec.http.method} answered ${describeResponse(tried.response, 80)}), so a refusal there cannot be told from a missing resource`;
}

/**
 * What in the options keeps a run from starting, or undefined: the same test `certifyServer` makes before
 * its first request, for callers that sort operations (a run over several) or plan without a network.
 */
export function serverOptionProblem(options: CertifyServerOptions): UsageProblem | undefined {
  return preparedOptions(options).problem;
}

function preparedOptions(
  options: CertifyServerOptions,
): { problem: UsageProblem } | { problem?: undefined; found: { address: Address; values: ParamValues; path: string }; bound: Record<string, string> } {
  const { spec } = options;
  if (spec?.kind !== 'operation') return { problem: { code: 'not-an-operation' } };
  // A spec handed over in code skips the CLI's loader: the same checks, so no case throws or stalls.
  const [bad] = specProblems(spec);
  if (bad) return { problem: { code: 'unusable-spec', path: bad.path, message: bad.message } };
  if (!!options.baseUrl === !!options.handler) return { problem: { code: 'one-target' } };
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) return { problem: { code: 'bad-runs', runs } };
  const cannot = notCertifiable(spec);
  if (cannot) return { problem: { code: 'not-certifiable', reason: cannot } };
  const known = knownParameters(spec);
  // `id`, the resource's own key, also fills a one-parameter address whatever its parameter is named.
  const keyed = addresses(spec).some((a) => a.params.length === 1);
  for (const name of Object.keys(options.params ?? {}))
    if (!known.some((k) => k.toLowerCase() === name.toLowerCase()) && !(keyed && name.toLowerCase() === 'id'))
      return { problem: { code: 'unknown-param', name, known } };
  const found = addressFor(spec, options);
  if ('missing' in found) return { problem: { code: 'missing-params', templates: spec.http.paths.map((p) => p.template), missing: found.missing } };
  const unfilled = queryParameters(spec).filter((n) => paramValue([n], options.params ?? {}) === undefined);
  if (unfilled.length) {
    const asks = spec.http.query!.find((q) => q.params.some((n) => unfilled.includes(n)))!;
    return {
      problem: { code: 'missing-params', templates: spec.http.paths.map((p) => p.template), missing: unfilled, because: citation(asks.sentence, asks.source) },
    };
  }
  const binding = bindBody(spec, found.values);
  if ('missing' in binding) return { problem: { code: 'unbound-body', missing: binding.missing } };
  return { found, bound: binding.bound };
}

/**
 * Certifies one operation. Options it cannot run with throw a `CertifyUsageError` before any request (its
 * `problem` is the data; `serverOptionProblem` tests for it without throwing). What the run itself finds
 * out about the values it was given (they address nothing) comes back as the report's `problem`, with an
 * `inconclusive` verdict and no case run.
 */
export function certifyServer(options: CertifyServerOptions): Promise<CertifyReport> {
  return masked(options, runServer);
}

async function runServer(given: CertifyServerOptions): Promise<CertifyReport> {
  const options = given.metadata ? { ...given, spec: withMetadata(given.spec, given.metadata) } : given;
  const prepared = preparedOptions(options);
  if (prepared.problem) throw new CertifyUsageError(prepared.problem);
  const { spec } = options;
  const { found, bound } = prepared;
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? (Math.random() * 2 ** 31) | 0;

  const started = performance.now();
  const stats: TransportStats = { requests: 0, retries: 0 };
  const inProcess = options.handler ? serveInProcess(options.handler, versionSegment(spec)) : undefined;
  const baseUrl = inProcess?.baseUrl ?? options.baseUrl!;
  const served = inProcess ?? options.servedInProcess;
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const target = {
    ...targetFor(
      spec,
      found,
      withRequiredQuery(withIfMatch(withHeaders(transportFor(baseUrl, policy, stats, served), options.headers), [spec]), [spec], options.params ?? {}),
      options,
    ),
    bound,
    ...(options.related ? { related: options.related } : {}),
  };
  const report = (checks: CheckResult[], problem?: UsageProblem): CertifyReport => ({
    verdict: problem ? 'inconclusive' : verdictOf(checks),
    seed,
    runs,
    kind: 'server',
    operation: spec.operation,
    variant: spec.variant,
    target: served ? 'in-process' : baseUrl,
    strict: options.strict === true,
    checks,
    ...(problem ? { problem } : {}),
    stats: { ...stats, durationMs: Math.round(performance.now() - started) },
  });

  try {
    let ctx: CheckContext;
    let unreached: string | undefined;
    try {
      // A short first contact: an unreachable server is reported in seconds, not after a full backoff.
      const first: Target = {
        ...target,
        send: withRequiredQuery(
          withIfMatch(withHeaders(transportFor(baseUrl, { ...policy, retries: Math.min(policy.retries, 3) }, stats, served), options.headers), [spec]),
          [spec],
          options.params ?? {},
        ),
      };
      ctx = { target, probe: await probe(first) };
      // A resource the caller made for this run (a create of the same run) is known to exist.
      const exists = options.known ? undefined : await mustExist(first, ctx.probe, seed);
      if (typeof exists === 'object') return report([], exists);
      unreached = exists;
    } catch (e) {
      if (!(e instanceof TransientError)) throw e;
      return report([{ id: 'reachable', check: 'reachable', status: 'inconclusive', message: `cannot reach ${baseUrl}: ${e.message}`, runs: 0 }]);
    }
    const registry = options.registry ?? SERVER_CHECKS;
    const negative = new Set(registry.filter((c) => c.negative).map((c) => c.id));
    const cases = selectCases(casesOf(registry, ctx), options.checks)
      .map((c) => (unreached !== undefined && negative.has(c.check) && c.skip === undefined ? { ...c, inconclusive: unreached } : c))
      // What destroys the resource runs after everything that needs it.
      .sort((a, b) => Number(a.destructive === true) - Number(b.destructive === true));
    if (cases.length === 0) return report([], { code: 'no-check-matches', checks: options.checks ?? [] });
    const results = await runCases(
      cases,
      {
        runs,
        seed,
        strict: options.strict,
        reproduce: (k, v) => [...(v.exchanges.length === 1 && !served ? [curlOf(v.exchanges[0]!.request)] : []), ...(options.reproduce?.(k.id, seed) ?? [])],
      },
      options.onResult,
    );
    const nothing = referenceToNothing(spec, results, bound);
    return nothing ? report([], nothing) : report(results);
  } finally {
    inProcess?.close();
  }
}
