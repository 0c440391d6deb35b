/** Drift as console text: one block per change, breaking ones marked, then a one-line summary. */
import { breakingText, changeKey, type DriftChange, type DriftReport, type DriftSide, type FailOn, operationOf } from '../diff/change.js';
import { type DriftRun, gateName, runSummary, standing } from '../diff/drift-run.js';
import { entryKey } from '../diff/ignore.js';
import { printable } from './printable.js';
import { sourceRef } from '../ir/source-ref.js';

export function sideText(s: DriftSide): string {
  return s.kind === 'metadata' ? `${s.file} (${s.operation})` : `${s.file} (${s.operation} ${s.variant})`;
}

export function driftSummary(run: DriftRun): string {
  const missed = run.tree?.uncompared?.length ?? 0;
  const uncompared = missed ? `; ${missed} changed page${missed === 1 ? '' : 's'} not compared` : '';
  return `${changesSummary(run)}${uncompared}`;
}

function changesSummary(run: DriftRun): string {
  const s = runSummary(run);
  if (!s.total) return run.tree ? `no drift in ${run.tree.pages.head} pages` : 'no drift';
  const ops = run.tree ? ` in ${s.operations} operation${s.operations === 1 ? '' : 's'}` : '';
  const accepted = s.accepted ? `, ${s.accepted} accepted` : '';
  const gate = run.failOn === 'none' ? '' : `; ${s.failing} fail${s.failing === 1 ? 's' : ''} ${gateName(run)}`;
  return `${s.total} change${s.total === 1 ? '' : 's'}${ops}, ${s.breaking} breaking (${s.client} for clients, ${s.server} for servers)${accepted}${gate}`;
}

function label(c: DriftChange, failOn: FailOn): string {
  switch (standing(c, failOn)) {
    case 'accepted':
      return `accepted (${breakingText(c.breaking)})`;
    case 'fails':
    case 'breaking':
      return `BREAKING (${breakingText(c.breaking)})`;
    case 'info':
      return 'change';
  }
}

export function changeLines(r: DriftReport, c: DriftChange, failOn: FailOn): string[] {
  const lines = [`${label(c, failOn)}  ${c.kind}  ${c.subject}`, `  ${c.message}`];
  if (c.reason) lines.push(`  why: ${c.reason}`);
  if (c.accepted)
    lines.push(`  accepted: ${c.accepted.reason}${c.accepted.expires ? ` (until ${c.accepted.expires})` : ''} — ${sourceRef(c.accepted.source) ?? ''}`);
  if (c.a || c.b) lines.push(`  A ${(sourceRef(c.a) ?? '') || '—'}   B ${(sourceRef(c.b) ?? '') || '—'}`);
  lines.push(`  id: ${changeKey(operationOf(r), c)}`);
  return lines;
}

export function formatDriftText(run: DriftRun): string {
  const lines = ['docspec drift'];
  if (run.tree) lines.push(`  BASE: ${run.tree.base}`, `  HEAD: ${run.tree.head}`, '');
  else if (run.reports[0]) lines.push(`  A: ${sideText(run.reports[0].a)}`, `  B: ${sideText(run.reports[0].b)}`, '');
  for (const r of run.reports) {
    if (!r.changes.length) continue;
    if (run.tree) lines.push(`== ${operationOf(r)} ${r.b.variant ?? r.a.variant ?? ''}  (${r.a.file} → ${r.b.file})`, '');
    for (const c of r.changes) lines.push(...changeLines(r, c, run.failOn), '');
  }
  for (const u of run.tree?.uncompared ?? []) lines.push(`not compared: ${u.page}: ${u.why}`);
  if (run.tree?.uncompared?.length) lines.push('');
  for (const e of run.ignore?.expired ?? []) lines.push(`${sourceRef(e.source) ?? ''}: expired ${e.expires}: ${entryKey(e)} fails again`);
  for (const e of run.ignore?.unused ?? []) lines.push(`${sourceRef(e.source) ?? ''}: matches no change: ${entryKey(e)}`);
  if (run.ignore && (run.ignore.expired.length || run.ignore.unused.length)) lines.push('');
  lines.push(driftSummary(run), '');
  return printable(lines.join('\n'));
}
