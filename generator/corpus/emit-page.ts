/**
 * The TypeScript of a corpus page from its serialised spec, for a result that came back without it (see
 * `processCorpusPage`). Loads ts-morph.
 */
import { variantFile } from '../emit/emit-files.js';
import { diagnostic } from '../spec/diagnostic.js';
import type { OperationSpec } from '../spec/ir.js';
import { type CorpusPageResult, failed } from './page-result.js';

export function withGenerated(page: { file: string; version: string; operation: string }, result: CorpusPageResult): CorpusPageResult {
  if (result.spec === undefined || result.generated) return result;
  try {
    return { ...result, generated: variantFile(JSON.parse(result.spec) as OperationSpec) };
  } catch (e) {
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
}
