/**
 * What one api page of a docs tree comes to, and the result of a page that failed. Apart from corpus-page.ts
 * so that the main thread of corpus mode, which only records results, does not load the emitter (ts-morph).
 */
import type { EmittedFile } from '../emit/emitted-file.js';
import type { Diagnostic } from '../spec/ir.js';
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
