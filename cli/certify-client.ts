/** `docspec certify client`: certifies a client through its adapter module, requests caught by msw. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { certifyClient, type ClientAdapter } from '../harness/certify/certify-client.js';
import { CertifyUsageError, DEFAULT_RUNS } from '../harness/certify/certify-server.js';
import { formatProgress, formatReport } from '../harness/report/console.js';
import { junitXml } from '../harness/report/junit.js';
import { integerOption, parseOptions, UsageError, writeAtomic } from './io.js';
import { loadOperationSpec } from './load-spec.js';

export const CERTIFY_CLIENT_HELP = `Usage: docspec certify client --spec FILE --adapter MODULE [options]

Calls a client through an adapter with update intents generated from the spec, catches every request with
msw (nothing leaves the process), answers as the docs say or with a Graph error, and checks: the method,
the path with the id percent-encoded, Authorization, Content-Type, the JSON body (nothing dropped, added
or re-typed; null and extension properties kept), one request per update, resolving on success and
rejecting on an error.

  --spec FILE        spec/<operation>.<variant>.json
  --adapter MODULE   a module whose default export is async ({ baseUrl, userId, body, token }) => void and
                     performs the update with the client under test (JavaScript; TypeScript when node runs
                     with a loader, e.g. node --import tsx)
  --runs N           runs per check (default ${DEFAULT_RUNS})
  --seed S           fast-check seed (default: random, printed)
  --check ID         run only this check (repeatable)
  --report FILE      write the JSON report
  --junit FILE       write JUnit XML
  --quiet            no progress lines

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
  if (typeof loaded.default !== 'function') throw new UsageError(`adapter ${module} must default-export a function ({ baseUrl, userId, body, token }) => Promise<void>`);
  return loaded.default as ClientAdapter;
}

export async function certifyClientCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    spec: { type: 'string' },
    adapter: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    check: { type: 'string', multiple: true },
    report: { type: 'string' },
    junit: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${CERTIFY_CLIENT_HELP}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (try: docspec certify client --help)`);
  if (!values.spec) throw new UsageError('certify client needs --spec FILE');
  if (!values.adapter) throw new UsageError('certify client needs --adapter MODULE');
  const runs = integerOption('--runs', values.runs, 1) ?? DEFAULT_RUNS;
  const seed = integerOption('--seed', values.seed, -(2 ** 31)) ?? (Math.random() * 2 ** 31) | 0;
  const spec = loadOperationSpec(values.spec);
  const adapter = await loadAdapter(values.adapter);
  const quiet = !!values.quiet;
  try {
    const report = await certifyClient({
      spec,
      adapter,
      adapterName: values.adapter,
      runs,
      seed,
      checks: values.check,
      reproduce: (id, s) => [`docspec certify client --spec ${values.spec} --adapter ${values.adapter} --seed ${s} --check '${id}'`],
      onResult: quiet
        ? undefined
        : (r, done, total) => {
            if (done === 1) process.stderr.write(`docspec: certifying ${values.adapter} against ${values.spec} (seed ${seed}, ${runs} runs per check)\n`);
            process.stderr.write(`${formatProgress(r, done, total)}\n`);
          },
    });
    if (values.report) writeAtomic(values.report, `${JSON.stringify(report, null, 2)}\n`);
    if (values.junit) writeAtomic(values.junit, junitXml(report));
    process.stdout.write(`${formatReport(report)}\n`);
    return report.verdict === 'pass' ? 0 : report.verdict === 'fail' ? 1 : 3;
  } catch (e) {
    if (e instanceof CertifyUsageError) throw new UsageError(`${values.spec}: ${e.message}`);
    throw e;
  }
}
