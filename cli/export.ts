/** `docspec openapi` and `docspec json-schema`: specs as an OpenAPI document or a request-body JSON Schema. */
import { requestBodySchema } from '../generator/emit/json-schema.js';
import { openApiExport } from '../generator/emit/openapi.js';
import { countBySeverity, formatDiagnostic } from '../generator/report/format-diagnostics.js';
import type { Diagnostic } from '../generator/ir/ir.js';
import { parseOptions, stderr, stdout, UsageError, writeOutput } from './io.js';
import { loadOperationSpec, specsAt } from './load-spec.js';

export const OPENAPI_HELP = `Usage: docspec openapi --spec FILE|DIR [--spec …] [options]

Writes one OpenAPI document for the operations of the specs, merged by path: their paths, headers, the
request body as JSON Schema 2020-12 with the mined constraints as standard keywords, the documented responses
with the resource type's schema (shared components), the docs' examples (request and response bodies, path
parameter values from the example URLs), and x-docspec-source (the docs line) on each item, as a list of
"keyword file:line" strings on schemas. Examples the operation's own validator rejects are left out and
listed on stderr.

Options:
  --spec FILE|DIR     a spec (spec/<operation>.<variant>.json), or a folder of them such as the spec/ of a
                      generate --docs run; repeatable   (required)
  --variant NAME      only the specs of this variant; needed when the specs span several
                      (default: every spec given)
  --openapi 3.1|3.0   the OpenAPI version: 3.0 writes 3.0.3 for tools that do not read 3.1 (nullable
                      instead of type arrays; patternProperties and dependentSchemas become prose and
                      x-docspec-* keywords)   (default: 3.1)
  --out FILE          write to FILE   (default: stdout)
  --verbose           list every diagnostic (by default info lines are only counted)
  -h, --help          this help

Exit codes: 0 written · 2 bad usage or unreadable input`;

export const JSON_SCHEMA_HELP = `Usage: docspec json-schema --spec FILE [options]

Writes the JSON Schema (2020-12) of the request body: it accepts exactly the bodies the generated validator
accepts. x-docspec-source lists "keyword file:line" citations; it is an annotation, so with ajv, declare it:
ajv.addVocabulary(['x-docspec-source']).

Options:
  --spec FILE         the spec (spec/<operation>.<variant>.json)   (required)
  --out FILE          write to FILE   (default: stdout)
  -h, --help          this help

Exit codes: 0 written · 2 bad usage or unreadable input`;

function help(values: { help?: boolean }, text: string): boolean {
  if (values.help) stdout(`${text}\n`);
  return values.help === true;
}

export function openApiCommand(args: string[]): number {
  const { values, positionals } = parseOptions(
    args,
    {
      spec: { type: 'string', multiple: true },
      variant: { type: 'string' },
      openapi: { type: 'string' },
      out: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'openapi',
  );
  if (help(values, OPENAPI_HELP)) return 0;
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (each spec goes after --spec)`);
  if (!values.spec?.length) throw new UsageError('--spec FILE is required');
  const version = values.openapi ?? '3.1';
  if (version !== '3.1' && version !== '3.0') throw new UsageError(`--openapi must be 3.1 or 3.0, not "${version}"`);
  let specs = values.spec.flatMap(specsAt);
  if (values.variant !== undefined) {
    const all = [...new Set(specs.map((s) => s.variant))].join(', ');
    specs = specs.filter((s) => s.variant === values.variant);
    if (!specs.length) throw new UsageError(`--variant ${values.variant}: no spec of that variant (the specs are ${all})`);
  }
  const variants = [...new Set(specs.map((s) => s.variant))];
  if (variants.length > 1) throw new UsageError(`the specs are of several variants (${variants.join(', ')}); choose one with --variant`);
  const { document, diagnostics } = openApiExport(specs, version);
  report(diagnostics, values.verbose === true);
  const what = specs.length === 1 ? `of ${values.spec[0]}` : `of ${specs.length} operations (${Object.keys(document.paths as object).length} paths)`;
  writeOutput(`${JSON.stringify(document, null, 2)}\n`, values.out, `OpenAPI ${document.openapi as string} document ${what}`);
  return 0;
}

/** Warnings one per line on stderr; info lines counted by rule unless `verbose`. */
function report(diagnostics: Diagnostic[], verbose: boolean): void {
  if (!diagnostics.length) return;
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (verbose || d.severity !== 'info') stderr(`${formatDiagnostic(d)}\n`);
    else counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  }
  const hidden = [...counts].map(([rule, n]) => `${n} ${rule}`).join(', ');
  stderr(`docspec: ${countBySeverity(diagnostics)}${hidden ? ` (not listed: ${hidden}; --verbose lists them)` : ''}\n`);
}

export function jsonSchemaCommand(args: string[]): number {
  const { values, positionals } = parseOptions(
    args,
    { spec: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    'json-schema',
  );
  if (help(values, JSON_SCHEMA_HELP)) return 0;
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (the spec goes after --spec)`);
  if (!values.spec) throw new UsageError('--spec FILE is required');
  const text = `${JSON.stringify(requestBodySchema(loadOperationSpec(values.spec)), null, 2)}\n`;
  writeOutput(text, values.out, `request-body JSON Schema of ${values.spec}`);
  return 0;
}
