/**
 * Drift as JUnit XML for CI dashboards: one testsuite per operation, one testcase per change; the ones the
 * gate (`failOn`) counts are failures. With no drift, one passing testcase says so (an empty suite reads as
 * "nothing ran").
 */
import { breakingText, changeKey, operationOf } from '../diff/change.js';
import { type DriftRun, runSummary, standing } from '../diff/drift-run.js';
import { sideText } from './drift-text.js';
import { uniqueNames } from './unique-names.js';
import { xmlText } from './xml-text.js';
import { sourceRef } from '../ir/source-ref.js';

export function formatDriftJunit(run: DriftRun): string {
  const s = runSummary(run);
  const total = Math.max(1, s.total);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="docspec drift" tests="${total}" failures="${s.failing}" errors="0" skipped="0">`];
  const reports = run.reports.filter((r) => r.changes.length);
  if (!reports.length) {
    const name = run.tree
      ? `docspec drift ${run.tree.base} → ${run.tree.head}`
      : `docspec drift ${run.reports[0] ? `${sideText(run.reports[0].a)} → ${sideText(run.reports[0].b)}` : ''}`;
    lines.push(
      `  <testsuite name="${xmlText(name)}" tests="1" failures="0" errors="0" skipped="0">`,
      '    <testcase classname="drift" name="no drift"/>',
      '  </testsuite>',
    );
  }
  for (const r of reports) {
    const failing = r.changes.filter((c) => standing(c, run.failOn) === 'fails').length;
    const name = `docspec drift ${sideText(r.a)} → ${sideText(r.b)}`;
    lines.push(`  <testsuite name="${xmlText(name)}" tests="${r.changes.length}" failures="${failing}" errors="0" skipped="0">`);
    // The subject alone repeats (three constraint changes of otherMails): the values tell them apart.
    const names = uniqueNames(
      r.changes.map((c) => (c.before === undefined && c.after === undefined ? c.subject : `${c.subject}: ${c.before ?? '—'} → ${c.after ?? '—'}`)),
    );
    for (const [i, c] of r.changes.entries()) {
      const open = `    <testcase classname="${xmlText(`drift.${operationOf(r)}.${c.kind}`)}" name="${xmlText(names[i]!)}"`;
      const detail = [
        c.message,
        `A ${(sourceRef(c.a) ?? '') || '—'}`,
        `B ${(sourceRef(c.b) ?? '') || '—'}`,
        `breaks: ${breakingText(c.breaking)}`,
        c.reason && `why: ${c.reason}`,
        c.accepted && `accepted: ${c.accepted.reason} (${sourceRef(c.accepted.source) ?? ''})`,
        `id: ${changeKey(operationOf(r), c)}`,
      ]
        .filter(Boolean)
        .join('\n');
      if (standing(c, run.failOn) === 'fails') {
        lines.push(`${open}>`, `      <failure type="${xmlText(c.kind)}" message="${xmlText(c.message)}">${xmlText(detail)}</failure>`, '    </testcase>');
      } else {
        lines.push(`${open}>`, `      <system-out>${xmlText(detail)}</system-out>`, '    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
