/**
 * Precision and recall of the mining rules on a hand-labelled sample of description cells. A cell's
 * `expected` lists the request-checkable rules (value and presence kinds) it states; the score mines the same
 * text with the same rules and compares, by kind and value. Type-column formats are left out: they come
 * from the type, not from the sentence.
 */
import { mineConstraints } from '../generator/extract/constraints.js';
import { CONSTRAINT_KINDS } from '../generator/ir/constraint-kinds.js';
import { shapesValues } from '../generator/ir/enforced.js';
import type { Constraint, ConstraintValue, TypeRef } from '../generator/ir/ir.js';

export interface LabelledCell {
  page: string;
  property: string;
  type: TypeRef;
  description: string;
  expected: ConstraintValue[];
  note?: string;
}

export interface CellResult {
  cell: LabelledCell;
  mined: Constraint[];
  missed: ConstraintValue[];
  wrong: Constraint[];
}

export interface SampleScore {
  cells: number;
  /** Cells that state at least one request-checkable rule. */
  stating: number;
  expected: number;
  mined: number;
  correct: number;
  recall: { overall: number; intune: number; other: number };
  precision: number;
  byRule: { rule: string; mined: number; correct: number; precision: number }[];
  results: CellResult[];
}

export const isIntunePage = (page: string) => /(?:^|\/)intune-[^/]*$/.test(page);

/** A constraint's value alone, keys sorted, for comparing a mined constraint with a judged one. */
function valueKey(c: ConstraintValue): string {
  const { rule: _r, sentence: _s, source: _p, condition: _c, strength: _t, ...v } = c as Constraint;
  return JSON.stringify(Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))));
}

// Advisory rules count: a label says what rule a sentence states, whatever its strength.
const checkable = (c: Constraint) => shapesValues(c) && ['value', 'presence'].includes(CONSTRAINT_KINDS[c.kind].applies) && c.rule !== 'primitive-format';

export function mineCell(cell: LabelledCell): Constraint[] {
  const pos = { file: cell.page, line: 1, column: 1 };
  return mineConstraints(cell.property, cell.type, { text: cell.description, pos, links: [], strong: [] }, pos).filter(checkable);
}

export function scoreSample(cells: LabelledCell[]): SampleScore {
  const results = cells.map((cell): CellResult => {
    const mined = mineCell(cell);
    const minedKeys = mined.map(valueKey);
    const expectedKeys = cell.expected.map(valueKey);
    return {
      cell,
      mined,
      missed: cell.expected.filter((_, i) => !minedKeys.includes(expectedKeys[i]!)),
      wrong: mined.filter((_, i) => !expectedKeys.includes(minedKeys[i]!)),
    };
  });
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const recallOf = (rs: CellResult[]) => {
    const expected = rs.reduce((n, r) => n + r.cell.expected.length, 0);
    return ratio(expected - rs.reduce((n, r) => n + r.missed.length, 0), expected);
  };
  const byRule = new Map<string, { mined: number; correct: number }>();
  for (const r of results) {
    for (const c of r.mined) {
      const e = byRule.get(c.rule) ?? { mined: 0, correct: 0 };
      e.mined++;
      if (!r.wrong.includes(c)) e.correct++;
      byRule.set(c.rule, e);
    }
  }
  const expected = results.reduce((n, r) => n + r.cell.expected.length, 0);
  const mined = results.reduce((n, r) => n + r.mined.length, 0);
  const correct = mined - results.reduce((n, r) => n + r.wrong.length, 0);
  return {
    cells: cells.length,
    stating: cells.filter((c) => c.expected.length > 0).length,
    expected,
    mined,
    correct,
    recall: {
      overall: recallOf(results),
      intune: recallOf(results.filter((r) => isIntunePage(r.cell.page))),
      other: recallOf(results.filter((r) => !isIntunePage(r.cell.page))),
    },
    precision: ratio(correct, mined),
    byRule: [...byRule].map(([rule, e]) => ({ rule, ...e, precision: ratio(e.correct, e.mined) })).sort((a, b) => a.rule.localeCompare(b.rule)),
    results,
  };
}
