/**
 * The `docspec` command line. The only module that touches the file system and exit codes: every stage it
 * calls is a pure function over data. Exit codes: 0 pass, 1 findings, 2 bad usage or unreadable input,
 * 3 inconclusive.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resourceFileNames, type ResourceLoader } from './generator/extract/type-registry.js';
import { generateSpec, serializeSpec, specFileName } from './generator/generate.js';
import type { IncludeResolver } from './generator/read/markdown.js';
import { countBySeverity, formatDiagnostic } from './generator/spec/format-diagnostics.js';
import type { Diagnostic, PageFormat } from './generator/spec/ir.js';
import { firstDifference } from './generator/text-diff.js';
import { emitFiles } from './generator/emit/emit-files.js';
import type { Spec } from './generator/spec/ir.js';

const VERSION = '0.1.0';

/** A usage or input problem: printed as one line, exit 2. */
class UsageError extends Error {}

interface PageConfig {
  file: string;
  variant?: string;
  operation?: string;
  format?: PageFormat;
  base?: string;
  resources?: string;
}

interface Config {
  specDir: string;
  generatedDir: string;
  pages: PageConfig[];
}

const HELP = `docspec ${VERSION} — API documentation pages → a contract machines can check

Usage: docspec <command> [options]

Commands:
  generate [PAGES…]   read pages, write spec/<operation>.<variant>.json and generated/<operation>/<variant>.ts
                      (no pages: the bundled pages listed in docspec.config.json)

Options of generate:
  --check             write nothing; exit 1 and list the files that would change
  --base DIR          where the page sits in a Graph docs tree (api/ folder): includes resolve against it,
                      complex types come from DIR/../resources   (default: the page's own folder)
  --resources DIR     resource pages to resolve complex types from  (default: BASE/../resources)
  --variant NAME      variant name (default: from the page: beta, v1.0, intune, …)
  --operation NAME    operation name (default: from the title, "Update user" → user-update)
  --format FORMAT     markdown | rendered-text | connector  (default: detected)
  --spec-dir DIR      where spec JSON goes  (default: spec)
  --generated-dir DIR where TypeScript goes  (default: generated)
  --config FILE       config with the default pages  (default: docspec.config.json)
  --verbose           print info diagnostics too
  --quiet             print only errors and the summary

  -h, --help          this help          -v, --version   the version

Exit codes: 0 pass · 1 findings (--check: files would change; a page failed) · 2 bad usage or unreadable input`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'generate') return generate(rest);
  throw new UsageError(`unknown command "${command}" (try: docspec --help)`);
}

