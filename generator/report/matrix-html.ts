/**
 * The variant matrix as one self-contained HTML page (inline CSS, no scripts, nothing fetched), for a person
 * to open from a CI artifact. Disagreeing cells are highlighted, missing ones marked, and a checkbox hides
 * the rows on which every variant that documents the property agrees.
 */
import { type Matrix, type MatrixCell, matrixSummaryText } from '../diff/matrix.js';
import { htmlText } from './html-text.js';
import { sourceRef } from '../ir/source-ref.js';

const STYLE = `
:root { font-family: system-ui, sans-serif; font-size: 14px; color: #1b1f24; }
body { margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
p { margin: 4px 0 12px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; text-align: left; max-width: 22em; overflow-wrap: anywhere; }
thead th { position: sticky; top: 0; background: #f6f8fa; }
th.property { font-family: ui-monospace, monospace; font-weight: 600; }
td .type { font-family: ui-monospace, monospace; }
td .constraint, td .fields { display: block; color: #57606a; font-size: 12px; }
td.differs { background: #fff1b8; }
td.missing { background: #ffd7d5; color: #82071e; text-align: center; }
td.out-of-scope { background: #f6f8fa; color: #8c959f; text-align: center; }
tr.same th.property { font-weight: 400; }
.legend span { display: inline-block; padding: 2px 8px; margin-right: 8px; border: 1px solid #d0d7de; }
body:has(#only-differing:checked) tr.same { display: none; }
`;

function cellHtml(c: MatrixCell | null, variant: string, scope: 'full' | 'subset'): string {
  if (!c && scope === 'subset')
    return `<td class="out-of-scope" data-variant="${htmlText(variant)}" title="${htmlText(variant)} documents a part of the body on purpose">·</td>`;
  if (!c) return `<td class="missing" data-variant="${htmlText(variant)}" title="not documented in ${htmlText(variant)}">—</td>`;
  const parts = [`<span class="type">${htmlText(c.type)}</span>`];
  for (const k of c.constraints) parts.push(`<span class="constraint">${htmlText(k)}</span>`);
  if (c.fields?.length) parts.push(`<span class="fields">fields: ${htmlText(c.fields.join(', '))}</span>`);
  return `<td class="${c.differs ? 'differs' : 'agrees'}" data-variant="${htmlText(variant)}" title="${htmlText(sourceRef(c.source) ?? '')}">${parts.join('')}</td>`;
}

export function formatMatrixHtml(m: Matrix): string {
  const head = m.variants.map((v) => `<th scope="col" title="${htmlText(v.file)}">${htmlText(v.variant)}</th>`).join('');
  const rows = m.rows.map(
    (r) =>
      `<tr class="${r.differs ? 'differs' : 'same'}"><th scope="row" class="property">${htmlText(r.property)}</th>${r.cells.map((c, i) => cellHtml(c, m.variants[i]!.variant, m.variants[i]!.scope)).join('')}</tr>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(m.operation)}: variant matrix</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${htmlText(m.operation)}: properties by variant</h1>
<p id="summary">${htmlText(matrixSummaryText(m))}</p>
<p class="legend"><span style="background:#fff1b8">disagrees with the row's most common cell (every cell when no reading has a majority)</span><span style="background:#ffd7d5">not documented</span><span style="background:#f6f8fa">outside the variant's part of the body</span>
<label><input type="checkbox" id="only-differing"> only rows where the documenting variants disagree</label></p>
<table>
<thead><tr><th scope="col">property</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
