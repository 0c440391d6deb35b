/**
 * The console and JUnit forms of a run over several operations (`SuiteReport`): a line per operation with
 * its verdict, each failure and warning in full as a one-operation report prints it, the resource model's
 * cases, and one summary line.
 */
import { printable } from '../../generator/report/printable.js';
import { xmlText } from '../../generator/report/xml-text.js';
import type { OperationResult, SuiteReport } from './suite-report.js';
import { formatFailure, REPORT_WORDS, type ReportWords } from './console.js';
import { junitSuite } from './junit.js';
import type { CertifyReport } from './report.js';

const MARK: Record<OperationResult['status'], string> = { pass: '✓', fail: '✗', inconclusive: '?', 'not-implemented': '-', 'not-run': '-' };

/** The model's cases as a report of their own, so they print and serialise like an operation's. */
function modelReport(report: SuiteReport): CertifyReport {
  return {
    verdict: report.checks.some((c) => c.status === 'fail') ? 'fail' : 'pass',
    seed: report.seed,
    runs: report.runs,
    kind: 'server',
    operation: 'resource-model',
    variant: [...new Set(report.operations.map((o) => o.variant))].join('+'),
    target: report.target,
    checks: report.checks,
    stats: { requests: 0, retries: 0, durationMs: report.checks.reduce((n, c) => n + (c.durationMs ?? 0), 0) },
  };
}

function operationLine(o: OperationResult): string {
  const head = `${MARK[o.status]} ${o.operation} ${o.variant} (${o.kind ?? 'not certified'} ${o.method}): ${o.status}`;
  if (!o.report) return `${head} — ${o.reason ?? ''}`;
  const count = (s: string) => o.report!.checks.filter((c) => c.status === s).length;
  const counts = `${count('pass')} passed, ${count('fail')} failed, ${count('warning')} warnings, ${count('skipped')} skipped, ${count('inconclusive')} inconclusive`;
  return `${head} — ${o.reason ? `${o.reason}; ` : ''}${counts}`;
}

export function formatSuite(report: SuiteReport, words: ReportWords = REPORT_WORDS): string {
  const parts: string[] = [report.operations.map(operationLine).join('\n')];
  for (const o of report.operations) {
    if (!o.report) continue;
    if (o.values?.length) parts.push(`  ${o.operation}: ${o.values.join('; ')}`);
    for (const c of o.report.checks) if (c.status === 'fail' || c.status === 'warning') parts.push(formatFailure(o.report, c, words));
  }
  const model = modelReport(report);
  for (const c of report.checks) {
    parts.push(c.status === 'fail' || c.status === 'warning' ? formatFailure(model, c, words) : `${c.status === 'pass' ? '✓' : '-'} ${c.id}: ${c.message}`);
  }
  const n = (s: OperationResult['status']) => report.operations.filter((o) => o.status === s).length;
  const secs = (report.stats.durationMs / 1000).toFixed(1);
  const modelWarnings = report.checks.filter((c) => c.status === 'warning').length;
  parts.push(
    `docspec: certify server, ${report.operations.length} operations at ${report.target}: ${report.verdict} — ` +
      `${n('pass')} pass, ${n('fail')} fail, ${n('inconclusive')} inconclusive, ${n('not-implemented')} not implemented${report.requireAll ? ' (counted as failures)' : ''}, ${n('not-run')} not run; ` +
      `resource model: ${report.checks.filter((c) => c.status === 'pass').length} of ${report.checks.length} passed${modelWarnings ? `, ${modelWarnings} with a warning` : ''} ` +
      `(${report.runs} runs per case, ${report.stats.requests} requests, ${report.stats.retries} retries, ${secs} s; seed ${report.seed})`,
  );
  return printable(parts.join('\n\n'));
}

/** One `<testsuite>` per operation (its cases as testcases) and one for the resource model. */
export function suiteJunit(report: SuiteReport, words: ReportWords = REPORT_WORDS): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const reports = [
    ...report.operations.map((o) => (o.report && o.status !== 'not-implemented' ? o.report : placeholder(report, o))),
    ...(report.checks.length ? [modelReport(report)] : []),
  ];
  for (const r of reports) {
    suites.push(junitSuite(r, (c) => formatFailure(r, c, words)).join('\n'));
    tests += r.checks.length;
    failures += r.checks.filter((c) => c.status === 'fail').length;
    errors += r.checks.filter((c) => c.status === 'inconclusive').length;
  }
  const time = (report.stats.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlText(`docspec certify server (${report.verdict})`)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${time}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** An operation that did not run, as one testcase: skipped, or failed when every operation is required. */
function placeholder(report: SuiteReport, o: OperationResult): CertifyReport {
  const failed = report.requireAll === true;
  return {
    verdict: failed ? 'fail' : 'pass',
    seed: report.seed,
    runs: report.runs,
    kind: 'server',
    operation: o.operation,
    variant: o.variant,
    target: report.target,
    checks: [{ id: o.status, check: o.status, status: failed ? 'fail' : 'skipped', message: o.reason ?? o.status, runs: 0 }],
    stats: { requests: 0, retries: 0, durationMs: 0 },
  };
}
