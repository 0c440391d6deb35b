/** `docspec certify client`: certifies a client through its adapter module, requests caught by msw. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { certifyClient, type ClientAdapter } from '../harness/certify/certify-client.js';
import { CertifyUsageError, DEFAULT_RUNS } from '../harness/certify/certify-server.js';
import { formatReport } from '../harness/report/console.js';
import { exitCodeOf, progress, RUN_OPTIONS, runsAndSeed, checkReportFiles, writeReports } from './certify-common.js';
import { parseOptions, UsageError } from './io.js';
import { loadOperationSpec } from './load-spec.js';

export const CERTIFY_CLIENT_HELP = `Usage: docspec certify client --spec FILE --adapter MODULE [options]

Calls a client through an adapter with update intents generated from the spec, catches every request with
msw (nothing leaves the process), answers as the docs say or with a Graph error, and checks: the method,
the path with the id percent-encoded, Authorization, Content-Type, the JSON body (nothing dropped, added
or re-typed; null and extension properties kept), one request per update, resolving on success and
rejecting on an error.

  --spec FILE        spec/<operation>.<variant>.json   (required)
  --adapter MODULE   a module whose default export is async ({ baseUrl, userId, body, token }) => void and
                     performs the update with the client under test (JavaScript; TypeScript when node runs
                     with a loader, e.g. node --import tsx)
  --runs N           runs per check (default ${DEFAULT_RUNS})
  --seed S           fast-check seed (default: random, printed)
  --check ID         run only this check (repeatable)   (default: all)
  --report FILE      write the JSON report   (default: none)
  --junit FILE       write JUnit XML   (default: none)
  --quiet            no progress lines   (default: progress on stderr)
  -h, --help         this help

Exit codes: 0 pass · 1 nonconformance · 2 bad usage, spec or adapter`;

async function loadAdapter(module: string): Promise<ClientAdapter> {
  const path = resolve(module);
  if (!existsSync(path)) throw new UsageError(`cannot load adapter ${module}: no such file`);
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (e) {
    const first = String(e instanceof Error ? e.message : e).split('\n')[0];
    throw new UsageError(`adapter ${module} threw on import: ${first}`);
  }
  if (typeof loaded.default !== 'function')
    throw new UsageError(`adapter ${module} must default-export a function ({ baseUrl, userId, body, token }) => Promise<void>`);
  return loaded.default as ClientAdapter;
}

export async function certifyClientCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...RUN_OPTIONS, adapter: { type: 'string' } }, 'certify client');
  if (values.help) {
    process.stdout.write(`${CERTIFY_CLIENT_HELP}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (try: docspec certify client --help)`);
  if (!values.spec) throw new UsageError('certify client needs --spec FILE');
  if (!values.adapter) throw new UsageError('certify client needs --adapter MODULE');
  const { runs, seed } = runsAndSeed(values);
  checkReportFiles(values);
  const spec = loadOperationSpec(values.spec);
  const adapter = await loadAdapter(values.adapter);
  try {
    const report = await certifyClient({
      spec,
      adapter,
      adapterName: values.adapter,
      runs,
      seed,
      checks: values.check,
      reproduce: (id, s) => [`docspec certify client --spec ${values.spec} --adapter ${values.adapter} --seed ${s} --check '${id}'`],
      onResult: progress(!!values.quiet, `docspec: certifying ${values.adapter} against ${values.spec} (seed ${seed}, ${runs} runs per check)`),
    });
    // The verdict is printed first: should a report file fail after all, the result is not lost.
    process.stdout.write(`${formatReport(report)}\n`);
    writeReports(report, values);
    return exitCodeOf(report);
  } catch (e) {
    if (e instanceof CertifyUsageError) throw new UsageError(`${values.spec}: ${e.message}`);
    throw e;
  }
}
