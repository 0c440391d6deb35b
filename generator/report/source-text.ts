import type { SourceRef } from '../ir/ir.js';

/** `file:line`, the way every report cites the docs. */
export function sourceText(s: SourceRef | undefined): string {
  return s ? `${s.file}:${s.line}` : '';
}
