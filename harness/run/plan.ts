/**
 * A certification run worked out without the network (a dry run): per operation, the cases
 * it would run, the first request each would send, how many requests in all, the path parameters it still
 * needs values for, and why an operation cannot be certified at all.
 */
import { queryParameters, withRequiredQuery } from '../transport/required-query.js';
import fc from 'fast-check';
import { bindBody, bodyPlaceholders } from '../arbitraries/body-bindings.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { SERVER_CHECKS } from '../checks/server/registry.js';
import { addressFor, type CertifyServerOptions, casesOf, knownParameters, targetFor } from './certify-server.js';
import { creatorsOf } from '../model/operation-links.js';
import type { HttpRequest, Send } from '../model/exchange.js';
import { ViolationError } from '../checks/violation-error.js';
import { caseRuns } from '../checks/check.js';
import { notCertifiable, type OperationKind, operationKind } from '../model/operation-kind.js';
import { addresses, paramValue, parameterNames, successResponse } from '../model/target.js';

export interface CasePlan {
  id: string;
  /** Runs it would make (a destructive or `once` case: one). */
  runs: number;
  /** Why it would not run. */
  skip?: string;
  /** The first request it would send, as `METHOD path body`. */
  request?: string;
}

export interface OperationPlan {
  operation: string;
  variant: string;
  method: string;
  kind?: OperationKind;
  /** The path requests would go to, `{name}` where a value is still needed. */
  path?: string;
  /** Path parameters without a value: the run needs a value for each. */
  needs: string[];
  /** In a run over several operations: parameters a create of the run fills (`id ← group-post-groups`). */
  fed?: string[];
  cases: CasePlan[];
  /** Requests the cases would send (a stateful run's sequence counts as one). */
  requests: number;
  /** Why the operation cannot be certified at all. */
  blocked?: string;
}

/**
 * The planning transport: it records every request and answers each with the documented success and an
 * empty body, so a case runs to its end without a network. The plan shows the first request.
 */
function planningSend(spec: OperationSpec, sent: HttpRequest[]): Send {
  const status = successResponse(spec)?.status ?? 200;
  return async (request) => {
    sent.push(request);
    return { request: { ...request, url: request.path }, response: { status, statusText: '', headers: {}, text: '' }, attempts: 1 };
  };
}

const shown = (r: HttpRequest) =>
  `${r.method} ${decodeURI(r.path)}${r.body !== undefined ? ` ${r.body.length > 200 ? `${r.body.slice(0, 200)}…` : r.body}` : ''}`;

export async function planRun(
  spec: OperationSpec,
  options: Pick<CertifyServerOptions, 'params' | 'token'> & { runs: number; seed: number },
): Promise<OperationPlan> {
  const base: OperationPlan = { operation: spec.operation, variant: spec.variant, method: spec.http.method, needs: [], cases: [], requests: 0 };
  const kind = operationKind(spec);
  const cannot = notCertifiable(spec) ?? (addresses(spec).length ? undefined : 'the page states no path');
  if (cannot) return { ...base, ...(kind ? { kind } : {}), blocked: cannot };
  if (!kind) return base;
  // Parameters without a value stand as `{name}` placeholders, so the plan still shows every case.
  let found = addressFor(spec, options);
  const needs: string[] = [];
  if ('missing' in found) {
    const placeholders = Object.fromEntries(parameterNames(spec).map((n) => [n, `{${n}}`]));
    found = addressFor(spec, { ...options, params: { ...placeholders, ...options.params } });
    if ('missing' in found) return { ...base, kind, blocked: `no address can be filled (${found.missing.join(', ')})` };
    needs.push(...found.address.params.map((names) => names[0]!).filter((n) => !Object.keys(options.params ?? {}).includes(n)));
  }
  // A body placeholder without a value (`directoryObjects/{id}`) stands as itself, and is listed as needed.
  const given = bindBody(spec, found.values);
  if ('missing' in given) needs.push(...given.missing.map((p) => p.name).filter((n) => !needs.includes(n)));
  for (const n of queryParameters(spec)) if (paramValue([n], options.params ?? {}) === undefined && !needs.includes(n)) needs.push(n);
  const standIns = Object.fromEntries(bodyPlaceholders(spec).map((p) => [p.name, `{${p.name}}`]));
  const bound = 'bound' in given ? given.bound : (bindBody(spec, { ...standIns, ...found.values }) as { bound: Record<string, string> }).bound;
  const sent: HttpRequest[] = [];
  // The first requests as a run sends them: with the filter a list requires (a placeholder when no value).
  const queryValues = { ...Object.fromEntries(queryParameters(spec).map((n) => [n, `{${n}}`])), ...options.params };
  const target = { ...targetFor(spec, found, withRequiredQuery(planningSend(spec, sent), [spec], queryValues), options), bound };
  const cases: CasePlan[] = [];
  for (const c of casesOf(SERVER_CHECKS, { target, probe: { readable: true, initial: {} } })) {
    const runs = caseRuns(c, options.runs);
    if (c.skip !== undefined) {
      cases.push({ id: c.id, runs: 0, skip: c.skip });
      continue;
    }
    sent.length = 0;
    try {
      await c.run(fc.sample(c.arbitrary, { numRuns: 1, seed: options.seed })[0], new Set());
    } catch (e) {
      // A case that judges the planned answers a violation has still sent its first request.
      if (!(e instanceof ViolationError)) throw e;
    }
    const request = sent[0] && shown(sent[0]);
    cases.push({ id: c.id, runs, ...(request ? { request } : {}) });
  }
  const requests = cases.reduce((n, c) => n + (c.skip === undefined ? c.runs : 0), 0);
  const plan: OperationPlan = { ...base, kind, path: decodeURI(found.path), needs, cases, requests };
  if (!cases.some((c) => c.skip === undefined)) plan.blocked = `every check is skipped: ${[...new Set(cases.map((c) => c.skip))].join('; ')}`;
  return plan;
}

/**
 * Plans of a run over several operations: each operation with the parameter values it knows, and the
 * parameters a create of the run makes a resource for listed as fed instead of needed.
 */
export async function planRuns(
  specs: readonly OperationSpec[],
  options: Pick<CertifyServerOptions, 'params' | 'token'> & { runs: number; seed: number },
): Promise<OperationPlan[]> {
  if (specs.length === 1) return [await planRun(specs[0]!, options)];
  const creates = specs.filter((s) => operationKind(s) === 'create');
  const plans: OperationPlan[] = [];
  for (const spec of specs) {
    const known = new Set(knownParameters(spec).map((n) => n.toLowerCase()));
    const params = Object.fromEntries(Object.entries(options.params ?? {}).filter(([k]) => known.has(k.toLowerCase())));
    const plan = await planRun(spec, { ...options, params });
    const address = addresses(spec)[0];
    const fed = creatorsOf(spec, creates).flatMap((c, i) => (c && address?.params[i] ? [[address.params[i]![0]!, c.operation] as const] : []));
    if (fed.length) {
      plan.needs = plan.needs.filter((n) => !fed.some(([f]) => f === n));
      plan.fed = fed.map(([n, c]) => `${n} ← ${c}`);
    }
    plans.push(plan);
  }
  return plans;
}
