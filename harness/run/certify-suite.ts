/**
 * Certifies a server on several documented operations in one run: a verdict per operation and overall.
 * Operations feed each other the way a client would use them: a create of the run makes each resource that
 * a read, update, delete or reference addresses (its answer's `id`), a reference delete first gets its
 * reference added, and the resource model (resource-model.ts) checks across them that what was created
 * reads back, updates persist, deletes are gone and lists hold what exists. An operation the server answers
 * 404 or 405 at an address known to exist is `not-implemented`, not a failure, unless `requireAll`.
 */
import fc from 'fast-check';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { serveInProcess } from '../transport/in-process.js';
import { masked } from '../report/redact.js';
import { type CertifyReport, type CheckResult, firstAnswer, type Verdict } from '../report/report.js';
import type { OperationResult, SuiteReport } from '../report/suite-report.js';
import { bindBody, smallBodies } from '../arbitraries/body-bindings.js';
import { type CertifyServerOptions, certifyServer, DEFAULT_RUNS, DEFAULT_TOKEN, knownParameters, serverOptionProblem } from './certify-server.js';
import { CertifyUsageError, describeProblem, type UsageProblem } from '../model/usage-problem.js';
import { describeResponse, jsonOf, type Send } from '../model/exchange.js';
import { notCertifiable, operationKind } from '../model/operation-kind.js';
import { creatorsOf, KIND_ORDER, linkFor, mainTemplate } from '../model/operation-links.js';
import { resourceModels } from '../checks/suite/resource-model.js';
import { runCases, selectCases } from './run-case.js';
import { addresses, operationRequest, paramValue, pathOf, type Target, versionSegment } from '../model/target.js';
import { withIfMatch } from '../transport/if-match.js';
import { withRequiredQuery } from '../transport/required-query.js';
import { sendableExample } from '../model/example-requests.js';
import { withMetadata } from '../model/metadata-nullability.js';
import { sentRequired } from '../../generator/ir/enforced.js';
import { DEFAULT_RETRY, TransientError, type TransportStats, transportFor, withHeaders } from '../transport/transport.js';

export interface CertifySuiteOptions
  extends Pick<CertifyServerOptions, 'baseUrl' | 'handler' | 'params' | 'token' | 'headers' | 'runs' | 'seed' | 'checks' | 'retry' | 'strict' | 'metadata'> {
  specs: OperationSpec[];
  /** An operation the server does not implement fails the run (default: it is reported, the verdict unaffected). */
  requireAll?: boolean;
  /** Called as each operation starts. */
  onOperation?: (spec: OperationSpec, index: number, total: number) => void;
  onResult?: (result: CheckResult, done: number, total: number) => void;
  /** Reproduction lines for a failing case of one operation. */
  reproduce?: (operation: OperationSpec, caseId: string, seed: number) => string[];
}

/** Fail beats inconclusive beats pass; `not-implemented` counts only when every operation is required. */
export function suiteVerdict(operations: OperationResult[], checks: CheckResult[], requireAll: boolean): Verdict {
  const statuses = [...operations.map((o) => o.status), ...checks.map((c) => c.status)];
  if (statuses.includes('fail')) return 'fail';
  if (requireAll && operations.some((o) => o.status === 'not-implemented' || o.status === 'not-run')) return 'fail';
  if (statuses.includes('inconclusive')) return 'inconclusive';
  // Nothing certified is no pass.
  if (!operations.some((o) => o.status === 'pass') && !checks.some((c) => c.status === 'pass')) return 'inconclusive';
  return 'pass';
}

/**
 * Makes a resource for the operations that address one. The page's own example body first, its bound values
 * in place and what a "Required." names that it lacks added: a shape the page shows working, so whether the
 * resource exists does not hang on the values a seed draws. If the server refuses it (a unique name a
 * previous create took), a generated valid body.
 */
async function create(send: Send, creator: OperationSpec, target: Pick<Target, 'spec' | 'bound'>, token: string, seed: number) {
  const generated = fc.sample(smallBodies(target), { numRuns: 1, seed })[0]!;
  const example = sendableExample(creator, target.bound);
  const attempts: { body: Record<string, unknown>; from?: string }[] = [{ body: generated }];
  if (example) {
    const lacking = creator.requestBody.properties.filter((p) => sentRequired(p, creator.http.method) && !Object.hasOwn(example.body, p.name));
    const added = Object.fromEntries(lacking.filter((p) => Object.hasOwn(generated, p.name)).map((p) => [p.name, generated[p.name]]));
    attempts.unshift({ body: { ...added, ...example.body, ...target.bound }, from: example.name });
  }
  const t = { spec: creator, token, primaryPath: pathOf(mainTemplate(creator)) } as Target;
  let answered = '';
  let path = '';
  for (const attempt of attempts) {
    const ex = await send(operationRequest(t, attempt.body));
    const created = jsonOf(ex.response) as Record<string, unknown> | undefined;
    if (ex.response.status >= 200 && ex.response.status < 300 && typeof created?.id === 'string')
      return { id: created.id, from: attempt.from, answered: '', path: '' };
    answered = describeResponse(ex.response, 100);
    path = ex.request.path;
  }
  return { id: undefined, from: undefined, answered, path };
}

