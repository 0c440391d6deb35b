/** `docspec generate`: pages → spec JSON and generated TypeScript, or `--check` that they are current. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { CsdlModel } from '../generator/read/csdl.js';
import { readMetadata } from './metadata.js';
import { OPERATION_NAME, VARIANT_NAME } from '../generator/extract/naming.js';
import { diagnostic } from '../generator/ir/diagnostic.js';
import { diagnosticRule } from '../generator/ir/diagnostic-rules.js';
import { countBySeverity, formatDiagnostic } from '../generator/report/format-diagnostics.js';
import { withCliHint } from './usage-words.js';
import type { Diagnostic, PageFormat, Spec } from '../generator/ir/ir.js';
import { whyNotAPage } from '../generator/read/not-a-page.js';
import { firstDifference } from '../generator/diff/text-diff.js';
import {
  displayPath,
  ensureWritable,
  integerOption,
  packageFile,
  parseOptions,
  readInput,
  stderr,
  stdout,
  UsageError,
  variantOption,
  writeAtomic,
} from './io.js';
import { randomUUID } from 'node:crypto';
import { pageRoot, recordedRoot, rootRelative } from './docs-root.js';
import { runPool } from './corpus/pool.js';
import type { SinglePageDone, SinglePageJob } from './page-worker.js';

interface PageConfig {
  file: string;
  variant?: string;
  operation?: string;
  format?: PageFormat;
  base?: string;
  resources?: string;
  /**
   * Diagnostic rules whose findings on this page are known doc problems (the bundled stub's read-only rows,
   * resource pages that were never bundled): listed only with --verbose, counted apart, so that a new
   * warning stands out instead of drowning among them.
   */
  known?: string[];
}

interface Config {
  specDir: string;
  generatedDir: string;
  pages: PageConfig[];
  /** The config file's folder: the docs root of its pages, whose paths it gives relative to that folder. */
  root: string;
}