function generate(args: string[]): number {
  const { values, positionals } = parseOptions(args, {
    check: { type: 'boolean' },
    base: { type: 'string' },
    resources: { type: 'string' },
    variant: { type: 'string' },
    operation: { type: 'string' },
    format: { type: 'string' },
    'spec-dir': { type: 'string' },
    'generated-dir': { type: 'string' },
    config: { type: 'string' },
    verbose: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const format = values.format as string | undefined;
  if (format && !['markdown', 'rendered-text', 'connector'].includes(format)) {
    throw new UsageError(`--format must be markdown, rendered-text or connector, not "${format}"`);
  }
  const config = positionals.length === 0 ? loadConfig((values.config as string | undefined) ?? 'docspec.config.json') : undefined;
  const pages: PageConfig[] = config
    ? config.pages
    : positionals.map((file) => ({
        file,
        variant: values.variant as string | undefined,
        operation: values.operation as string | undefined,
        format: format as PageFormat | undefined,
        base: values.base as string | undefined,
        resources: values.resources as string | undefined,
      }));
  if (config && (values.variant || values.operation || values.base || values.resources || format)) {
    throw new UsageError('--variant, --operation, --base, --resources and --format apply to pages given on the command line');
  }
  const specDir = (values['spec-dir'] as string | undefined) ?? config?.specDir ?? 'spec';
  const generatedDir = (values['generated-dir'] as string | undefined) ?? config?.generatedDir ?? 'generated';

  const outputs = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const specs: Spec[] = [];
  let failed = 0;
  for (const page of pages) {
    const text = readInput(page.file);
    const base = page.base ?? dirname(page.file);
    const result = generateSpec({
      file: displayPath(page.file),
      text,
      format: page.format,
      variant: page.variant,
      operation: page.operation,
      resolveInclude: includeResolver(base),
      resources: resourceLoader(page.resources ?? join(base, '..', 'resources')),
    });
    if (!result.ok) {
      failed++;
      diagnostics.push(...result.diagnostics);
      continue;
    }
    const path = join(specDir, specFileName(result.spec));
    if (outputs.has(path)) throw new UsageError(`two pages produce ${path}: give them different --variant names`);
    outputs.set(path, serializeSpec(result.spec));
    specs.push(result.spec);
    diagnostics.push(...result.spec.diagnostics);
  }

  for (const file of emitFiles(specs, runtimeSource())) outputs.set(join(generatedDir, file.path), file.text);

  printDiagnostics(diagnostics, !!values.verbose, !!values.quiet);
  if (values.check) {
    const changed = [...outputs].filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text);
    if (changed.length === 0) {
      process.stderr.write(`docspec: ${outputs.size} files up to date (${pages.length} pages; ${countBySeverity(diagnostics)})\n`);
      return failed ? 1 : 0;
    }
    process.stderr.write(`docspec: ${changed.length} of ${outputs.size} files would change; run \`docspec generate\` and commit:\n`);
    for (const [path, text] of changed) {
      process.stderr.write(`  ${path}${existsSync(path) ? '' : ' (new)'}\n`);
      if (existsSync(path)) for (const l of firstDifference(readFileSync(path, 'utf8'), text)) process.stderr.write(`      ${l}\n`);
    }
    return 1;
  }
  for (const [path, text] of outputs) writeAtomic(path, text);
  process.stderr.write(
    `docspec: ${pages.length - failed} of ${pages.length} pages → ${outputs.size} files (${countBySeverity(diagnostics)})\n`,
  );
  return failed ? 1 : 0;
}

function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(String(e instanceof Error ? e.message : e).split('\n')[0]);
  }
}

function loadConfig(file: string): Config {
  const text = readInput(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${String(e instanceof Error ? e.message : e)})`);
  }
  const c = data as Partial<Config>;
  if (!Array.isArray(c.pages) || c.pages.some((p) => typeof p?.file !== 'string')) {
    throw new UsageError(`${file}: "pages" must be a list of { "file": … } entries`);
  }
  const root = dirname(file);
  const at = (p: string | undefined) => (p === undefined ? undefined : relative(process.cwd(), resolve(root, p)) || '.');
  return {
    specDir: at(c.specDir) ?? 'spec',
    generatedDir: at(c.generatedDir) ?? 'generated',
    pages: c.pages.map((p) => ({ ...p, file: at(p.file)!, base: at(p.base), resources: at(p.resources) })),
  };
}

/** Source of the validator runtime that generated code carries a copy of (from source or from dist/). */
function runtimeSource(): string {
  for (const rel of ['./generator/emit/runtime.ts', '../generator/emit/runtime.ts']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) return readFileSync(url, 'utf8');
  }
  throw new Error('generator/emit/runtime.ts is missing from the installation');
}

function readInput(file: string): string {
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory, not a page`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

function displayPath(file: string): string {
  return relative(process.cwd(), resolve(file)).split('\\').join('/');
}

function includeResolver(base: string): IncludeResolver {
  return (target) => {
    const path = resolve(base, target);
    if (!existsSync(path)) return undefined;
    return { file: displayPath(path), text: readFileSync(path, 'utf8') };
  };
}

function resourceLoader(dir: string): ResourceLoader | undefined {
  if (!existsSync(dir)) return undefined;
  return (name) => {
    for (const f of resourceFileNames(name)) {
      const path = join(dir, f);
      if (existsSync(path)) return { file: displayPath(path), text: readFileSync(path, 'utf8') };
    }
    return undefined;
  };
}

function printDiagnostics(list: Diagnostic[], verbose: boolean, quiet: boolean): void {
  for (const d of list) {
    if (d.severity === 'info' && !verbose) continue;
    if (d.severity === 'warning' && quiet) continue;
    process.stderr.write(`${formatDiagnostic(d)}\n`);
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves a half-written output. */
function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  const tmp = `${path}.docspec-tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`docspec: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`docspec: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  }
}
