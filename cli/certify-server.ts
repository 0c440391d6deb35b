/** `docspec certify server`: runs the server checks against a base URL and prints and writes the report. */
import type { CsdlModel } from '../generator/read/csdl.js';
import { readMetadata } from './metadata.js';
import { certifyServer, DEFAULT_RUNS, knownParameters } from '../harness/run/certify-server.js';
import { CertifyUsageError } from '../harness/model/usage-problem.js';
import { withAliases, wordProblem } from './usage-words.js';
import { statSync } from 'node:fs';
import type { OperationSpec } from '../generator/ir/ir.js';
import { certifySuite } from '../harness/run/certify-suite.js';
import type { SuiteReport } from '../harness/report/suite-report.js';
import { planRuns } from '../harness/run/plan.js';
import { formatSuite, suiteJunit } from '../harness/report/suite.js';
import { formatFailure, formatReport } from '../harness/report/console.js';
import { CLI_WORDS } from './certify-common.js';
import { junitXml } from '../harness/report/junit.js';
import type { CertifyReport } from '../harness/report/report.js';
import { exitCodeOf, progress, RUN_OPTIONS, runsAndSeed, checkReportFiles, writeReports } from './certify-common.js';
import { envVar, parseOptions, stderr, stdout, UsageError } from './io.js';
import { dryRun } from './certify-plan.js';
import { specsAt } from './load-spec.js';

export const CERTIFY_SERVER_HELP = `Usage: docspec certify server --spec FILE|DIR [--spec …] --base-url URL [options]
       docspec certify server --spec FILE|DIR --dry-run [options]

Sends property-based requests generated from the spec to a running server and checks each answer against
the docs: the success response, a 4xx for each broken constraint, the error body, 401 without a token,
a wrong Content-Type, every documented address, and (when GET answers) that state reads back as sent.
Several specs (--spec more than once, or a folder) are certified in one run: a create of the run makes
the resources the others address, and a model across them checks that what was created, updated and
deleted reads back so.

  --spec FILE|DIR             spec/<operation>.<variant>.json, or a folder of them (repeatable)   (required)
  --base-url URL              service root with the version segment, e.g. http://127.0.0.1:8080/v1.0   (required)
  --user-id ID                an existing user the run may update (the {id} of the path)   (default: none; updates go to /me)
  --param NAME=VALUE          a path parameter's value, by its name in the docs (repeatable), e.g.
                              --param group-id=02bd9fd6-… for /groups/{group-id}; --user-id ID is --param id=ID;
                              also fills a body's placeholder ("directoryObjects/{id}"), a property that must
                              name an existing resource (planId) and a filter a list requires   (default: none)
  --user-principal-name UPN   its userPrincipalName, when GET does not return it   (default: as GET returns it)
  --token T                   bearer token, masked as *** in every output (default: $DOCSPEC_TOKEN, else a placeholder)
  --header NAME:VALUE         a header every request carries, e.g. an API gateway's key (repeatable); its
                              value is masked as *** in every output like the token   (default: none)
  --allow-remote              run against a server that is not this machine   (default: loopback only; the run
                              sends generated updates, so another host is refused with what it would send)
  --require-all               in a run over several operations, fail one the server does not implement
                              (404 or 405 to the documented request) or that could not run   (default:
                              listed as not-implemented, the verdict unaffected)
  --strict                    fail what a server may tolerate (another letter case of an allowed value,
                              a flag named twice, spaces around a value)   (default: those are warnings,
                              listed in every report, and leave the verdict pass)
  --dry-run                   send nothing: print, per operation, the cases the run would make, the first
                              request of each, the parameters it needs values for, and why an operation
                              cannot be certified; --spec may then be a folder of specs (--report writes
                              the plan as JSON)   (default: off)
  --runs N                    runs per case (default ${DEFAULT_RUNS})
  --seed S                    fast-check seed: same seed, same requests (default: random, printed)
  --check ID                  run only cases with this id or id prefix (repeatable)   (default: all)
  --metadata FILE             Microsoft's CSDL metadata (v1.0-Prod.csdl): a property it declares
                              Nullable="false" is never sent as null as valid, and a server accepting
                              null there is a warning   (default: none; null is sent where the docs allow it)
  --report FILE               write the JSON report   (default: none)
  --junit FILE                write JUnit XML   (default: none)
  --quiet                     no progress lines   (default: progress on stderr)
  -h, --help                  this help

Exit codes: 0 pass · 1 nonconformance · 2 bad usage or spec · 3 inconclusive (unreachable, or 429/503/
connection errors persisted after retries)`;

