/** `docspec drift A B` and `docspec drift --docs BASE HEAD`: what changed, gated for CI. */
import { existsSync } from 'node:fs';
import { findType } from '../generator/read/csdl.js';
import { readMetadata } from './metadata.js';
import { type DriftReport, FAIL_ON, type FailOn } from '../generator/diff/change.js';
import { type DriftRun, runSummary } from '../generator/diff/drift-run.js';
import { applyIgnores, IgnoreFileError, parseIgnoreFile } from '../generator/diff/ignore.js';
import { diffDocsVsMetadata } from '../generator/diff/metadata-diff.js';
import { diffSpecs } from '../generator/diff/diff-specs.js';
import { DRIFT_FORMATS, isDriftFormat } from '../generator/report/drift-formats.js';
import { driftSummary } from '../generator/report/drift-text.js';
import type { OperationSpec } from '../generator/ir/ir.js';
import { printable } from '../generator/report/printable.js';
import { displayPath, parseOptions, readInput, stderr, stdout, UsageError, variantOption, writeOutput } from './io.js';
import { specOrPage } from './spec-or-page.js';

export const DRIFT_HELP = `Usage: docspec drift A B [options]
       docspec drift --docs BASE HEAD [options]

A and B are spec files (spec/<operation>.<variant>.json) or pages (markdown, rendered text); B may also be
CSDL metadata (.csdl / .xml, e.g. msgraph-metadata's v1.0-Prod.csdl) to compare the docs with it.
With --docs, BASE and HEAD are two checkouts of a docs tree (DIR/<version>/api/*.md): every page is
compared with its namesake, and pages only on one side are operations added or removed.
Every change is marked breaking for clients and/or servers, reading B (HEAD) as the new contract.

Options:
  --format FORMAT     text | md | json | junit | github | html   (default: text)
                      github: workflow annotations on the changed lines; html: one self-contained page
  --fail-on WHAT      client | server | breaking | any | none: which changes make the exit code 1
                      (client/server: those that break that side; default: breaking)
  --ignore FILE       accepted changes, one per line: operation | change id | subject | reason | expires
                      (default: .docspec-drift-ignore when it exists; --ignore none reads none)
  --docs              compare two docs trees, BASE and HEAD   (default: two specs or pages)
  --out FILE          write the report to FILE   (default: stdout)
  --work DIR          with --docs, where both trees' specs and caches go, reused by the next run
                      (default: docspec-drift-out)
  --type NAME         the metadata type to compare with   (default: microsoft.graph.<resource of A>)
  --variant NAME      with --docs, the variant of BASE and HEAD when each holds api/ directly
                      (default: their folder name, which must then be the same)
  --path-prefix P     with --format github, the docs root's folder in the repository, put before
                      each annotated file, e.g. api-reference/   (default: none)
  --quiet             with --docs, no progress   (default: progress on stderr)
  -h, --help          this help

Exit codes: 0 no change fails the gate · 1 drift that fails --fail-on · 2 bad usage, unreadable input,
or a changed page --docs could not compare`;

const DEFAULT_IGNORE = '.docspec-drift-ignore';

function isMetadata(file: string, text: string): boolean {
  return /\.(csdl|xml|edmx)$/i.test(file) || /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)?<edmx:Edmx\b/.test(text.slice(0, 4000));
}

function operationSpec(file: string): OperationSpec {
  const spec = specOrPage(file);
  if (spec.kind !== 'operation')
    throw new UsageError(`${file}:1:1: a ${spec.kind} spec; drift compares operation specs (use docspec certify connector for connectors)`);
  return spec;
}

function pairReport(fileA: string, fileB: string, type: string | undefined): DriftReport {
  if (isMetadata(fileA, readInput(fileA))) throw new UsageError(`${fileA}: metadata goes second: docspec drift SPEC ${fileA} --type NAME`);
  const a = operationSpec(fileA);
  const textB = readInput(fileB);
  if (isMetadata(fileB, textB)) {
    const model = readMetadata(fileB, textB);
    const name = type ?? `microsoft.graph.${a.requestBody.resource ?? ''}`;
    const found = findType(model, name);
    if (!found) throw new UsageError(`${fileB}: no type ${name} in the metadata${type ? '' : ' (name one with --type)'}`);
    if (Array.isArray(found)) throw new UsageError(`${fileB}: "${name}" is ambiguous: ${found.map((t) => t.fullName).join(', ')} (name one with --type)`);
    return diffDocsVsMetadata(a, model, found);
  }
  if (type) throw new UsageError('--type applies when B is CSDL metadata');
  return diffSpecs(a, operationSpec(fileB));
}

