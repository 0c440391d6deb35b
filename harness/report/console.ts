/**
 * The console form of a certify report. A failure reads, in order: operation and case id, what was received
 * vs what the docs say (with the docs line), the shrunk counterexample, seed and path, and one-line
 * reproductions.
 */
import type { CertifyReport, CheckResult } from './report.js';
import { printable } from '../../generator/report/printable.js';

const MARK: Record<CheckResult['status'], string> = { pass: '✓', fail: '✗', warning: '!', skipped: '-', inconclusive: '?' };

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s);

interface ExchangeLike {
  request: { method: string; url: string; body?: string };
  response: { status: number; statusText: string; text: string };
}

function exchangeLines(ex: ExchangeLike): string[] {
  const lines = [`${ex.request.method} ${ex.request.url}`];
  if (ex.request.body !== undefined) lines.push(`  ${clip(ex.request.body, 400)}`);
  lines.push(
    `  → ${ex.response.status}${ex.response.statusText ? ` ${ex.response.statusText}` : ''}${ex.response.text ? ` ${clip(ex.response.text.replace(/\s+/g, ' '), 200)}` : ''}`,
  );
  return lines;
}

/** One line per case, for progress output. */
export function formatProgress(r: CheckResult, done: number, total: number): string {
  const what =
    r.status === 'pass'
      ? `${r.runs} runs`
      : r.status === 'fail'
        ? `failed at run ${r.runs}`
        : r.status === 'warning'
          ? `tolerated at run ${r.runs}`
          : r.message;
  return printable(`  ${MARK[r.status]} [${done}/${total}] ${r.id}  ${clip(what, 160)}`);
}

/** Words a report names its caller's options with: each caller names its own way of making a run strict. */
export interface ReportWords {
  /** How a caller makes a tolerated warning fail. */
  strict: string;
}

export const REPORT_WORDS: ReportWords = { strict: 'a strict run fails it' };

/** The full story of one failing case (or of a warning: the same story, marked as tolerated). */
export function formatFailure(report: CertifyReport, r: CheckResult, words: ReportWords = REPORT_WORDS): string {
  const out = [
    `${MARK[r.status]} ${report.operation} ${report.variant} · ${r.id}${r.status === 'warning' ? `  (tolerated: a warning, not a failure; ${words.strict})` : ''}`,
  ];
  if (r.received === undefined) {
    out.push(`    ${r.message}`);
  } else {
    out.push(`    received  ${r.received}`);
    out.push(`    docs say  ${r.expected}`);
    if (r.source) out.push(`              ${r.source}${r.sentence ? `  "${clip(r.sentence, 200)}"` : ''}`);
  }
  const ce = r.counterexample as { exchanges?: ExchangeLike[] } | undefined;
  if (ce?.exchanges?.length) {
    out.push(`    counterexample (run ${r.runs}, shrunk ${r.shrinks ?? 0} times):`);
    for (const ex of ce.exchanges.slice(-8)) for (const l of exchangeLines(ex)) out.push(`      ${l}`);
    if (ce.exchanges.length > 8) out.push(`      (${ce.exchanges.length - 8} earlier requests in the JSON report)`);
  }
  if (r.seed !== undefined) out.push(`    seed ${report.seed} (case seed ${r.seed}), path "${r.path ?? ''}"`);
  if (r.reproduce?.length) {
    out.push('    reproduce:');
    for (const l of r.reproduce) out.push(`      ${l}`);
  }
  return out.join('\n');
}

export function formatSummary(report: CertifyReport): string {
  const count = (s: CheckResult['status']) => report.checks.filter((c) => c.status === s).length;
  const secs = (report.stats.durationMs / 1000).toFixed(1);
  return (
    `docspec: certify ${report.kind} ${report.operation} ${report.variant} at ${report.target}: ${report.verdict} — ` +
    `${count('pass')} passed, ${count('fail')} failed, ${count('warning')} warnings, ${count('skipped')} skipped, ${count('inconclusive')} inconclusive ` +
    `(${report.runs} runs per case, ${report.stats.requests} requests, ${report.stats.retries} retries, ${secs} s; seed ${report.seed})`
  );
}

/** Failures, warnings and inconclusive cases in full, then the summary line. */
export function formatReport(report: CertifyReport, words: ReportWords = REPORT_WORDS): string {
  const parts: string[] = [];
  for (const r of report.checks) {
    if (r.status === 'fail' || r.status === 'warning') parts.push(formatFailure(report, r, words));
    else if (r.status === 'inconclusive') parts.push(`${MARK.inconclusive} ${report.operation} ${report.variant} · ${r.id}\n    ${r.message}`);
  }
  parts.push(formatSummary(report));
  return printable(parts.join('\n\n'));
}
