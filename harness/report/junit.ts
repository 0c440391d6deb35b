/**
 * JUnit XML of a certify report, for CI test tabs: one testcase per case; a nonconformance is a
 * `<failure>`, an inconclusive case an `<error>`, a skipped case `<skipped>`. JUnit has no warning: a
 * tolerated deviation passes, its story in `<system-out>` under a `warning` line. `detail` writes a failure's
 * body (default: the console's failure block; connector reports list their findings).
 */
import { uniqueNames } from '../../generator/report/unique-names.js';
import { xmlText } from '../../generator/report/xml-text.js';
import { formatFailure } from './console.js';
import type { CertifyReport, CheckResult } from './report.js';

export function junitXml(report: CertifyReport, detail: (c: CheckResult) => string = (c) => formatFailure(report, c)): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="docspec certify" ${suiteAttributes(report)}>`,
    ...junitSuite(report, detail),
    '</testsuites>',
    '',
  ].join('\n');
}

function suiteAttributes(report: CertifyReport): string {
  const count = (s: string) => report.checks.filter((c) => c.status === s).length;
  const time = (report.stats.durationMs / 1000).toFixed(3);
  return `tests="${report.checks.length}" failures="${count('fail')}" errors="${count('inconclusive')}" skipped="${count('skipped')}" time="${time}"`;
}

/** The `<testsuite>` element of one report, as lines: a run over several operations puts one per operation. */
export function junitSuite(report: CertifyReport, detail: (c: CheckResult) => string = (c) => formatFailure(report, c)): string[] {
  const suite = `docspec certify ${report.kind} ${report.operation} ${report.variant}`;
  const lines = [
    `  <testsuite name="${xmlText(suite)}" ${suiteAttributes(report)}>`,
    '    <properties>',
    `      <property name="verdict" value="${report.verdict}"/>`,
    `      <property name="seed" value="${report.seed}"/>`,
    `      <property name="runs" value="${report.runs}"/>`,
    `      <property name="target" value="${xmlText(report.target)}"/>`,
    '    </properties>',
  ];
  const names = uniqueNames(report.checks.map((c) => c.id));
  for (const [i, c] of report.checks.entries()) {
    const open = `    <testcase classname="${xmlText(`${report.operation}.${report.variant}.${c.check}`)}" name="${xmlText(names[i]!)}" time="${((c.durationMs ?? 0) / 1000).toFixed(3)}"`;
    if (c.status === 'pass') lines.push(`${open}/>`);
    else {
      lines.push(`${open}>`);
      if (c.status === 'fail') lines.push(`      <failure type="nonconformance" message="${xmlText(c.message)}">${xmlText(detail(c))}</failure>`);
      if (c.status === 'inconclusive') lines.push(`      <error type="inconclusive" message="${xmlText(c.message)}"/>`);
      if (c.status === 'skipped') lines.push(`      <skipped message="${xmlText(c.message)}"/>`);
      if (c.status === 'warning') lines.push(`      <system-out>${xmlText(`warning: ${c.message}\n${detail(c)}`)}</system-out>`);
      lines.push('    </testcase>');
    }
  }
  lines.push('  </testsuite>');
  return lines;
}