export async function generate(args: string[], help: string): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      check: { type: 'boolean' },
      base: { type: 'string' },
      resources: { type: 'string' },
      variant: { type: 'string' },
      operation: { type: 'string' },
      format: { type: 'string' },
      'spec-dir': { type: 'string' },
      'generated-dir': { type: 'string' },
      config: { type: 'string' },
      docs: { type: 'string' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      'no-cache': { type: 'boolean' },
      metadata: { type: 'string' },
      verbose: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'generate',
  );
  if (values.help) {
    stdout(`${help}\n`);
    return 0;
  }
  if (values.docs !== undefined) return corpus(values, positionals);
  for (const o of ['out', 'jobs', 'no-cache', 'metadata'] as const) {
    if (values[o] !== undefined) throw new UsageError(`--${o} applies to a docs tree: give --docs DIR`);
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
  for (const page of pages) {
    const where = config ? `${(values.config as string | undefined) ?? 'docspec.config.json'}: page ${page.file}: ` : '';
    // Names become file names: a name that could climb out of the output folders is refused, not cleaned.
    if (page.operation !== undefined && !OPERATION_NAME.test(page.operation)) {
      throw new UsageError(`${where}--operation must be lower-case letters, digits and dashes (e.g. user-update), not "${page.operation}"`);
    }
    variantOption(page.variant, where);
  }
  const specDir = (values['spec-dir'] as string | undefined) ?? config?.specDir ?? 'spec';
  const generatedDir = (values['generated-dir'] as string | undefined) ?? config?.generatedDir ?? 'generated';

  if (!values.check) {
    ensureWritable(specDir, 'folder', '--spec-dir');
    ensureWritable(generatedDir, 'folder', '--generated-dir');
  }
  const diagnostics: Diagnostic[] = [];
  /** The docs root of each diagnostic's page: the terminal shows its files as paths from the working folder. */
  const where = new Map<Diagnostic, string>();
  const specs: Spec[] = [];
  /** Warnings and infos the config lists as known for their page (errors are never hidden). */
  const known = new Set<Diagnostic>();
  let failed = 0;
  // Every page is read before any runs: a file that is not a page stops the command before work is done.
  const run = randomUUID();
  const jobs: SinglePageJob[] = pages.map((page, id) => {
    const text = readInput(page.file);
    const refused = whyNotAPage(text);
    if (refused) throw new UsageError(`${displayPath(page.file)}: ${refused}`);
    const base = page.base ?? dirname(page.file);
    const { format, variant, operation } = page;
    // Sources are relative to the docs root, so the spec reads the same from any working folder.
    const root = resolve(config?.root ?? pageRoot(page.file));
    return {
      id,
      run,
      file: rootRelative(root)(page.file),
      root,
      recordedRoot: recordedRoot(specDir, root),
      text,
      format,
      variant,
      operation,
      base,
      resources: page.resources ?? join(base, '..', 'resources'),
    };
  });
  const done = new Map<number, SinglePageDone>();
  await runPool<SinglePageJob, SinglePageDone>(jobs, {
    size: 1,
    workerFile: new URL(`./page-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url),
    heap: { oldMb: 1024 },
    // The next run of this process (the library's callers, a test suite) starts on a warm worker.
    reuse: true,
    onResult: (job, r) => done.set(job.id, r),
    onLost: (job, why) =>
      done.set(job.id, {
        id: job.id,
        ok: false,
        diagnostics: [diagnostic('page-failed', 'error', `The page could not be processed: ${why}`, { file: job.file, line: 1, column: 1 })],
      }),
  });
  for (const job of jobs) {
    const result = done.get(job.id)!;
    if (!result.ok) {
      failed++;
      diagnostics.push(...result.diagnostics);
      for (const d of result.diagnostics) where.set(d, job.root);
      continue;
    }
    const notAPage = whyNotAPage(job.text, result);
    if (notAPage) throw new UsageError(`${displayPath(pages[job.id]!.file)}: ${notAPage}`);
    specs.push(result.spec);
    diagnostics.push(...result.spec.diagnostics);
    for (const d of result.spec.diagnostics) where.set(d, job.root);
    // A page's diagnostics may point at its resource pages: what is known is decided by the page they came from.
    const rules = new Set(pages[job.id]?.known ?? []);
    for (const d of result.spec.diagnostics) if (d.severity !== 'error' && rules.has(d.rule)) known.add(d);
  }

  // Loaded here, not at the top: `generate --docs` emits in its workers and never needs it on this thread.
  const { planOutputs } = await import('../generator/pipeline/plan-outputs.js');
  // Pages named on the command line add to generated/: its index keeps exporting what earlier runs wrote
  // there. The config's pages are the whole set, so theirs is exact.
  const plan = planOutputs(specs, {
    specDir,
    generatedDir,
    runtimeSource: packageFile('generator/emit/runtime.ts'),
    ...(config ? {} : { kept: generatedOnDisk(generatedDir) }),
  });
  if (!plan.ok) {
    const { path } = plan.problem;
    throw new UsageError(
      plan.problem.code === 'same-output'
        ? `two pages produce ${path}: give them different --variant names`
        : `refusing to write ${path}: outside --spec-dir and --generated-dir`,
    );
  }
  const { outputs } = plan;

  printDiagnostics(diagnostics, !!values.verbose, !!values.quiet, known, where);
  const counts = `${countBySeverity(diagnostics.filter((d) => !known.has(d)))}${known.size ? `; ${known.size} known, listed with --verbose` : ''}`;
  if (values.check) {
    const changed = [...outputs].filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text);
    if (changed.length === 0) {
      stderr(`docspec: ${outputs.size} files up to date (${pages.length} pages; ${counts})\n`);
      return failed ? 1 : 0;
    }
    stderr(`docspec: ${changed.length} of ${outputs.size} files would change; run \`docspec generate\` and commit:\n`);
    for (const [path, text] of changed) {
      stderr(`  ${path}${existsSync(path) ? '' : ' (new)'}\n`);
      if (existsSync(path)) for (const l of firstDifference(readFileSync(path, 'utf8'), text)) stderr(`      ${l}\n`);
    }
    return 1;
  }
  for (const [path, text] of outputs) writeAtomic(path, text);
  stderr(`docspec: ${pages.length - failed} of ${pages.length} pages → ${outputs.size} files (${counts})\n`);
  return failed ? 1 : 0;
}

async function corpus(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> {
  const conflicting = ['check', 'base', 'resources', 'operation', 'format', 'spec-dir', 'generated-dir', 'config'].filter((o) => values[o] !== undefined);
  if (positionals.length || conflicting.length) {
    throw new UsageError(`--docs reads a whole docs tree: drop ${[...positionals, ...conflicting.map((o) => `--${o}`)].join(', ')}`);
  }
  // One core is left to this thread, which writes every output and hashes the tree, and to V8's own threads:
  // on two cores a second worker saved a sixth of the time and cost half again the memory.
  const jobs = integerOption('--jobs', values.jobs as string | undefined, 1) ?? Math.max(1, availableParallelism() - 1);
  const out = (values.out as string | undefined) ?? 'docspec-out';
  ensureWritable(out, 'folder', '--out');
  const { generateCorpus, formatCorpusSummary } = await import('./corpus/generate-corpus.js');
  const variant = variantOption(values.variant as string | undefined);
  const metadata = values.metadata === undefined ? undefined : metadataOption(values.metadata as string);
  const summary = await generateCorpus({
    docs: values.docs as string,
    ...(variant === undefined ? {} : { variant }),
    ...(metadata ? { metadata } : {}),
    out,
    jobs,
    cache: !values['no-cache'],
    verbose: !!values.verbose,
    quiet: !!values.quiet,
  });
  for (const line of summary.printed) stderr(`${line}\n`);
  stderr(formatCorpusSummary(summary, out, jobs, !!values.quiet));
  return summary.failed ? 1 : 0;
}

/**
 * `--metadata [VERSION=]FILE`: the CSDL of one version of the tree; without `VERSION=`, the version its file
 * name starts with (`v1.0-Prod.csdl` → v1.0).
 */
function metadataOption(value: string): { model: CsdlModel; version: string } {
  const named = /^(v\d[\w.]*|beta)=(.+)$/.exec(value);
  const file = named ? named[2]! : value;
  const version = named ? named[1]! : /^(v\d+\.\d+|beta)(?=[-_.])/i.exec(basename(file))?.[1];
  if (!version) throw new UsageError(`--metadata ${value}: say which version it describes, e.g. --metadata v1.0=${value}`);
  return { model: readMetadata(file), version };
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
  for (const p of c.pages) {
    const bad = p.known === undefined ? undefined : Array.isArray(p.known) ? p.known.find((r) => !diagnosticRule(String(r))) : p.known;
    if (bad !== undefined) {
      throw new UsageError(`${file}: page ${p.file}: "known" must list diagnostic rule ids (see the README's Diagnostics), not ${JSON.stringify(bad)}`);
    }
  }
  const root = dirname(file);
  const at = (p: string | undefined) => (p === undefined ? undefined : relative(process.cwd(), resolve(root, p)) || '.');
  return {
    root,
    specDir: at(c.specDir) ?? 'spec',
    generatedDir: at(c.generatedDir) ?? 'generated',
    pages: c.pages.map((p) => ({ ...p, file: at(p.file)!, base: at(p.base), resources: at(p.resources) })),
  };
}

function printDiagnostics(list: Diagnostic[], verbose: boolean, quiet: boolean, known: Set<Diagnostic>, roots: Map<Diagnostic, string>): void {
  for (const d of list) {
    if (known.has(d) && !verbose) continue;
    if (d.severity === 'info' && !verbose) continue;
    if (d.severity === 'warning' && quiet) continue;
    // The spec names the file from its docs root; a terminal user opens it from the working folder.
    const root = roots.get(d);
    stderr(`${formatDiagnostic(withCliHint(root === undefined ? d : { ...d, file: displayPath(join(root, d.file)) }), true)}\n`);
  }
}

/** The variant files an earlier run left in `generatedDir` (`<operation>/<variant>.ts` carrying docspec's header). */
function generatedOnDisk(generatedDir: string): { operation: string; variant: string }[] {
  if (!existsSync(generatedDir)) return [];
  const found: { operation: string; variant: string }[] = [];
  for (const op of readdirSync(generatedDir, { withFileTypes: true })) {
    if (!op.isDirectory() || !OPERATION_NAME.test(op.name)) continue;
    for (const f of readdirSync(join(generatedDir, op.name))) {
      const variant = f.replace(/\.ts$/, '');
      if (variant === f || !VARIANT_NAME.test(variant)) continue;
      if (readFileSync(join(generatedDir, op.name, f), 'utf8').startsWith('// Generated by docspec')) found.push({ operation: op.name, variant });
    }
  }
  return found;
}
