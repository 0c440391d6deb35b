/**
 * Drift as markdown, for a pull-request comment or a job summary: the verdict first, then the changes that
 * fail the gate, then the rest, each with the line on both sides.
 */
import { breakingText, type DriftChange, type DriftReport, operationOf } from '../diff/change.js';
import { type DriftRun, gateName, standing } from '../diff/drift-run.js';
import { driftSummary, sideText } from './drift-text.js';
import { markdownCell, markdownCode } from './markdown-text.js';
import { printable } from './printable.js';
import { sourceRef } from '../ir/source-ref.js';

type Row = { r: DriftReport; c: DriftChange };

function table(rows: Row[], tree: boolean): string[] {
  const lines = [`|${tree ? ' operation |' : ''} change | subject | A | B | breaks | details |`, `|${tree ? '---|' : ''}---|---|---|---|---|---|`];
  for (const { r, c } of rows) {
    const side = (value: string | undefined, at: DriftChange['a']) =>
      [value ? markdownCode(value) : '', at ? markdownCell(sourceRef(at) ?? '') : ''].filter(Boolean).join('<br>') || '—';
    // Each line is escaped on its own: the breaks between them are markup, not text.
    const details = [c.message, c.reason && `why: ${c.reason}`, c.accepted && `accepted: ${c.accepted.reason}`]
      .filter((l): l is string => !!l)
      .map(markdownCell)
      .join('<br>');
    lines.push(
      `|${tree ? ` ${markdownCode(operationOf(r))} |` : ''} ${c.kind} | ${markdownCode(c.subject)} | ${side(c.before, c.a)} | ${side(c.after, c.b)} | ${breakingText(c.breaking)} | ${details} |`,
    );
  }
  return lines;
}

export function formatDriftMarkdown(run: DriftRun): string {
  const lines = ['## docspec drift', ''];
  if (run.tree) lines.push(`- **BASE:** ${markdownCell(run.tree.base)}`, `- **HEAD:** ${markdownCell(run.tree.head)}`);
  else if (run.reports[0]) lines.push(`- **A:** ${markdownCell(sideText(run.reports[0].a))}`, `- **B:** ${markdownCell(sideText(run.reports[0].b))}`);
  lines.push('', `**${markdownCell(driftSummary(run))}**`, '');
  const rows = run.reports.flatMap((r) => r.changes.map((c) => ({ r, c })));
  const by = (s: ReturnType<typeof standing>[]) => rows.filter(({ c }) => s.includes(standing(c, run.failOn)));
  const sections: [string, Row[]][] = [
    [`Failing ${gateName(run)}`, by(['fails'])],
    ['Breaking, not gated', by(['breaking'])],
    ['Accepted', by(['accepted'])],
    ['Other changes', by(['info'])],
  ];
  const uncompared = run.tree?.uncompared ?? [];
  if (uncompared.length)
    lines.push(`### Not compared (${uncompared.length})`, '', ...uncompared.map((u) => `- ${markdownCode(u.page)}: ${markdownCell(u.why)}`), '');
  for (const [title, list] of sections) if (list.length) lines.push(`### ${title} (${list.length})`, '', ...table(list, !!run.tree), '');
  return printable(lines.join('\n'));
}