/** Today in UTC as `YYYY-MM-DD`, the way expiry dates are written. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function driftCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'breaking' },
      ignore: { type: 'string' },
      docs: { type: 'boolean' },
      out: { type: 'string' },
      work: { type: 'string' },
      type: { type: 'string' },
      quiet: { type: 'boolean' },
      variant: { type: 'string' },
      'path-prefix': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'drift',
  );
  if (values.help) {
    stdout(`${DRIFT_HELP}\n`);
    return 0;
  }
  const format = values.format as string;
  const failOn = values['fail-on'] as FailOn;
  if (!isDriftFormat(format)) throw new UsageError(`--format must be ${Object.keys(DRIFT_FORMATS).join(', ')}, not "${format}"`);
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const docs = !!values.docs;
  if (positionals.length !== 2)
    throw new UsageError(`drift needs two inputs, ${docs ? 'BASE and HEAD' : 'A and B'} (got ${positionals.length}; try: docspec drift --help)`);
  if (!docs && values.work !== undefined) throw new UsageError('--work applies to --docs');
  if (!docs && values.variant !== undefined) throw new UsageError('--variant applies to --docs');
  const variant = variantOption(values.variant as string | undefined);
  if (values['path-prefix'] !== undefined && format !== 'github') throw new UsageError('--path-prefix applies to --format github');
  if (docs && values.type !== undefined) throw new UsageError('--type applies when B is CSDL metadata, not to --docs');
  const [first, second] = positionals as [string, string];

  // Read the ignore file before the (possibly long) comparison, so a typo in it fails at once.
  const ignoreFile =
    values.ignore === 'none' ? undefined : ((values.ignore as string | undefined) ?? (existsSync(DEFAULT_IGNORE) ? DEFAULT_IGNORE : undefined));
  let entries: ReturnType<typeof parseIgnoreFile> = [];
  if (ignoreFile) {
    try {
      entries = parseIgnoreFile(displayPath(ignoreFile), readInput(ignoreFile));
    } catch (e) {
      if (e instanceof IgnoreFileError) throw new UsageError(`${e.file}:${e.line}: ${e.message}`);
      throw e;
    }
  }

  let run: DriftRun;
  if (docs) {
    const { driftTrees } = await import('./drift-docs.js');
    const tree = await driftTrees(first, second, (values.work as string | undefined) ?? 'docspec-drift-out', !!values.quiet, variant);
    run = {
      reports: tree.reports,
      failOn,
      tree: {
        base: displayPath(first) || '.',
        head: displayPath(second) || '.',
        pages: tree.pages,
        read: tree.read,
        failed: tree.failed,
        uncompared: tree.uncompared,
      },
    };
  } else {
    run = { reports: [pairReport(first, second, values.type as string | undefined)], failOn };
  }
  if (ignoreFile) {
    const applied = applyIgnores(run.reports, entries, today());
    run = { ...run, reports: applied.reports, ignore: { file: displayPath(ignoreFile), unused: applied.unused, expired: applied.expired } };
  }
  run.gateName = `--fail-on ${run.failOn}`;
  if (values['path-prefix'] !== undefined) run.pathPrefix = values['path-prefix'] as string;
  writeOutput(DRIFT_FORMATS[format](run), values.out as string | undefined, driftSummary(run));
  // A changed page the run could not compare may hide a breaking change: the run cannot pass.
  const uncompared = run.tree?.uncompared ?? [];
  for (const u of uncompared) stderr(`docspec: ${printable(u.page)} changed but could not be compared: ${printable(u.why)}\n`);
  if (uncompared.length) return 2;
  return runSummary(run).failing ? 1 : 0;
}
