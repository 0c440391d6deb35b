/**
 * `docspec generate --docs DIR`: every api page of a docs tree → spec/ and generated/ under --out, with a
 * coverage report. Pages run on worker threads; a content-hash cache makes a re-run redo only the pages whose
 * text or dependencies changed. Only hashes, statistics and diagnostic lines are held for the whole tree,
 * never page trees or specs, so memory does not grow with the number of pages.
 */
import { operationFromFile } from '../../generator/extract/naming.js';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { buildCoverage, type CoverageReport } from '../../generator/corpus/coverage.js';
import type { CsdlModel } from '../../generator/read/csdl.js';
import { failed, type CorpusPageResult } from '../../generator/corpus/page-result.js';
import { runtimeFile } from '../../generator/emit/emitted-file.js';
import { variantFileName } from '../../generator/emit/names.js';
import { specFileName } from '../../generator/ir/spec-file.js';
import { formatCoverageMarkdown } from '../../generator/report/coverage-markdown.js';
import { diagnostic } from '../../generator/ir/diagnostic.js';
import { diagnosticRule } from '../../generator/ir/diagnostic-rules.js';
import { formatDiagnostic } from '../../generator/report/format-diagnostics.js';
import { recordedRoot, rootRelative } from '../docs-root.js';
import { packageFile, writeAtomic } from '../io.js';
import { type CacheEntry, DependencyHashes, loadCache, saveCache, toolFingerprint } from './cache.js';
import { MODELS_DIR, pruneModels } from './model-store.js';
import type { PageDone, PageJob } from './process-page.js';
import { randomUUID } from 'node:crypto';
import { type HeapLimits, releaseWorker, runPool, spawnWorker } from './pool.js';
import { progressBar, wantsProgress } from './progress.js';
import { findVersions } from './walk.js';

export interface CorpusOptions {
  docs: string;
  /** The variant of a docs folder that holds api/ directly (default: the folder's name). */
  variant?: string;
  out: string;
  /** Worker threads at most (a run of few pages uses one). */
  jobs: number;
  /** Ignore the cache (it is still written for the next run). */
  cache: boolean;
  verbose: boolean;
  quiet: boolean;
  /** Microsoft's CSDL for one version of the tree: a second source for the coverage report's example verdicts. */
  metadata?: { model: CsdlModel; version: string };
}

export interface CorpusSummary {
  pages: number;
  processed: number;
  cached: number;
  failed: number;
  removed: number;
  coverage: CoverageReport;
  /**
   * Diagnostic lines to print: page failures always (each is a bug to report, or a page the tree links out
   * of), everything with --verbose.
   */
  printed: string[];
  ms: number;
}

/** Fewer dirty pages than this run in one worker: starting more would cost more than it saves. */
const WORKER_THRESHOLD = 32;

/** Pages whose cached result still holds (kept as they are), and the pages to redo. */
function dirtyPages(
  tree: Tree,
  versions: ReturnType<typeof findVersions>,
  previous: Map<string, CacheEntry>,
  deps: DependencyHashes,
  out: string,
  models: string | undefined,
  run: string,
): { entries: Map<string, CacheEntry>; jobs: PageJob[] } {
  const entries = new Map<string, CacheEntry>();
  const jobs: PageJob[] = [];
  const named = rootRelative(tree.root);
  for (const v of versions) {
    for (const name of v.pages) {
      const path = join(v.apiDir, name);
      const file = named(path);
      const operation = operationFromFile(name);
      const cached = previous.get(file);
      if (
        cached &&
        cached.version === v.name &&
        cached.operation === operation &&
        deps.current(file) === cached.hash &&
        deps.unchanged(cached.deps) &&
        cached.outputs.every((o) => existsSync(join(out, o)))
      ) {
        entries.set(file, cached);
        continue;
      }
      jobs.push({
        id: jobs.length,
        run,
        path: resolve(path),
        file,
        root: tree.root,
        recordedRoot: tree.recorded,
        version: v.name,
        operation,
        pageDir: resolve(v.apiDir),
        resourcesDir: resolve(v.resourcesDir),
        // Decided once the number of pages to redo is known (see generateCorpus).
        emit: true,
        ...(models ? { modelDir: models } : {}),
      });
    }
  }
  return { entries, jobs };
}

