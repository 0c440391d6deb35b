/**
 * Drift as markdown, for a pull-request comment or a job summary: the verdict first, then the breaking
 * changes, then the rest, each with the line on both sides.
 */
import { breakingText, type DriftChange, type DriftReport, type FailOn, isBreaking } from '../spec/diff/change.js';
import { driftSummary, sideText } from './drift-text.js';
import { markdownCell, markdownCode } from './markdown-text.js';
import { sourceText } from './source-text.js';
import { printable } from './printable.js';

function table(changes: DriftChange[]): string[] {
  const lines = ['| change | subject | A | B | breaks | details |', '|---|---|---|---|---|---|'];
  for (const c of changes) {
    const side = (value: string | undefined, at: DriftChange['a']) =>
      [value ? markdownCode(value) : '', at ? markdownCell(sourceText(at)) : ''].filter(Boolean).join('<br>') || '—';
    lines.push(
      `| ${c.kind} | ${markdownCode(c.subject)} | ${side(c.before, c.a)} | ${side(c.after, c.b)} | ${breakingText(c.breaking)} | ${markdownCell(c.message)} |`,
    );
  }
  return lines;
}

export function formatDriftMarkdown(r: DriftReport, failOn: FailOn): string {
  const lines = [
    '## docspec drift',
    '',
    `- **A:** ${markdownCell(sideText(r.a))}`,
    `- **B:** ${markdownCell(sideText(r.b))}`,
    '',
    `**${markdownCell(driftSummary(r, failOn))}**`,
    '',
  ];
  const breaking = r.changes.filter(isBreaking);
  const other = r.changes.filter((c) => !isBreaking(c));
  if (breaking.length) lines.push(`### Breaking (${breaking.length})`, '', ...table(breaking), '');
  if (other.length) lines.push(`### Other changes (${other.length})`, '', ...table(other), '');
  return printable(lines.join('\n'));
}