export async function certifyServerCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      ...RUN_OPTIONS,
      'base-url': { type: 'string' },
      'user-id': { type: 'string' },
      'user-principal-name': { type: 'string' },
      token: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      strict: { type: 'boolean' },
      spec: { type: 'string', multiple: true },
      param: { type: 'string', multiple: true },
      header: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      'require-all': { type: 'boolean' },
      metadata: { type: 'string' },
    },
    'certify server',
  );
  if (values.help) {
    stdout(`${CERTIFY_SERVER_HELP}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (try: docspec certify server --help)`);
  if (!values.spec?.length) throw new UsageError('certify server needs --spec FILE');
  const paths = values.spec;
  if (values['dry-run']) return dryRun(paths, { userId: values['user-id'], params: paramValues(values.param ?? []), ...runsAndSeed(values) }, values);
  if (!values['base-url']) throw new UsageError('certify server needs --base-url URL (the service root, e.g. http://127.0.0.1:8080/v1.0)');
  const baseUrl = values['base-url'];
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new UsageError(`--base-url must be an http(s) URL, not "${baseUrl}"`);
  // Setup mistakes are usage errors, found before the first request (they used to be retried as network
  // faults and end inconclusive). Neither message repeats the secret.
  const url = new URL(baseUrl);
  if (url.username || url.password)
    throw new UsageError('--base-url must not carry credentials (user:password@host); give a token with --token or $DOCSPEC_TOKEN');
  const token = values.token ?? envVar('DOCSPEC_TOKEN');
  if (token !== undefined && !isHeaderValue(`Bearer ${token}`)) {
    throw new UsageError(
      `the token (${values.token !== undefined ? '--token' : '$DOCSPEC_TOKEN'}) cannot be sent in an Authorization header: it holds a line break or a character outside Latin-1`,
    );
  }
  const params = paramValues(values.param ?? []);
  const headers = headerValues(values.header ?? []);
  const { runs, seed } = runsAndSeed(values);
  const metadata = values.metadata === undefined ? undefined : readMetadata(values.metadata);
  checkReportFiles(values);
  const specs = paths.flatMap(specsAt);
  const several = specs.length > 1 || paths.some(isFolder);
  if (!several && values['require-all']) throw new UsageError('--require-all is for a run over several operations (--spec given more than once, or a folder)');
  if (several && values['user-id'] !== undefined)
    throw new UsageError('--user-id addresses one operation; give a run over several operations its values with --param NAME=VALUE');
  if (several && values['user-principal-name'] !== undefined) throw new UsageError('--user-principal-name addresses one operation, not a run over several');
  const aliased = (spec: OperationSpec) =>
    withAliases(params, { userId: values['user-id'], userPrincipalName: values['user-principal-name'] }, knownParameters(spec));
  if (!isLoopback(url.hostname) && !values['allow-remote']) {
    // The dry run's plan, so the line and --dry-run count the same cases and requests.
    const plans = await planRuns(specs, { params: several ? {} : aliased(specs[0]!), runs, seed });
    const requests = plans.reduce((n, p) => n + p.requests, 0);
    const cases = plans.reduce((n, p) => n + p.cases.filter((c) => c.skip === undefined).length, 0);
    const writes = [...new Set(specs.filter((s) => s.http.method !== 'GET').map((s) => s.http.method))].join(', ');
    throw new UsageError(
      `${url.host} is not this machine: the run would send about ${requests} requests (${cases} cases, up to ${runs} runs each), ` +
        `${writes ? `${writes}s with generated bodies among them, ` : ''}to ${several ? `${specs.length} operations` : specs[0]!.operation} there; give --allow-remote to run it`,
    );
  }
  if (several) return suiteRun(specs, baseUrl, { params, headers, token, runs, seed, ...(metadata ? { metadata } : {}) }, values);
  const spec = specs[0]!;

  const reproduce = (caseId: string, s: number) => [
    [
      'docspec certify server',
      `--spec ${paths[0]}`,
      `--base-url ${baseUrl}`,
      values['user-id'] ? `--user-id '${values['user-id']}'` : '',
      ...Object.entries(params).map(([k, v]) => `--param '${k}=${v}'`),
      // Masked with the rest of the results: the line shows `--header 'Name: ***'`.
      ...Object.entries(headers).map(([k, v]) => `--header '${k}: ${v}'`),
      values.strict ? '--strict' : '',
      values.metadata ? `--metadata ${values.metadata}` : '',
      `--seed ${s}`,
      `--check '${caseId}'`,
    ]
      .filter(Boolean)
      .join(' '),
  ];
  const flags = { userId: values['user-id'] };
  let report: CertifyReport;
  try {
    report = await certifyServer({
      spec,
      baseUrl,
      params: aliased(spec),
      headers,
      token,
      runs,
      seed,
      checks: values.check,
      strict: values.strict === true,
      ...(metadata ? { metadata } : {}),
      reproduce,
      onResult: progress(!!values.quiet, `docspec: certifying ${baseUrl} against ${paths[0]} (seed ${seed}, ${runs} runs per case)`),
    });
  } catch (e) {
    if (e instanceof CertifyUsageError) throw new UsageError(`${paths[0]}: ${wordProblem(e.problem, flags)}`);
    throw e;
  }
  // Values that address nothing: no case ran, nothing is written.
  if (report.problem) throw new UsageError(`${paths[0]}: ${wordProblem(report.problem, flags)}`);
  // The verdict is printed first: should a report file fail after all, the result is not lost.
  const unreachable = report.checks.length === 1 && report.checks[0]!.id === 'reachable';
  if (unreachable) stderr(`docspec: ${report.checks[0]!.message} — inconclusive\n`);
  else stdout(`${formatReport(report, CLI_WORDS)}\n`);
  writeReports(report, values, (r) => junitXml(r, (c) => formatFailure(r, c, CLI_WORDS)));
  return exitCodeOf(report);
}

