/**
 * Worker thread of `docspec generate PAGES…`: reads one page per message with the CLI's loaders and answers
 * with its spec (plain data) or its diagnostics. Pages run here, not in the main thread, so that the pool's
 * time and heap budget applies to them as it does in corpus mode: a page no budget scan could foresee ends
 * as `page-failed` instead of hanging the command.
 */
import { parentPort } from 'node:worker_threads';
import { cacheResourcePages } from '../generator/extract/resource-cache.js';
import type { ResourceLoader } from '../generator/extract/type-registry.js';
import { generateWithPage } from '../generator/pipeline/generate.js';
import type { Diagnostic, PageFormat, Spec } from '../generator/ir/ir.js';
import { rootRelative } from './docs-root.js';
import { includeResolver, resourceLoader } from './page-files.js';

export interface SinglePageJob {
  id: number;
  /** The run the job belongs to: a warm worker serves several runs, and keeps what it parsed for one only. */
  run: string;
  /** The page, relative to `root`: what its sources say. */
  file: string;
  /** The page's docs root (absolute). */
  root: string;
  /** What the spec records as `page.root`. */
  recordedRoot: string;
  text: string;
  format?: PageFormat;
  variant?: string;
  operation?: string;
  base: string;
  resources: string;
}

export type SinglePageDone = { id: number } & ({ ok: true; spec: Spec; sectionTitles: string[] } | { ok: false; diagnostics: Diagnostic[] });

/**
 * Parsed resource pages kept between the pages of one run, as corpus mode does: the bundled pages share
 * `resources/user.md`, which was parsed once per page (a third of `npm start`). Not longer than a run: the
 * next one may have another working folder or other files.
 */
const loaders = new Map<string, ResourceLoader | undefined>();
let loadersRun: string | undefined;

function cachedResources(run: string, dir: string, root: string): ResourceLoader | undefined {
  if (run !== loadersRun) {
    loaders.clear();
    loadersRun = run;
  }
  // By root too: a resource page's sources are named from the root of the page that reads it.
  const key = `${root}\0${dir}`;
  if (!loaders.has(key)) {
    const plain = resourceLoader(dir, rootRelative(root));
    loaders.set(key, plain && cacheResourcePages(plain, 200));
  }
  return loaders.get(key);
}

export function runSinglePage(job: SinglePageJob): SinglePageDone {
  const r = generateWithPage({
    file: job.file,
    text: job.text,
    format: job.format,
    variant: job.variant,
    operation: job.operation,
    resolveInclude: includeResolver(job.base, rootRelative(job.root)),
    resources: cachedResources(job.run, job.resources, job.root),
    root: job.recordedRoot,
  });
  return r.ok
    ? { id: job.id, ok: true, spec: r.spec, sectionTitles: r.page.sections.map((s) => s.title) }
    : { id: job.id, ok: false, diagnostics: r.diagnostics };
}

parentPort?.on('message', (job: SinglePageJob) => parentPort!.postMessage(runSinglePage(job)));
