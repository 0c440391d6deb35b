/** The variant matrix as a markdown table; a cell that disagrees with its row is bold, a missing one is —. */
import type { Matrix, MatrixCell } from '../spec/diff/matrix.js';
import { markdownCell } from './markdown-text.js';

function cellText(c: MatrixCell | null): string {
  if (!c) return '—';
  const parts = [c.type, ...c.constraints];
  if (c.fields?.length) parts.push(`fields: ${c.fields.join(', ')}`);
  const text = parts.map(markdownCell).join('<br>');
  return c.differs ? `**${text}**` : text;
}

export function formatMatrixMarkdown(m: Matrix): string {
  const lines = [
    `## ${markdownCell(m.operation)}: properties by variant`,
    '',
    `${m.summary.properties} properties; ${m.summary.differing} differ between the variants that document them; ${m.summary.incomplete} are missing from some variant; ${m.summary.everywhere} are documented by every variant. Bold: disagrees with the row's most common cell; —: not documented there.`,
    '',
    `| property | ${m.variants.map((v) => markdownCell(v.variant)).join(' | ')} |`,
    `|---|${m.variants.map(() => '---').join('|')}|`,
  ];
  for (const r of m.rows) lines.push(`| ${r.differs ? '**' : ''}${markdownCell(r.property)}${r.differs ? '**' : ''} | ${r.cells.map(cellText).join(' | ')} |`);
  lines.push('', ...m.variants.map((v) => `- ${markdownCell(v.variant)}: ${markdownCell(v.file)}`), '');
  return lines.join('\n');
}
