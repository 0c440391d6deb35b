/** `docspec certify connector`: a connector's action description against an operation spec. */
import { specOrPage } from './spec-or-page.js';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateWithPage } from '../generator/pipeline/generate.js';
import { whyNotAPage } from '../generator/read/not-a-page.js';
import type { ConnectorSpec, OperationSpec } from '../generator/ir/ir.js';
import { certifyConnector } from '../harness/run/certify-connector.js';
import { findingLines, formatConnectorReport } from '../harness/report/connector.js';
import { junitXml } from '../harness/report/junit.js';
import { pageRoot, rootRelative } from './docs-root.js';
import { ensureWritable, parseOptions, readInput, stdout, UsageError, writeAtomic } from './io.js';
import { loadOperationSpec, loadSpec } from './load-spec.js';

export const CERTIFY_CONNECTOR_HELP = `Usage: docspec certify connector --spec FILE --page FILE [options]

Compares a connector's declared fields with the docs: which field maps to which property (by name
normalisation), fields with no updatable property in this variant (and the variants where they are),
type mismatches, enum values that differ in case or spelling, documented properties the connector lacks,
the success status, and descriptions that describe another property.

  --spec FILE     the operation spec, e.g. spec/user-update.v1.0.json (other variants of the same
                  operation next to it are consulted for "updatable in beta")   (required)
  --page FILE     the connector's action description (text), or its spec JSON   (required)
  --report FILE   write the JSON report (with findings)   (default: none)
  --junit FILE    write JUnit XML: one test per rule, its error findings as the failure   (default: none)
  --older FILE    an older version of the operation (spec or page), repeatable: a field that maps to a
                  property it renamed is reported as renamed, with the new name   (default: none)
  --verbose       also list every field mapping   (default: findings only)
  -h, --help      this help

Exit codes: 0 no error findings · 1 error findings · 2 bad usage or input`;

/** Other variants of the same operation in the spec's folder. */
function siblings(specFile: string, spec: OperationSpec): OperationSpec[] {
  const dir = dirname(specFile);
  const out: OperationSpec[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${spec.operation}.`) || !name.endsWith('.json') || join(dir, name) === join(specFile)) continue;
    try {
      const other = loadSpec(join(dir, name));
      if (other.kind === 'operation' && other.variant !== spec.variant) out.push(other);
    } catch {
      // A broken sibling is not this command's input; it is skipped.
    }
  }
  return out;
}

function loadConnector(file: string): ConnectorSpec {
  if (file.endsWith('.json')) {
    const spec = loadSpec(file);
    if (spec.kind !== 'connector') throw new UsageError(`${file}:1:1: an ${spec.kind} spec; --page needs a connector page or connector spec`);
    return spec;
  }
  const text = readInput(file);
  const refused = whyNotAPage(text);
  if (refused) throw new UsageError(`${file}: ${refused}`);
  // Named from its folder, as every page read on its own is (docs-root.ts).
  const result = generateWithPage({ file: rootRelative(pageRoot(file))(file), text, format: 'connector' });
  if (!result.ok) throw new UsageError(`${file}: not a connector page (${result.diagnostics[0]?.message ?? 'unreadable'})`);
  if (result.spec.kind !== 'connector') throw new UsageError(`${file}: not a connector page`);
  const empty = whyNotAPage(text, { spec: result.spec, sectionTitles: result.page.sections.map((s) => s.title) });
  if (empty) throw new UsageError(`${file}: ${empty}`);
  return result.spec;
}

export function certifyConnectorCommand(args: string[]): number {
  const { values, positionals } = parseOptions(
    args,
    {
      spec: { type: 'string' },
      page: { type: 'string' },
      report: { type: 'string' },
      junit: { type: 'string' },
      older: { type: 'string', multiple: true },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'certify connector',
  );
  if (values.help) {
    stdout(`${CERTIFY_CONNECTOR_HELP}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (try: docspec certify connector --help)`);
  if (!values.spec) throw new UsageError('certify connector needs --spec FILE');
  if (!values.page) throw new UsageError('certify connector needs --page FILE');
  if (values.report) ensureWritable(values.report, 'file', '--report');
  if (values.junit) ensureWritable(values.junit, 'file', '--junit');
  const spec = loadOperationSpec(values.spec);
  const connector = loadConnector(values.page);
  // Older versions of the page (specs or pages) tell renamed properties apart from ones that do not exist.
  const older = ((values.older as string[] | undefined) ?? []).map((file) => {
    const o = specOrPage(file);
    if (o.kind !== 'operation') throw new UsageError(`${file}:1:1: --older needs an operation spec or page, not a ${o.kind}`);
    return o;
  });
  const report = certifyConnector(spec, connector, [...siblings(values.spec, spec), ...older]);
  if (values.report) writeAtomic(values.report, `${JSON.stringify(report, null, 2)}\n`);
  if (values.junit) {
    const errorsOf = (rule: string) => report.findings.filter((f) => f.rule === rule && f.severity === 'error');
    writeAtomic(
      values.junit,
      junitXml(report, (c) => findingLines(errorsOf(c.id)).join('\n')),
    );
  }
  stdout(`${formatConnectorReport(report, !!values.verbose)}\n`);
  return report.verdict === 'pass' ? 0 : 1;
}
