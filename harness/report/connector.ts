/** The readable form of a connector report: findings grouped by rule, errors first, each with both lines. */
import type { ConnectorFinding } from '../checks/connector/finding.js';
import type { CertifyReport } from './report.js';
import { printable } from '../../generator/report/printable.js';

export interface ConnectorReport extends CertifyReport {
  findings: ConnectorFinding[];
}

const MARK = { error: '✗', warning: '!', info: '·' } as const;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function formatConnectorReport(report: ConnectorReport, verbose = false): string {
  const lines = findingLines(report.findings.filter((f) => verbose || f.rule !== 'field-maps'));
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  const mapped = report.findings.filter((f) => f.rule === 'field-maps' && f.property).length;
  lines.push(
    `docspec: certify connector ${report.target} against ${report.operation} ${report.variant}: ${report.verdict} — ${count('error')} errors, ${count('warning')} warnings, ${mapped} fields mapped to documented properties`,
  );
  return printable(lines.join('\n'));
}

/** Findings, errors first, each with the connector and docs lines it rests on. */
export function findingLines(findings: ConnectorFinding[]): string[] {
  const lines: string[] = [];
  for (const f of [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])) {
    const who = [f.field, f.property ? `→ ${f.property}` : ''].filter(Boolean).join(' ');
    lines.push(`${MARK[f.severity]} ${f.rule}  ${who}: ${f.message}`);
    const where = [f.source && `connector ${f.source}`, f.docs && `docs ${f.docs}`].filter(Boolean).join(' · ');
    if (where) lines.push(`    ${where}`);
  }
  return lines;
}
