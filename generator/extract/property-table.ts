/**
 * Turns `Property | Type | Description` tables into properties: columns found by header name, type column
 * parsed, constraints mined from the description, ragged rows diagnosed instead of dropped.
 */
import type { Block, Inline, TableRow } from '../read/page-model.js';
import { appendLine } from '../read/text-lines.js';
import { diagnostic } from '../ir/diagnostic.js';
import type { Diagnostic, Property, TypeRef } from '../ir/ir.js';
import { mineConstraints } from './constraints.js';
import { parseTypeExpression } from '../ir/type-expression.js';

export function isPropertyTable(block: Block): block is Extract<Block, { kind: 'table' }> {
  if (block.kind !== 'table') return false;
  const h = block.header.map((c) => c.toLowerCase());
  return /^(?:property|name|parameter)(?: name)?$/.test(h[0] ?? '') && h.includes('type');
}

export function readPropertyTable(table: Extract<Block, { kind: 'table' }>, diagnostics: Diagnostic[]): Property[] {
  const h = table.header.map((c) => c.toLowerCase());
  const typeCol = h.indexOf('type');
  const descCol = h.findIndex((c) => c.startsWith('description'));
  const out: Property[] = [];
  let emptyDescriptions = 0;
  for (const row of joinContinuations(table.rows, typeCol, descCol, diagnostics)) {
    const p = readRow(row, typeCol, descCol, table.header.length, diagnostics);
    if (!p) continue;
    if (!p.description) emptyDescriptions++;
    out.push(p);
  }
  if (emptyDescriptions > 0 && descCol >= 0) {
    diagnostics.push(
      diagnostic(
        'empty-description',
        'info',
        `${emptyDescriptions} of ${table.rows.length} rows have no description: no constraints can be mined from them`,
        table.pos,
      ),
    );
  }
  return out;
}

/**
 * A line break inside a row's description leaves a line the table syntax takes for a row of its own: one
 * cell of prose ("Option 1 (Subnet mask) only applies to …|"). Such a line is not a property: its text goes
 * back to the description of the row above, where its sentences (and their constraints) belong.
 */
function joinContinuations(rows: TableRow[], typeCol: number, descCol: number, diagnostics: Diagnostic[]): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const first = row.cells[0]?.text.trim() ?? '';
    const typeText = typeCol >= 0 ? row.cells[typeCol]?.text.trim() : undefined;
    const continued = prev && descCol >= 0 && /\s/.test(first) && (!typeText || !parseTypeExpression(typeText));
    if (!continued) {
      out.push(row);
      continue;
    }
    const text = row.cells
      .map((c) => c.text.trim())
      .filter(Boolean)
      .join(' ');
    const cells = [...prev.cells];
    const d = cells[descCol] ?? { text: '', links: [], strong: [], pos: prev.pos };
    // A copy: page models are shared between operations. The text goes on as a line of its own, so the
    // sentences (and constraints) mined from it cite the line they stand on.
    const joined: Inline = { ...d, links: [...d.links, ...row.cells.flatMap((c) => c.links)], strong: [...d.strong, ...row.cells.flatMap((c) => c.strong)] };
    if (d.lineStarts) joined.lineStarts = [...d.lineStarts];
    appendLine(joined, text, row.pos.line);
    cells[descCol] = joined;
    out[out.length - 1] = { ...prev, cells };
    const name = prev.cells[0]?.text.trim() ?? '';
    diagnostics.push(
      diagnostic(
        'table-row-continued',
        'warning',
        `Line ${row.pos.line} continues the description of \`${name}\` (a line break inside the row); joined to it`,
        row.pos,
      ),
    );
  }
  return out;
}

function readRow(row: TableRow, typeCol: number, descCol: number, width: number, diagnostics: Diagnostic[]): Property | undefined {
  const nameCell = row.cells[0];
  const cellText = nameCell?.text.replace(/\s+/g, ' ').trim() ?? '';
  // "backupReviewers (deprecated)": the name is the identifier; the remark goes with the description.
  const remark = /^([A-Za-z_@$][\w.@$-]*) (\([^()]*\))$/.exec(cellText);
  const name = remark ? remark[1]! : cellText;
  if (!name) {
    diagnostics.push(diagnostic('table-missing-cell', 'warning', 'Table row has no property name; row skipped', row.pos));
    return undefined;
  }
  if (row.cells.length < width) {
    diagnostics.push(diagnostic('table-missing-cell', 'warning', `Row \`${name}\` has ${row.cells.length} of ${width} cells`, row.pos));
  }
  let description: Inline = descCol >= 0 && row.cells[descCol] ? row.cells[descCol]! : { text: '', links: [], strong: [], pos: row.pos };
  if (row.cells.length > width && descCol === width - 1) {
    // An unescaped `|` in the description splits it; join the pieces back instead of losing text.
    const extra = row.cells.slice(descCol);
    description = { ...description, text: extra.map((c) => c.text).join(' | ') };
    diagnostics.push(diagnostic('table-extra-cell', 'warning', `Row \`${name}\` has ${row.cells.length} cells for ${width} columns (unescaped "|"?)`, row.pos));
  }
  const typeCell = typeCol >= 0 ? row.cells[typeCol] : undefined;
  const type = parseType(name, typeCell, row, diagnostics);
  const property: Property = {
    name,
    type,
    description: remark ? `${remark[2]} ${description.text}`.trim() : description.text,
    constraints: mineConstraints(name, type, description, row.pos),
    source: row.pos,
  };
  const inherited = /^Inherited from (\w+)/i.exec(description.text);
  if (inherited) property.inheritedFrom = inherited[1]!;
  return property;
}

function parseType(name: string, cell: Inline | undefined, row: TableRow, diagnostics: Diagnostic[]): TypeRef {
  const text = cell?.text ?? '';
  const link = cell?.links[0]?.url;
  const parsed = parseTypeExpression(text, link);
  if (parsed) return parsed;
  diagnostics.push(
    diagnostic('type-unparsed', 'warning', `Type \`${text || '(empty)'}\` of \`${name}\` is not a type expression; treated as any value`, cell?.pos ?? row.pos),
  );
  // As the diagnostic says: any JSON value, which no reading of the cell refuses.
  return { kind: 'named', name: 'Json', collection: false, resolution: 'unresolved', written: text };
}
