/** The hand-labelled samples of description cells (tests/fixtures/labelled-cells), in a fixed order. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelledCell } from './sample-score.js';

export const SAMPLES_DIR = join(import.meta.dirname, '../tests/fixtures/labelled-cells');

/** Sorted by seed: the order they were drawn in, the held-out one last. */
export function labelledSamples(dir = SAMPLES_DIR): { name: string; seed: number; cells: LabelledCell[] }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { seed: number; cells: LabelledCell[] };
      return { name: f.replace(/\.json$/, ''), seed: doc.seed, cells: doc.cells };
    })
    .sort((a, b) => a.seed - b.seed);
}
