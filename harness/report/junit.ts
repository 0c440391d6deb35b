/**
 * JUnit XML of a certify report, for CI test tabs: one testcase per case; a nonconformance is a
 * `<failure>`, an inconclusive case an `<error>`, a skipped case `<skipped>`.
 */
import { formatFailure } from './console.js';
import type { CertifyReport } from './report.js';
import { xmlText } from '../../generator/report/xml-text.js';

export function junitXml(report: CertifyReport): string {
  const count = (s: string) => report.checks.filter((c) => c.status === s).length;
  const suite = `docspec certify ${report.kind} ${report.operation} ${report.variant}`;
  const time = (report.stats.durationMs / 1000).toFixed(3);
  const attrs = `tests="${report.checks.length}" failures="${count('fail')}" errors="${count('inconclusive')}" skipped="${count('skipped')}" time="${time}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="docspec certify" ${attrs}>`,
    `  <testsuite name="${xmlText(suite)}" ${attrs}>`,
    '    <properties>',
    `      <property name="verdict" value="${report.verdict}"/>`,
    `      <property name="seed" value="${report.seed}"/>`,
    `      <property name="runs" value="${report.runs}"/>`,
    `      <property name="target" value="${xmlText(report.target)}"/>`,
    '    </properties>',
  ];
  for (const c of report.checks) {
    const open = `    <testcase classname="${xmlText(`${report.operation}.${report.variant}.${c.check}`)}" name="${xmlText(c.id)}" time="${((c.durationMs ?? 0) / 1000).toFixed(3)}"`;
    if (c.status === 'pass') lines.push(`${open}/>`);
    else {
      lines.push(`${open}>`);
      if (c.status === 'fail')
        lines.push(`      <failure type="nonconformance" message="${xmlText(c.message)}">${xmlText(formatFailure(report, c))}</failure>`);
      if (c.status === 'inconclusive') lines.push(`      <error type="inconclusive" message="${xmlText(c.message)}"/>`);
      if (c.status === 'skipped') lines.push(`      <skipped message="${xmlText(c.message)}"/>`);
      lines.push('    </testcase>');
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
