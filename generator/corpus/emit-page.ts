/**
 * The TypeScript of a corpus page from its serialised spec, for a result that came back without it (see
 * `processCorpusPage`). Loads ts-morph.
 */
import { variantFile } from '../emit/emit-files.js';
import type { OperationSpec } from '../ir/ir.js';
import { type CorpusPageResult, emitFailed } from './page-result.js';

export function withGenerated(page: { file: string; version: string; operation: string }, result: CorpusPageResult): CorpusPageResult {
  if (result.spec === undefined || result.generated) return result;
  try {
    return { ...result, generated: variantFile(JSON.parse(result.spec) as OperationSpec) };
  } catch (e) {
    return emitFailed(page, e);
  }
}
