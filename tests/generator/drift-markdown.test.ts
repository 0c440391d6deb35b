/**
 * The markdown drift report as a pull-request comment shows it: parsed with remark and GFM, every change is
 * one table row, a cell's lines are separated by real line breaks, and no markup shows as literal text.
 */
import type { Root, Table, TableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../generator/diff/diff-specs.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { formatDriftMarkdown } from '../../generator/report/drift-markdown.js';
import { bundled } from '../support/pages.js';

/** A cell as a reader sees it: its text, with each line break as a newline. */
function rendered(cell: TableCell): string {
  return cell.children.map((n) => (n.type === 'html' ? (/^<br\s*\/?>$/i.test(n.value) ? '\n' : n.value) : 'value' in n ? n.value : '')).join('');
}

describe('markdown drift report', () => {
  const report = diffSpecs(bundled('v1.0') as OperationSpec, bundled('beta') as OperationSpec);
  const md = formatDriftMarkdown({ reports: [report], failOn: 'breaking' });
  const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
  const tables = tree.children.filter((n): n is Table => n.type === 'table');
  const rows = tables.flatMap((t) => t.children.slice(1));

  it('has one table row per change', () => {
    expect(rows).toHaveLength(report.changes.length);
  });

  it('separates the lines of a cell with real line breaks, never a literal <br>', () => {
    const details = rows.map((r) => rendered(r.children.at(-1)!));
    const why = details.filter((d) => d.includes('\nwhy: '));
    expect(why.length).toBeGreaterThan(0);
    for (const d of details) expect(d).not.toMatch(/<br>|\\</);
    // A change's message and its reason, each on its own line.
    const withReason = report.changes.find((c) => c.reason)!;
    expect(details).toContain(`${withReason.message}\nwhy: ${withReason.reason}`);
  });
});
