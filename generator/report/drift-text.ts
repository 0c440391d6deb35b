/** Drift as console text: one block per change, breaking ones first marked, then a one-line summary. */
import { breakingText, type DriftReport, type DriftSide, type FailOn, failingChanges, isBreaking } from '../spec/diff/change.js';
import { sourceText } from './source-text.js';
import { printable } from './printable.js';

export function sideText(s: DriftSide): string {
  return s.kind === 'metadata' ? `${s.file} (${s.operation})` : `${s.file} (${s.operation} ${s.variant})`;
}

export function driftSummary(r: DriftReport, failOn: FailOn): string {
  if (!r.changes.length) return 'no drift';
  const gate = failingChanges(r, failOn).length;
  return `${r.summary.total} change${r.summary.total === 1 ? '' : 's'}, ${r.summary.breaking} breaking (${r.summary.client} for clients, ${r.summary.server} for servers)${
    failOn === 'none' ? '' : `; ${gate} fail${gate === 1 ? 's' : ''} --fail-on ${failOn}`
  }`;
}

export function formatDriftText(r: DriftReport, failOn: FailOn): string {
  const lines = [`docspec drift`, `  A: ${sideText(r.a)}`, `  B: ${sideText(r.b)}`, ''];
  for (const c of r.changes) {
    lines.push(`${isBreaking(c) ? `BREAKING (${breakingText(c.breaking)})` : 'change'}  ${c.kind}  ${c.subject}`);
    lines.push(`  ${c.message}`);
    if (c.a || c.b) lines.push(`  A ${sourceText(c.a) || '—'}   B ${sourceText(c.b) || '—'}`);
    lines.push('');
  }
  lines.push(driftSummary(r, failOn), '');
  return printable(lines.join('\n'));
}