/**
 * Heap limits of a page worker. V8 grows a heap it is allowed to long before it collects: a page needs far
 * less than the old-generation cap (the whole 2021 tree ran without a lost page under 256 MB, with a smaller
 * resource cache), so the cap bounds memory at little cost in speed. A young generation of 24 MB, half of
 * V8's default for a worker, took 30 MB off the peak of a cold run of the whole 2021 tree (324–327 → 293–295
 * MB) for 3–7% more wall time.
 */
const WORKER_HEAP: HeapLimits = { oldMb: 384, youngMb: 24 };
const WORKER_FILE = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * The docs tree of a run: every file is named by its path inside it, so outputs are the same from any working
 * folder. `recorded` is where the tree is from OUT/spec (each spec's `page.root`), `fromOut` from OUT (the
 * cache's, and the coverage report's title).
 */
interface Tree {
  root: string;
  recorded: string;
  fromOut: string;
}

function treeOf(docs: string, out: string): Tree {
  const root = resolve(docs);
  return { root, recorded: recordedRoot(join(out, 'spec'), root), fromOut: rootRelative(out)(root) };
}

export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const started = performance.now();
  // One worker starts first, so that loading its modules (the parser and the extractors) overlaps reading
  // the cache and hashing the tree: a warm run that redoes one page waits for little else. A run with
  // nothing to redo ends it unused.
  const early = spawnWorker(WORKER_FILE, WORKER_HEAP, true);
  const modelsDir = resolve(options.out, MODELS_DIR);
  const tree = treeOf(options.docs, options.out);
  let versions: ReturnType<typeof findVersions>;
  let fingerprint: string;
  let cache: ReturnType<typeof loadCache>;
  let entries: Map<string, CacheEntry>;
  let jobs: PageJob[];
  try {
    versions = findVersions(options.docs, options.variant);
    fingerprint = toolFingerprint();
    cache = options.cache ? loadCache(options.out, fingerprint, tree.fromOut) : { entries: new Map<string, CacheEntry>(), reason: '--no-cache' };
    // Models of resource pages are kept with the cache; a run that starts over (another docspec, whose
    // parser may read pages otherwise) starts them over too. --no-cache neither reads nor keeps them.
    if (options.cache && cache.reason) rmSync(modelsDir, { recursive: true, force: true });
    ({ entries, jobs } = dirtyPages(
      tree,
      versions,
      cache.entries,
      new DependencyHashes(tree.root),
      options.out,
      options.cache ? modelsDir : undefined,
      randomUUID(),
    ));
  } catch (e) {
    releaseWorker(early, true);
    throw e;
  }

  const progress = progressBar(jobs.length, !options.quiet && wantsProgress());
  // A run of few pages (a warm one, mostly) emits their TypeScript here, and only for a page whose spec came
  // out different from the one on disk: the TypeScript is the spec's alone, so an edit that changes no rule
  // (a reworded sentence, an example) keeps the file, and ts-morph is not loaded at all. A larger run emits
  // in the workers, whose heap caps keep ts-morph's garbage in bounds.
  const emitHere = jobs.length > 0 && jobs.length < WORKER_THRESHOLD;
  for (const job of jobs) job.emit = !emitHere;
  let complete: typeof import('../../generator/corpus/emit-page.js').withGenerated | undefined;
  let emitter: Promise<void> | undefined;
  const waiting: [PageJob, Pick<PageDone, 'hash' | 'deps' | 'result'>][] = [];
  const record = (job: PageJob, done: Pick<PageDone, 'hash' | 'deps' | 'result'>) => {
    const kept = emitHere ? keptOutput(options.out, job, done.result) : undefined;
    if (emitHere && !kept && !complete) {
      waiting.push([job, done]);
      emitter ??= import('../../generator/corpus/emit-page.js').then((m) => {
        complete = m.withGenerated;
        for (const [j, d] of waiting.splice(0)) record(j, d);
      });
      return;
    }
    const result = kept ?? (complete ? complete(job, done.result) : done.result);
    entries.set(job.file, writePage(options.out, job, { ...done, result }));
    progress.tick(job.file.split('/').pop());
  };
  // Pages always run in workers, even one: the pool's time and heap budget is what bounds a hostile page.
  // A few pages get one worker; starting more would cost more than it saves.
  const workers = jobs.length >= WORKER_THRESHOLD ? Math.max(1, Math.min(options.jobs, Math.ceil(jobs.length / 8))) : 1;
  if (jobs.length === 0) releaseWorker(early, true);
  else {
    await runPool<PageJob, PageDone>(jobs, {
      size: workers,
      workerFile: WORKER_FILE,
      started: [early],
      heap: WORKER_HEAP,
      // A later run of this process (drift --docs reads HEAD after BASE) starts on warm workers.
      reuse: true,
      onResult: (job, done) => record(job, done),
      onLost: (job, why) => {
        const d = diagnostic(
          'page-failed',
          'error',
          `The page could not be processed: ${why}`,
          { file: job.file, line: 1, column: 1 },
          'Please report this page: no page should fail',
        );
        record(job, { hash: null, deps: [], result: failed(job, [d]) });
      },
    });
    await emitter;
  }
  progress.done();

  // Pages gone from the tree take their outputs with them, but never an output a page of this run wrote: a
  // folder shared by another tree (a drift run's BASE then another BASE) holds the same names for other pages.
  const owned = new Set([...entries.values()].flatMap((e) => e.outputs));
  let removed = 0;
  for (const [file, old] of cache.entries) {
    if (entries.has(file)) continue;
    for (const o of old.outputs) if (!owned.has(o)) rmSync(join(options.out, o), { force: true });
    removed++;
  }
  // Without a cache to say what an earlier run wrote (--no-cache, a corrupt cache, another docspec), the
  // outputs of pages gone since would stay for ever: anything in spec/ and generated/ this run did not write goes.
  removed += removeStale(options.out, owned);

  const all = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file));
  const coverage = buildCoverage(
    all.map((e) => e.stats),
    options.metadata,
  );
  const generated = all.filter((e) => e.outputs.length > 0);
  writeAtomic(join(options.out, 'generated', 'runtime.ts'), runtimeFile(packageFile('generator/emit/runtime.ts')).text);
  // The index only changes with the list of variants; building it loads ts-morph, so an unchanged list
  // keeps the file an earlier run wrote.
  const listed = (es: Iterable<CacheEntry>) =>
    [...es]
      .filter((e) => e.outputs.length > 0)
      .map((e) => `${e.operation}/${e.version}`)
      .sort()
      .join('\n');
  const indexPath = join(options.out, 'generated', 'index.ts');
  if (!existsSync(indexPath) || listed(cache.entries.values()) !== listed(generated)) {
    const { indexFile } = await import('../../generator/emit/emit-files.js');
    writeAtomic(indexPath, indexFile(generated.map((e) => ({ operation: e.operation, variant: e.version }))).text);
  }
  writeAtomic(join(options.out, 'tsconfig.json'), TSCONFIG);
  writeAtomic(join(options.out, 'coverage.json'), `${JSON.stringify(coverage, null, 2)}\n`);
  writeAtomic(join(options.out, 'coverage.md'), formatCoverageMarkdown(coverage, `docspec coverage of ${tree.fromOut}`));
  writeAtomic(join(options.out, 'diagnostics.txt'), `${all.flatMap((e) => e.diagnostics).join('\n')}\n`);
  saveCache(options.out, fingerprint, tree.fromOut, all);
  if (options.cache)
    pruneModels(
      modelsDir,
      all.flatMap((e) => e.deps),
    );

  return {
    pages: all.length,
    processed: jobs.length,
    cached: all.length - jobs.length,
    failed: all.filter((e) => e.stats.failed).length,
    removed,
    coverage,
    printed: all.flatMap((e) => (options.verbose ? e.diagnostics : e.diagnostics.filter((l) => / {2}page-(failed|outside-root)$/.test(l)))),
    ms: performance.now() - started,
  };
}

