/**
 * What one api page of a docs tree comes to, and the result of a page that failed. Apart from corpus-page.ts
 * so that the main thread of corpus mode, which only records results, does not load the emitter (ts-morph).
 */
import type { EmittedFile } from '../emit/emitted-file.js';
import { diagnostic } from '../ir/diagnostic.js';
import type { Diagnostic } from '../ir/ir.js';
import { failedPageStats, type PageStats } from './page-stats.js';

export interface CorpusPageResult {
  /** The serialised spec, absent when the page failed. */
  spec?: string;
  /** `generated/<operation>/<version>.ts`, absent when the page failed. */
  generated?: EmittedFile;
  stats: PageStats;
  diagnostics: Diagnostic[];
}

/** The result for a page that could not be processed; also used when the process handling it dies. */
export function failed(input: { file: string; version: string; operation: string }, diagnostics: Diagnostic[]): CorpusPageResult {
  return { stats: failedPageStats(input.file, input.version, input.operation, diagnostics), diagnostics };
}

/** The result of a page whose spec could not be emitted as TypeScript: a bug to report, never a page's fault. */
export function emitFailed(page: { file: string; version: string; operation: string }, e: unknown): CorpusPageResult {
  const message = e instanceof Error ? e.message : String(e);
  return failed(page, [
    diagnostic(
      'page-failed',
      'error',
      `The page's spec could not be emitted: ${message.split('\n')[0]}`,
      { file: page.file, line: 1, column: 1 },
      'Please report this page: no page should fail',
    ),
  ]);
}