/**
 * A run over several operations: one report, a verdict per operation and overall (see certify-suite.ts).
 * Progress names each operation as it starts.
 */
async function suiteRun(
  specs: OperationSpec[],
  baseUrl: string,
  run: { params: Record<string, string>; headers: Record<string, string>; token?: string; runs: number; seed: number; metadata?: CsdlModel },
  values: { quiet?: boolean; strict?: boolean; check?: string[]; report?: string; junit?: string; 'require-all'?: boolean },
): Promise<number> {
  let report: SuiteReport;
  try {
    report = await certifySuite({
      specs,
      baseUrl,
      ...run,
      checks: values.check,
      strict: values.strict === true,
      requireAll: values['require-all'] === true,
      onOperation: values.quiet
        ? undefined
        : (spec, i, total) => stderr(`docspec: [${i + 1}/${total}] ${spec.operation} ${spec.variant} (${spec.http.method})\n`),
      onResult: progress(!!values.quiet, `docspec: certifying ${baseUrl}, ${specs.length} operations (seed ${run.seed}, ${run.runs} runs per case)`),
      reproduce: (spec, caseId, s) => [
        [
          'docspec certify server',
          `--spec <${spec.operation}.${spec.variant}.json>`,
          `--base-url ${baseUrl}`,
          ...Object.entries(run.headers).map(([k, v]) => `--header '${k}: ${v}'`),
          values.strict ? '--strict' : '',
          `--seed ${s}`,
          `--check '${caseId}'`,
        ]
          .filter(Boolean)
          .join(' '),
      ],
    });
  } catch (e) {
    if (e instanceof CertifyUsageError) throw new UsageError(wordProblem(e.problem));
    throw e;
  }
  if (report.problem) throw new UsageError(wordProblem(report.problem));
  // Operations not run for a value given or missing say so with the flags that give it.
  for (const o of report.operations) if (o.problem) o.reason = wordProblem(o.problem);
  stdout(`${formatSuite(report, CLI_WORDS)}\n`);
  writeReports(report, values, (r) => suiteJunit(r, CLI_WORDS));
  return exitCodeOf(report);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `NAME:VALUE` headers. Authorization and Content-Type are the run's own (the token, and the checks that
 * vary them), so they are refused here, as are values no header can carry. No message repeats a value.
 */
function headerValues(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    const name = pair.slice(0, colon).trim();
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError('--header must be NAME:VALUE with a header name before the colon');
    if (/^(authorization|content-type)$/i.test(name)) throw new UsageError(`--header ${name}: the run sets it itself (give a token with --token)`);
    const value = pair.slice(colon + 1).trim();
    if (!isHeaderValue(value)) throw new UsageError(`--header ${name}: the value holds a line break or a character outside Latin-1`);
    out[name] = value;
  }
  return out;
}

/** `NAME=VALUE` pairs; a name twice or a pair without `=` is a usage error. */
export function paramValues(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param must be NAME=VALUE, not "${pair}"`);
    const name = pair.slice(0, eq).replace(/^\{|\}$/g, '');
    if (Object.keys(out).some((k) => k.toLowerCase() === name.toLowerCase())) throw new UsageError(`--param ${name} is given twice`);
    out[name] = pair.slice(eq + 1);
  }
  return out;
}

function isHeaderValue(value: string): boolean {
  try {
    new Headers({ authorization: value });
    return true;
  } catch {
    return false;
  }
}

/** `localhost`, 127.0.0.0/8 and ::1: the only hosts a run may write to without --allow-remote. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
