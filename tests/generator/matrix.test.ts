/** The variant matrix's reading of its rows: subsets documented on purpose, and ties without a winner. */
import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../generator/diff/matrix.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { bundled } from '../support/pages.js';

const v1 = bundled('v1.0');
const beta = bundled('beta');
const intune = bundled('intune');

describe('variant matrix', () => {
  it('the one-row Intune variant documents a part on purpose: its omissions are not "missing"', () => {
    expect(intune.requestBody.properties).toHaveLength(1);
    const m = buildMatrix([beta, v1, intune]);
    expect(m.variants.map((v) => v.scope)).toEqual(['full', 'full', 'subset']);
    const both = m.rows.filter((r) => r.cells[0] && r.cells[1]);
    // Rows beta and v1.0 both document are complete, though Intune has only one of them.
    expect(both.length).toBeGreaterThan(30);
    for (const r of both) expect(r.incomplete, r.property).toBe(false);
    expect(m.summary.everywhere).toBe(both.length);
    // Without the subset reading, every row but one would be missing from some variant.
    expect(m.summary.everywhere).toBeGreaterThan(m.rows.length / 2);
  });

  it('two variants that disagree tie: no cell is the winner, both are marked', () => {
    const m = buildMatrix([beta, v1]);
    const tie = m.rows.find((r) => r.property === 'otherMails')!;
    expect(tie.differs).toBe(true);
    expect(tie.majority).toBe(false);
    expect(tie.cells.map((c) => c?.differs)).toEqual([true, true]);
    // Swapping the columns changes nothing but the order.
    const swapped = buildMatrix([v1, beta]).rows.find((r) => r.property === 'otherMails')!;
    expect(swapped.cells.map((c) => c?.differs)).toEqual([true, true]);
  });

  it('a majority names the odd one out', () => {
    const copy = JSON.parse(JSON.stringify(v1)) as OperationSpec;
    copy.variant = 'v1.0-copy';
    const m = buildMatrix([beta, v1, copy]);
    const row = m.rows.find((r) => r.property === 'otherMails')!;
    expect(row.majority).toBe(true);
    expect(row.cells.map((c) => c?.differs)).toEqual([true, false, false]);
  });
});