/**
 * Values for `spec`'s parameters and body: the caller's, each parameter a create of the run can make filled
 * by a fresh resource of it (so a delete removes what the run made, never the caller's), and a reference a
 * delete removes added first; or why a setup step failed.
 */
async function prepare(
  spec: OperationSpec,
  specs: readonly OperationSpec[],
  options: CertifySuiteOptions,
  send: Send,
  seed: number,
): Promise<{ params: Record<string, string>; values: string[] } | { reason: string; problem?: UsageProblem }> {
  const token = options.token ?? DEFAULT_TOKEN;
  const params: Record<string, string> = { ...options.params };
  const values: string[] = [];
  const address = addresses(spec)[0];
  const creators = creatorsOf(
    spec,
    specs.filter((s) => operationKind(s) === 'create'),
  );
  for (const [i, creator] of creators.entries()) {
    const names = address?.params[i];
    if (!creator || !names) continue;
    const binding = bindBody(creator, params);
    const made = await create(send, creator, { spec: creator, bound: 'bound' in binding ? binding.bound : undefined }, token, seed + i);
    if (made.id === undefined) return { reason: `${creator.operation} was to make its {${names[0]}}: POST ${made.path} answered ${made.answered}, with no id` };
    params[names[0]!] = made.id;
    values.push(`${names[0]}: created by ${creator.operation}${made.from ? ` from its example ${made.from}` : ''} (id ${made.id})`);
  }
  const link = linkFor(spec, specs);
  if (link) {
    const linkAddress = addresses(link)[0]!;
    const path = pathOf(linkAddress.template, ...linkAddress.params.map((n) => paramValue(n, params)));
    const binding = bindBody(link, params);
    if ('missing' in binding) {
      const problem: UsageProblem = { code: 'unbound-body', missing: binding.missing, operation: link.operation };
      return { reason: describeProblem(problem), problem };
    }
    const t = { spec: link, token, primaryPath: path } as Target;
    const ex = await send(operationRequest(t, binding.bound));
    if (ex.response.status < 200 || ex.response.status >= 300)
      return { reason: `${link.operation} was to add the reference first: POST ${ex.request.path} answered ${describeResponse(ex.response, 100)}` };
    values.push(`reference added first by ${link.operation}`);
  }
  return { params, values };
}

/** The values whose names are among `names` (the run's values for one operation). */
function only(values: Record<string, string>, names: string[]): Record<string, string> {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(values).filter(([k]) => wanted.has(k.toLowerCase())));
}

/** 404 or 405 to the documented request at an address known to exist: the route is not there. */
function notImplemented(report: CertifyReport, known: boolean, spec: OperationSpec): string | undefined {
  const success = report.checks.find((c) => c.id === 'success-status');
  if (success?.status !== 'fail') return undefined;
  const status = firstAnswer(success);
  const routeless = status === 405 || (status === 404 && (known || addresses(spec)[0]?.params.length === 0));
  return routeless ? `the documented request answered ${success.received}` : undefined;
}

export function certifySuite(options: CertifySuiteOptions): Promise<SuiteReport> {
  return masked(options, runSuite);
}

