/** `docspec certify client`: certifies a client through its adapter module, requests caught by msw. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { certifyClient, clientTarget } from '../harness/run/certify-client.js';
import { AdapterLoadError, AdapterProcess, DEFAULT_MEMORY_LIMIT_MB } from './adapter/adapter-process.js';
import { DEFAULT_RUNS, DEFAULT_TOKEN } from '../harness/run/certify-server.js';
import { redactor } from '../harness/report/redact.js';
import { CertifyUsageError } from '../harness/model/usage-problem.js';
import { wordProblem } from './usage-words.js';
import { formatFailure, formatReport } from '../harness/report/console.js';
import { CLI_WORDS } from './certify-common.js';
import { junitXml } from '../harness/report/junit.js';
import { exitCodeOf, progress, RUN_OPTIONS, runsAndSeed, checkReportFiles, writeReports } from './certify-common.js';
import { integerOption, parseOptions, stderr, stdout, UsageError } from './io.js';
import { loadOperationSpec } from './load-spec.js';

export const CERTIFY_CLIENT_HELP = `Usage: docspec certify client --spec FILE --adapter MODULE [options]

Calls a client through an adapter with intents generated from the spec (the operation, its path
parameters, its body), catches every request with msw, answers as the docs say or with a Graph error, and
checks: the method, the path with each parameter percent-encoded, Authorization, Content-Type, the JSON
body (nothing dropped, added or re-typed; null and extension properties kept), one request per call, no
other connection or look-up, resolving on success and rejecting on an error. The adapter runs in a
supervised child process under Node's permission model: its HTTP goes to a recorder in docspec's process,
whose records are what is judged; sockets, DNS, processes, threads, signals and file writes outside a
scratch folder are refused and fail the run; an exit, crash or hang (10 s) fails the call, not the run.
What the adapter prints is shown on stderr, each line after "adapter| ".

  --spec FILE        spec/<operation>.<variant>.json   (required)
  --adapter MODULE   a module whose default export is async ({ baseUrl, operation, params, body, token })
                     => unknown and performs the operation with the client under test (params: the path
                     parameters by name; userId: the first of them). JavaScript; TypeScript when node
                     runs with a loader, e.g. node --import tsx
  --runs N           runs per check (default ${DEFAULT_RUNS})
  --call-timeout S   seconds a call may take before the adapter counts as hung and is stopped   (default 10)
  --load-timeout S   seconds loading the adapter may take before it counts as hung   (default 60)
  --memory-limit MB  memory the adapter's process may use at its peak   (default ${DEFAULT_MEMORY_LIMIT_MB})
  --seed S           fast-check seed (default: random, printed)
  --check ID         run only this check (repeatable)   (default: all)
  --report FILE      write the JSON report   (default: none)
  --junit FILE       write JUnit XML   (default: none)
  --quiet            no progress lines   (default: progress on stderr)
  -h, --help         this help

Exit codes: 0 pass · 1 nonconformance · 2 bad usage, spec or adapter`;

export async function certifyClientCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { ...RUN_OPTIONS, adapter: { type: 'string' }, 'call-timeout': { type: 'string' }, 'load-timeout': { type: 'string' }, 'memory-limit': { type: 'string' } },
    'certify client',
  );
  if (values.help) {
    stdout(`${CERTIFY_CLIENT_HELP}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (try: docspec certify client --help)`);
  if (!values.spec) throw new UsageError('certify client needs --spec FILE');
  if (!values.adapter) throw new UsageError('certify client needs --adapter MODULE');
  const { runs, seed } = runsAndSeed(values);
  const callTimeout = integerOption('--call-timeout', values['call-timeout'], 1) ?? 10;
  const loadTimeout = integerOption('--load-timeout', values['load-timeout'], 1) ?? 60;
  const memoryLimitMb = integerOption('--memory-limit', values['memory-limit'], 64) ?? DEFAULT_MEMORY_LIMIT_MB;
  checkReportFiles(values);
  const spec = loadOperationSpec(values.spec);
  const adapterModule = resolve(values.adapter);
  // The adapter's output is masked as reports are: an SDK that logs its requests prints the token.
  const mask = redactor([DEFAULT_TOKEN]);
  if (!existsSync(adapterModule)) throw new UsageError(`cannot load adapter ${values.adapter}: no such file`);
  // The adapter runs in a supervised process of its own, loaded (and refused, if it cannot be used) first.
  const host = new AdapterProcess({
    module: adapterModule,
    ...clientTarget(spec),
    timeoutMs: callTimeout * 1000,
    loadTimeoutMs: loadTimeout * 1000,
    memoryLimitMb,
    // The adapter's output is its own: shown apart from docspec's, on stderr, unless asked to be quiet.
    onOutput: values.quiet ? undefined : (line) => stderr(`adapter| ${mask(line)}\n`),
  });
  try {
    await host.start();
  } catch (e) {
    await host.kill();
    if (e instanceof AdapterLoadError) throw new UsageError(`adapter ${values.adapter} ${e.message}`);
    throw e;
  }
  try {
    const report = await certifyClient({
      spec,
      host,
      adapterName: values.adapter,
      runs,
      seed,
      checks: values.check,
      reproduce: (id, s) => [`docspec certify client --spec ${values.spec} --adapter ${values.adapter} --seed ${s} --check '${id}'`],
      onResult: progress(!!values.quiet, `docspec: certifying ${values.adapter} against ${values.spec} (seed ${seed}, ${runs} runs per check)`),
    });
    // The verdict is printed first: should a report file fail after all, the result is not lost.
    stdout(`${formatReport(report, CLI_WORDS)}\n`);
    writeReports(report, values, (r) => junitXml(r, (c) => formatFailure(r, c, CLI_WORDS)));
    return exitCodeOf(report);
  } catch (e) {
    if (e instanceof CertifyUsageError) throw new UsageError(`${values.spec}: ${wordProblem(e.problem)}`);
    throw e;
  } finally {
    // However the run ended, the adapter's process does not outlive it.
    await host.kill();
  }
}