/** Where a page's spec and generated file go, relative to the output folder. */
function outputPaths(job: PageJob): [spec: string, code: string] {
  const names = { operation: job.operation, variant: job.version };
  return [join('spec', specFileName(names)), join('generated', job.operation, variantFileName(job.version))];
}

/**
 * The page's result with the TypeScript an earlier run wrote, when its spec is byte for byte the one on disk
 * (the TypeScript is emitted from the spec alone); undefined when it has to be emitted.
 */
function keptOutput(out: string, job: PageJob, r: CorpusPageResult): CorpusPageResult | undefined {
  if (r.spec === undefined || r.generated) return undefined;
  const [specPath, codePath] = outputPaths(job);
  try {
    if (readFileSync(join(out, specPath), 'utf8') !== r.spec) return undefined;
    return { ...r, generated: { path: relative('generated', codePath).split(sep).join('/'), text: readFileSync(join(out, codePath), 'utf8') } };
  } catch {
    return undefined;
  }
}

function writePage(out: string, job: PageJob, done: Pick<PageDone, 'hash' | 'deps' | 'result'>): CacheEntry {
  const r: CorpusPageResult = done.result;
  const [specPath, codePath] = outputPaths(job);
  let outputs: string[] = [];
  if (r.spec !== undefined && r.generated) {
    writeAtomic(join(out, specPath), r.spec);
    writeAtomic(join(out, codePath), r.generated.text);
    outputs = [specPath, codePath];
  } else {
    // A page that fails now leaves no outputs of an earlier run behind.
    for (const o of [specPath, codePath]) rmSync(join(out, o), { force: true });
  }
  return {
    file: job.file,
    version: job.version,
    operation: job.operation,
    // A page that could not be read is never reused: an impossible hash makes the next run retry it.
    hash: done.hash ?? '',
    deps: done.deps,
    outputs,
    stats: r.stats,
    diagnostics: r.diagnostics.map((d) => formatDiagnostic(d)),
  };
}

