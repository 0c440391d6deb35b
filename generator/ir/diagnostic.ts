import type { DiagnosticRule } from './diagnostic-rules.js';
import type { Diagnostic, Severity, SourceRef } from './ir.js';

/** Builds a diagnostic at a source position; `rule` must be registered in DIAGNOSTIC_RULES. */
export function diagnostic(rule: DiagnosticRule, severity: Severity, message: string, at: SourceRef, hint?: string): Diagnostic {
  const d: Diagnostic = { rule, severity, message, file: at.file, line: at.line, column: at.column };
  if (hint) d.hint = hint;
  return d;
}

/** Stable order for printing and for byte-identical spec files. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
