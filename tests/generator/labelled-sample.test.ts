/**
 * Precision and recall of the mining rules on the hand-labelled samples (tests/fixtures/labelled-cells),
 * recomputed from the judged cells on every run; the README's table is generated from the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { isIntunePage, type LabelledCell, scoreSample } from '../../scripts/sample-score.js';
import { labelledSamples } from '../../scripts/labelled-samples.js';

const samples = labelledSamples();
const key = (c: LabelledCell) => JSON.stringify([c.description, c.type.kind, c.type.name, c.type.collection]);

describe('the labelled samples', () => {
  it('are three samples of 150 distinct cells, 75 from Intune pages and 75 from the others, none in two samples', () => {
    expect(samples.map((s) => s.name)).toEqual(['dev-2026', 'second-2027', 'held-out-2028']);
    const seen = new Set<string>();
    for (const s of samples) {
      expect(s.cells, s.name).toHaveLength(150);
      expect(
        s.cells.filter((c) => isIntunePage(c.page)),
        s.name,
      ).toHaveLength(75);
      for (const c of s.cells) {
        expect(seen.has(key(c)), `${s.name}: ${c.page} ${c.property}`).toBe(false);
        seen.add(key(c));
      }
    }
  });

  for (const s of samples) {
    it(`${s.name}: recall ≥ 90% off Intune and ≥ 95% overall; precision ≥ 98% overall and ≥ 95% for every rule`, () => {
      const score = scoreSample(s.cells);
      const misses = score.results.flatMap((r) => [
        ...r.missed.map((m) => `missed ${JSON.stringify(m)} in ${r.cell.page} ${r.cell.property}`),
        ...r.wrong.map((w) => `wrong ${w.rule} ${JSON.stringify({ ...w, sentence: undefined, source: undefined })} in ${r.cell.page} ${r.cell.property}`),
      ]);
      expect(score.recall.other, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
      expect(score.recall.overall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(score.precision, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
      for (const r of score.byRule) expect(r.precision, r.rule).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe('scoreSample', () => {
  const cell = (description: string, expected: LabelledCell['expected']): LabelledCell => ({
    page: 'v1.0/api/x-update.md',
    property: 'p',
    type: { kind: 'primitive', name: 'String', collection: false },
    description,
    expected,
  });

  it('counts a judged rule the rules do not find as missed, and a found one nobody judged as wrong', () => {
    const s = scoreSample([
      cell('The maximum length is 64 characters.', [{ kind: 'maxLength', max: 64 }]),
      cell('The maximum length is 64 characters.', [{ kind: 'maxLength', max: 65 }]),
      cell('A name.', [{ kind: 'notNullable' }]),
    ]);
    expect({ expected: s.expected, mined: s.mined, correct: s.correct }).toEqual({ expected: 3, mined: 2, correct: 1 });
    expect(s.recall.overall).toBeCloseTo(1 / 3);
    expect(s.precision).toBeCloseTo(1 / 2);
    expect(s.byRule).toEqual([{ rule: 'max-length', mined: 2, correct: 1, precision: 0.5 }]);
  });

  it("leaves out conditional constraints and the type column's formats", () => {
    const s = scoreSample([
      { ...cell('For a B2B scenario, the maximum length is 10 characters.', []), type: { kind: 'primitive', name: 'DateTimeOffset', collection: false } },
    ]);
    expect(s.mined).toBe(0);
  });
});