async function runSuite(options: CertifySuiteOptions): Promise<SuiteReport> {
  if (!options.specs.length) throw new CertifyUsageError({ code: 'no-operations' });
  if (!!options.baseUrl === !!options.handler) throw new CertifyUsageError({ code: 'one-target' });
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? (Math.random() * 2 ** 31) | 0;
  const started = performance.now();
  const given = Object.keys(options.params ?? {});
  const names = options.specs.flatMap(knownParameters);
  for (const name of given)
    if (!names.some((n) => n.toLowerCase() === name.toLowerCase()))
      throw new CertifyUsageError({ code: 'unknown-param', name, known: [...new Set(names)], operations: options.specs.length });
  const specs = [...options.specs]
    .map((s) => (options.metadata ? withMetadata(s, options.metadata) : s))
    .sort((a, b) => KIND_ORDER[operationKind(a) ?? 'action'] - KIND_ORDER[operationKind(b) ?? 'action'] || mainTemplate(a).length - mainTemplate(b).length);
  const inProcess = options.handler ? serveInProcess(options.handler, versionSegment(specs[0]!)) : undefined;
  const baseUrl = inProcess?.baseUrl ?? options.baseUrl!;
  const stats: TransportStats = { requests: 0, retries: 0 };
  const send = withRequiredQuery(
    withIfMatch(withHeaders(transportFor(baseUrl, { ...DEFAULT_RETRY, ...options.retry }, stats, inProcess), options.headers), specs),
    specs,
    options.params ?? {},
  );
  const operations: OperationResult[] = [];
  let checks: CheckResult[] = [];
  let stopped: UsageProblem | undefined;
  try {
    for (const [i, spec] of specs.entries()) {
      options.onOperation?.(spec, i, specs.length);
      const base = {
        operation: spec.operation,
        variant: spec.variant,
        method: spec.http.method,
        ...(operationKind(spec) ? { kind: operationKind(spec) } : {}),
      };
      const cannot = notCertifiable(spec);
      if (cannot) {
        operations.push({ ...base, status: 'not-run', reason: cannot });
        continue;
      }
      let prepared: Awaited<ReturnType<typeof prepare>>;
      try {
        prepared = await prepare(spec, specs, options, send, seed + i);
      } catch (e) {
        if (!(e instanceof TransientError)) throw e;
        operations.push({ ...base, status: 'inconclusive', reason: e.message });
        continue;
      }
      if ('reason' in prepared) {
        operations.push({ ...base, status: 'not-run', ...prepared });
        continue;
      }
      const known = prepared.values.length > 0;
      const runOptions: CertifyServerOptions = {
        ...options,
        spec,
        handler: undefined,
        baseUrl,
        ...(inProcess ? { servedInProcess: inProcess } : {}),
        related: specs.filter((s) => s !== spec),
        params: only(prepared.params, knownParameters(spec)),
        runs,
        seed,
        ...(known ? { known: prepared.values.join('; ') } : {}),
        onResult: options.onResult,
        reproduce: options.reproduce ? (caseId, s) => options.reproduce!(spec, caseId, s) : undefined,
      };
      const cannotRun = serverOptionProblem(runOptions);
      if (cannotRun) {
        operations.push({ ...base, status: 'not-run', reason: describeProblem(cannotRun), problem: cannotRun });
        continue;
      }
      const report = await certifyServer(runOptions);
      stats.requests += report.stats.requests;
      stats.retries += report.stats.retries;
      if (report.problem?.code === 'no-check-matches') {
        operations.push({ ...base, status: 'not-run', reason: describeProblem(report.problem), problem: report.problem });
        continue;
      }
      // A value that addresses nothing stops the whole run: it is the caller's, and wrong for every operation.
      if (report.problem) {
        stopped = report.problem;
        break;
      }
      const missing = notImplemented(report, known, spec);
      operations.push({
        ...base,
        status: missing ? 'not-implemented' : report.verdict,
        ...(missing ? { reason: missing } : {}),
        ...(prepared.values.length ? { values: prepared.values } : {}),
        report,
      });
    }
    if (stopped) return suiteReport([], [], stopped);
    const implemented = specs.filter((s) => !operations.some((o) => o.operation === s.operation && o.variant === s.variant && o.status === 'not-implemented'));
    const models = resourceModels(implemented, { send, token: options.token ?? DEFAULT_TOKEN, params: options.params ?? {} });
    // `checks` naming only operations' cases leaves the model out; naming it (or nothing) runs it.
    const wanted = options.checks?.length ? options.checks.filter((c) => c.startsWith('resource-model')) : undefined;
    if (!wanted || wanted.length) checks = await runCases(selectCases(models, wanted), { runs, seed, strict: options.strict }, options.onResult);
  } finally {
    inProcess?.close();
  }
  return suiteReport(operations, checks);

  function suiteReport(operations: OperationResult[], checks: CheckResult[], problem?: UsageProblem): SuiteReport {
    return {
      verdict: problem ? 'inconclusive' : suiteVerdict(operations, checks, options.requireAll === true),
      kind: 'server-suite',
      seed,
      runs,
      target: inProcess ? 'in-process' : baseUrl,
      ...(options.strict ? { strict: true } : {}),
      ...(options.requireAll ? { requireAll: true } : {}),
      operations,
      ...(problem ? { problem } : {}),
      checks,
      stats: { ...stats, durationMs: Math.round(performance.now() - started) },
    };
  }
}