/** Lets `tsc -p OUT` type-check everything generated, strictly. */
const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ['generated/**/*.ts'],
  },
  null,
  2,
)}\n`;

/** The end-of-run report on stderr: what ran, diagnostics by rule, and the coverage headline per version. */
export function formatCorpusSummary(s: CorpusSummary, out: string, jobs: number, quiet = false): string {
  const lines: string[] = [];
  const versions = s.coverage.versions.map((v) => `${v.version} ${v.pages}`).join(', ');
  lines.push(
    `docspec: ${s.pages} api pages (${versions}): ${s.processed} generated, ${s.cached} from the cache, ${s.failed} failed` +
      `${s.removed ? `, ${s.removed} removed` : ''} — ${(s.ms / 1000).toFixed(1)} s${s.processed >= WORKER_THRESHOLD && jobs > 1 ? ` on ${jobs} threads` : ''}`,
  );
  const byRule = new Map<string, number>();
  for (const v of s.coverage.versions) for (const d of v.diagnosticsByRule) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + d.count);
  if (byRule.size && !quiet) {
    lines.push('diagnostics by rule:');
    const width = Math.max(...[...byRule.keys()].map((k) => k.length));
    for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      const meta = diagnosticRule(rule);
      lines.push(`  ${String(n).padStart(7)}  ${(meta?.severity ?? '').padEnd(7)}  ${rule.padEnd(width)}  ${meta?.meaning ?? ''}`);
    }
  }
  for (const v of s.coverage.versions) {
    lines.push(
      `${v.version}: ${v.pagesWithRequestTable} pages with a request table, ${v.pagesWithAllRowsExtracted} with all rows extracted; ` +
        `${v.properties} properties, types resolved ${(v.types.resolvedShare * 100).toFixed(1)}%; ` +
        `example bodies ${v.examples.valid} valid of ${v.examples.checked}, ${v.docBugs.count} doc bugs`,
    );
  }
  lines.push(`docspec: wrote ${out}/ (spec/, generated/, coverage.md, coverage.json, diagnostics.txt)`);
  return `${lines.join('\n')}\n`;
}

/** Removes the spec and code files under OUT that are not `keep` (paths relative to OUT); counts the specs. */
function removeStale(out: string, keep: Set<string>): number {
  let specs = 0;
  for (const dir of ['spec', 'generated']) {
    if (!existsSync(join(out, dir))) continue;
    for (const entry of readdirSync(join(out, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = relative(out, join(entry.parentPath, entry.name)).split(sep).join('/');
      const ours = dir === 'spec' ? rel.endsWith('.json') : rel.endsWith('.ts') && rel.split('/').length === 3;
      if (!ours || keep.has(rel)) continue;
      rmSync(join(out, rel), { force: true });
      if (dir === 'spec') specs++;
    }
  }
  return specs;
}
