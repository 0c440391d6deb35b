/**
 * One api page of a docs tree → its spec, its generated file and its coverage counts. Pure (pages come in as
 * text, resource pages through the loader) and total: whatever the page holds, the result is data, and a page
 * that breaks a stage becomes a `page-failed` diagnostic naming the page and the stage.
 */
import type { EmittedFile } from '../emit/emitted-file.js';
import { generateWithPage, serializeSpec } from '../pipeline/generate.js';
import type { ResourceLoader } from '../extract/type-registry.js';
import type { IncludeResolver } from '../read/markdown.js';
import type { OperationSpec } from '../ir/ir.js';
import { type CorpusPageResult, emitFailed, failed } from './page-result.js';
import { pageStats } from './page-stats.js';

export interface CorpusPageInput {
  /** The page's path inside its docs tree (`v1.0/api/user-update.md`): what diagnostics and sources show. */
  file: string;
  /** Where the tree is, from the folder the spec is written to: the spec's `page.root`. */
  root?: string;
  text: string;
  /** The docs version folder (`v1.0`, `beta`): the spec's variant. */
  version: string;
  /** The page's file name without `.md`: unique within a version, so it names the spec. */
  operation: string;
  resolveInclude?: IncludeResolver;
  resources?: ResourceLoader;
}

/** Emits a spec's TypeScript (emit-files.ts `variantFile`); passed in, so that reading a page does not load ts-morph. */
export type EmitVariant = (spec: OperationSpec) => EmittedFile;

/**
 * Without `emit` the result has no `generated` file: the caller emits it from the spec (corpus mode's main
 * thread does for a run of few pages, loading ts-morph while the worker reads).
 */
export function processCorpusPage(input: CorpusPageInput, emit?: EmitVariant): CorpusPageResult {
  const generated = generateWithPage({
    file: input.file,
    text: input.text,
    format: 'markdown',
    operation: input.operation,
    variant: input.version,
    resolveInclude: input.resolveInclude,
    resources: input.resources,
    ...(input.root === undefined ? {} : { root: input.root }),
  });
  if (!generated.ok) return failed(input, generated.diagnostics);
  const spec = generated.spec as OperationSpec;
  try {
    return {
      spec: serializeSpec(spec),
      generated: emit?.(spec),
      stats: pageStats(generated.page, spec, input.version),
      diagnostics: spec.diagnostics,
    };
  } catch (e) {
    return emitFailed(input, e);
  }
}
