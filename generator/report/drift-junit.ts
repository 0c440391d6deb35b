/**
 * Drift as JUnit XML for CI dashboards: one testcase per change; the ones the `--fail-on` gate counts are
 * failures. With no drift, one passing testcase says so (an empty suite reads as "nothing ran").
 */
import { breakingText, type DriftReport, type FailOn, failingChanges } from '../spec/diff/change.js';
import { sideText } from './drift-text.js';
import { sourceText } from './source-text.js';
import { uniqueNames } from './unique-names.js';
import { xmlText } from './xml-text.js';

export function formatDriftJunit(r: DriftReport, failOn: FailOn): string {
  const failing = new Set(failingChanges(r, failOn));
  const name = `docspec drift ${sideText(r.a)} → ${sideText(r.b)}`;
  const tests = Math.max(1, r.changes.length);
  const attrs = `tests="${tests}" failures="${failing.size}" errors="0" skipped="0"`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="docspec drift" ${attrs}>`, `  <testsuite name="${xmlText(name)}" ${attrs}>`];
  if (!r.changes.length) lines.push('    <testcase classname="drift" name="no drift"/>');
  // The subject alone repeats (three constraint changes of otherMails): the values tell them apart.
  const names = uniqueNames(
    r.changes.map((c) => (c.before === undefined && c.after === undefined ? c.subject : `${c.subject}: ${c.before ?? '—'} → ${c.after ?? '—'}`)),
  );
  for (const [i, c] of r.changes.entries()) {
    const open = `    <testcase classname="${xmlText(`drift.${c.kind}`)}" name="${xmlText(names[i]!)}"`;
    const detail = `${c.message}\nA ${sourceText(c.a) || '—'}\nB ${sourceText(c.b) || '—'}\nbreaks: ${breakingText(c.breaking)}`;
    if (failing.has(c)) {
      lines.push(`${open}>`, `      <failure type="${xmlText(c.kind)}" message="${xmlText(c.message)}">${xmlText(detail)}</failure>`, '    </testcase>');
    } else {
      lines.push(`${open}>`, `      <system-out>${xmlText(detail)}</system-out>`, '    </testcase>');
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
