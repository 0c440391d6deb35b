/**
 * Runs one api page of a docs tree, in a worker or in the main thread: read it, generate, and say which files
 * it depended on. Parsed resource pages are kept between pages (per version), which is why pages are handed
 * out in name order: the pages of one resource follow each other and hit the same types.
 */
import { readFileSync } from 'node:fs';
import { type EmitVariant, processCorpusPage } from '../../generator/corpus/corpus-page.js';
import { type CorpusPageResult, failed } from '../../generator/corpus/page-result.js';
import { cacheResourcePages } from '../../generator/extract/resource-cache.js';
import { diagnostic } from '../../generator/ir/diagnostic.js';
import { contentHash } from './hash.js';
import { modelStore } from './model-store.js';
import { insideAfterLinks } from '../page-files.js';
import { type Dependencies, type TrackedLoaders, trackedLoaders } from './tracked-files.js';

export interface PageJob {
  id: number;
  /**
   * The run the job belongs to. A worker may serve several runs of one process (see the pool's `reuse`);
   * what it keeps between pages is kept for one run only, so no run sees another's files or folders.
   */
  run: string;
  /** Absolute path of the page. */
  path: string;
  /** The page's path inside the tree: what diagnostics and sources show. */
  file: string;
  /** The tree (absolute): every file the page reads is named from it. */
  root: string;
  /** What the spec records as `page.root`. */
  recordedRoot: string;
  version: string;
  operation: string;
  pageDir: string;
  resourcesDir: string;
  /** Whether the worker emits the TypeScript too (otherwise the main thread does, see generate-corpus.ts). */
  emit: boolean;
  /** Where parsed resource pages are kept between runs (model-store.ts); none with the cache off. */
  modelDir?: string;
}

export interface PageDone {
  id: number;
  /** Hash of the page text as it was read for this result. */
  hash: string | null;
  result: CorpusPageResult;
  deps: [string, string | null][];
}

const loaders = new Map<string, TrackedLoaders>();
let loadersRun: string | undefined;
let deps: Dependencies = new Map();

let emitter: EmitVariant | undefined;

export async function processPage(job: PageJob): Promise<PageDone> {
  // Loaded with the first page that needs it: a worker of a run of few pages never loads ts-morph.
  if (job.emit) emitter ??= (await import('../../generator/emit/emit-files.js')).variantFile;
  deps = new Map();
  // A page that is a link out of the tree is not read: its text would land in the spec and the code.
  if (!insideAfterLinks(job.root, job.path)) {
    const d = diagnostic('page-outside-root', 'error', 'The page is a link to a file outside the docs tree; it is not read', {
      file: job.file,
      line: 1,
      column: 1,
    });
    return { id: job.id, hash: null, deps: [], result: failed(job, [d]) };
  }
  let text: string;
  try {
    text = readFileSync(job.path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      id: job.id,
      hash: null,
      deps: [],
      result: failed(job, [diagnostic('page-failed', 'error', `The page could not be read: ${why}`, { file: job.file, line: 1, column: 1 })]),
    };
  }
  if (job.run !== loadersRun) {
    loaders.clear();
    loadersRun = job.run;
  }
  const key = `${job.root}\0${job.pageDir}\0${job.resourcesDir}`;
  let l = loaders.get(key);
  if (!l) {
    const tracked = trackedLoaders(job.root, job.pageDir, job.resourcesDir, () => deps);
    const store = job.modelDir ? modelStore(job.modelDir) : undefined;
    // With the model store behind it, a model that fell out of memory costs a file read, not a parse: a
    // hundred kept is enough and takes 16 MB less at the peak of a cold v1.0 run than five hundred did.
    l = { resolveInclude: tracked.resolveInclude, resources: cacheResourcePages(tracked.resources, store ? 100 : 500, store) };
    loaders.set(key, l);
  }
  const result = processCorpusPage(
    { file: job.file, root: job.recordedRoot, text, version: job.version, operation: job.operation, ...l },
    job.emit ? emitter : undefined,
  );
  return { id: job.id, hash: contentHash(text), result, deps: [...deps] };
}
