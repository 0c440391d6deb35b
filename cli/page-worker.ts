/**
 * Worker thread of `docspec generate PAGES…`: reads one page per message with the CLI's loaders and answers
 * with its spec (plain data) or its diagnostics. Pages run here, not in the main thread, so that the pool's
 * time and heap budget applies to them as it does in corpus mode: a page no budget scan could foresee ends
 * as `page-failed` instead of hanging the command.
 */
import { parentPort } from 'node:worker_threads';
import { generateWithPage } from '../generator/generate.js';
import type { Diagnostic, PageFormat, Spec } from '../generator/spec/ir.js';
import { includeResolver, resourceLoader } from './page-files.js';

export interface SinglePageJob {
  id: number;
  file: string;
  text: string;
  format?: PageFormat;
  variant?: string;
  operation?: string;
  base: string;
  resources: string;
}

export type SinglePageDone = { id: number } & ({ ok: true; spec: Spec; sectionTitles: string[] } | { ok: false; diagnostics: Diagnostic[] });

export function runSinglePage(job: SinglePageJob): SinglePageDone {
  const r = generateWithPage({
    file: job.file,
    text: job.text,
    format: job.format,
    variant: job.variant,
    operation: job.operation,
    resolveInclude: includeResolver(job.base),
    resources: resourceLoader(job.resources),
  });
  return r.ok
    ? { id: job.id, ok: true, spec: r.spec, sectionTitles: r.page.sections.map((s) => s.title) }
    : { id: job.id, ok: false, diagnostics: r.diagnostics };
}

parentPort?.on('message', (job: SinglePageJob) => parentPort!.postMessage(runSinglePage(job)));
