/** `docspec drift A B`: what changed between two specs or pages, or between docs and CSDL metadata. */
import { findType, readCsdl, CsdlError, type CsdlModel } from '../generator/read/csdl.js';
import { type DriftReport, type FailOn, failingChanges } from '../generator/spec/diff/change.js';
import { diffDocsVsMetadata } from '../generator/spec/diff/metadata-diff.js';
import { diffSpecs } from '../generator/spec/diff/diff-specs.js';
import { formatDriftJunit } from '../generator/report/drift-junit.js';
import { formatDriftMarkdown } from '../generator/report/drift-markdown.js';
import { driftSummary, formatDriftText } from '../generator/report/drift-text.js';
import type { OperationSpec } from '../generator/spec/ir.js';
import { displayPath, parseOptions, readInput, UsageError, writeOutput } from './io.js';
import { specOrPage } from './spec-or-page.js';

export const DRIFT_HELP = `Usage: docspec drift A B [options]

A and B are spec files (spec/<operation>.<variant>.json) or pages (markdown, rendered text); B may also be
CSDL metadata (.csdl / .xml, e.g. msgraph-metadata's v1.0-Prod.csdl) to compare the docs with it.
Every change is marked breaking for clients and/or servers, reading B as the new contract.

Options:
  --format FORMAT     text | md | json | junit   (default: text)
  --fail-on WHAT      breaking | any | none: which changes make the exit code 1   (default: breaking)
  --type NAME         the metadata type to compare with   (default: microsoft.graph.<resource of A>)
  --out FILE          write the report to FILE   (default: stdout)
  -h, --help          this help

Exit codes: 0 no change fails the gate · 1 drift that fails --fail-on · 2 bad usage or unreadable input`;

const FORMATS = ['text', 'md', 'json', 'junit'] as const;
const FAIL_ON = ['breaking', 'any', 'none'] as const;

function isMetadata(file: string, text: string): boolean {
  return /\.(csdl|xml|edmx)$/i.test(file) || /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)?<edmx:Edmx\b/.test(text.slice(0, 4000));
}

function readMetadata(file: string, text: string): CsdlModel {
  try {
    return readCsdl({ file: displayPath(file), text });
  } catch (e) {
    if (e instanceof CsdlError) throw new UsageError(`${file}:${e.line}:${e.column}: not CSDL metadata: ${e.message}`);
    throw e;
  }
}

function operationSpec(file: string): OperationSpec {
  const spec = specOrPage(file);
  if (spec.kind !== 'operation')
    throw new UsageError(`${file}:1:1: a ${spec.kind} spec; drift compares operation specs (use docspec certify connector for connectors)`);
  return spec;
}

export function driftCommand(args: string[]): number {
  const { values, positionals } = parseOptions(
    args,
    {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'breaking' },
      type: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'drift',
  );
  if (values.help) {
    process.stdout.write(`${DRIFT_HELP}\n`);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  const failOn = values['fail-on'] as FailOn;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}"`);
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be ${FAIL_ON.join(', ')}, not "${failOn}"`);
  if (positionals.length !== 2) throw new UsageError(`drift needs two inputs, A and B (got ${positionals.length}; try: docspec drift --help)`);
  const [fileA, fileB] = positionals as [string, string];
  if (isMetadata(fileA, readInput(fileA))) throw new UsageError(`${fileA}: metadata goes second: docspec drift SPEC ${fileA} --type NAME`);

  const a = operationSpec(fileA);
  const textB = readInput(fileB);
  let report: DriftReport;
  if (isMetadata(fileB, textB)) {
    const model = readMetadata(fileB, textB);
    const name = (values.type as string | undefined) ?? `microsoft.graph.${a.requestBody.resource ?? ''}`;
    const found = findType(model, name);
    if (!found) throw new UsageError(`${fileB}: no type ${name} in the metadata${values.type ? '' : ' (name one with --type)'}`);
    if (Array.isArray(found)) throw new UsageError(`${fileB}: "${name}" is ambiguous: ${found.map((t) => t.fullName).join(', ')} (name one with --type)`);
    report = diffDocsVsMetadata(a, model, found);
  } else {
    if (values.type) throw new UsageError('--type applies when B is CSDL metadata');
    report = diffSpecs(a, operationSpec(fileB));
  }

  const failing = failingChanges(report, failOn);
  const text =
    format === 'json'
      ? `${JSON.stringify({ ...report, failOn, failing: failing.length }, null, 2)}\n`
      : format === 'md'
        ? formatDriftMarkdown(report, failOn)
        : format === 'junit'
          ? formatDriftJunit(report, failOn)
          : formatDriftText(report, failOn);
  writeOutput(text, values.out as string | undefined, driftSummary(report, failOn));
  return failing.length ? 1 : 0;
}
