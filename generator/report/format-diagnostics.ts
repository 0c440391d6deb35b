import type { Diagnostic } from '../ir/ir.js';
import { printable } from './printable.js';

/**
 * `spec/sources/beta/user-update.md:78:3 warning Unknown type \`fooType\`  unresolved-type`, and with `withHint`
 * the diagnostic's hint on an indented line below it (files that keep one diagnostic per line leave it out).
 */
export function formatDiagnostic(d: Diagnostic, withHint = false): string {
  const line = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}  ${d.rule}`;
  return printable(withHint && d.hint ? `${line}\n    hint: ${d.hint}` : line);
}

/** "2 warnings, 5 infos" */
export function countBySeverity(list: Diagnostic[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'no diagnostics';
}
