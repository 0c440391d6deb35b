/** The variant matrix as a markdown table; a cell that disagrees with its row is bold, a missing one is —. */
import { type Matrix, type MatrixCell, matrixSummaryText } from '../diff/matrix.js';
import { markdownCell } from './markdown-text.js';

function cellText(c: MatrixCell | null, scope: 'full' | 'subset'): string {
  if (!c) return scope === 'subset' ? '·' : '—';
  const parts = [c.type, ...c.constraints];
  if (c.fields?.length) parts.push(`fields: ${c.fields.join(', ')}`);
  const text = parts.map(markdownCell).join('<br>');
  return c.differs ? `**${text}**` : text;
}

export function formatMatrixMarkdown(m: Matrix): string {
  const lines = [
    `## ${markdownCell(m.operation)}: properties by variant`,
    '',
    `${matrixSummaryText(m)} Bold: disagrees with the row's most common cell (every cell when no reading has a majority); —: not documented there; ·: outside the variant's part of the body.`,
    '',
    `| property | ${m.variants.map((v) => markdownCell(v.variant)).join(' | ')} |`,
    `|---|${m.variants.map(() => '---').join('|')}|`,
  ];
  for (const r of m.rows)
    lines.push(
      `| ${r.differs ? '**' : ''}${markdownCell(r.property)}${r.differs ? '**' : ''} | ${r.cells.map((c, i) => cellText(c, m.variants[i]!.scope)).join(' | ')} |`,
    );
  lines.push('', ...m.variants.map((v) => `- ${markdownCell(v.variant)}: ${markdownCell(v.file)}`), '');
  return lines.join('\n');
}
