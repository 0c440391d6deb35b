/**
 * Draws request-table description cells of pages no labelled sample has touched, in an order fixed by a
 * seed, for judging by hand before any rule is changed for them: the figure for pages the rules were not
 * written against. The frame is every table row of the specs `generate --docs` writes for the 2021 tree,
 * off Intune's generated pages, distinct by (description, type), leaving out every page of the existing
 * samples and every cell they hold. The judge reads the cells in order and keeps the first ones that state
 * a rule; the ones that state none are kept too, as judged.
 *
 *   node --import tsx scripts/draw-unseen-cells.ts SPEC_DIR SEED COUNT > cells.json
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperationSpec, TypeRef } from '../generator/ir/ir.js';
import { seeded } from '../tests/support/seeded.js';
import { labelledSamples } from './labelled-samples.js';
import { isIntunePage } from './sample-score.js';

export interface Candidate {
  page: string;
  property: string;
  type: TypeRef;
  description: string;
}

const typeOnly = (t: TypeRef): TypeRef =>
  t.kind === 'primitive'
    ? { kind: 'primitive', name: t.name, collection: t.collection }
    : { kind: t.kind, name: t.name, collection: t.collection, resolution: t.resolution };
const cellKey = (c: Pick<Candidate, 'description' | 'type'>) => JSON.stringify([c.description, c.type.kind, c.type.name, c.type.collection]);

/** The frame, sorted by page and property so the seed alone decides the order; samples drawn before `seed` left out. */
export function frame(specs: readonly OperationSpec[], seed: number): Candidate[] {
  const samples = labelledSamples().filter((s) => s.seed < seed);
  const pages = new Set(samples.flatMap((s) => s.cells.map((c) => c.page)));
  const cells = new Set(samples.flatMap((s) => s.cells.map(cellKey)));
  const out = new Map<string, Candidate>();
  for (const spec of specs) {
    const page = spec.page.file;
    if (isIntunePage(page) || pages.has(page) || spec.requestBody.fromExample) continue;
    for (const p of spec.requestBody.properties) {
      if (p.via !== undefined || !p.description.trim()) continue;
      const c: Candidate = { page, property: p.name, type: typeOnly(p.type), description: p.description };
      const key = cellKey(c);
      if (!cells.has(key) && !out.has(key)) out.set(key, c);
    }
  }
  return [...out.values()].sort((a, b) => a.page.localeCompare(b.page) || a.property.localeCompare(b.property));
}

/** Fisher–Yates with the seeded generator: the first `count` of the frame's permutation. */
export function draw(all: readonly Candidate[], seed: number, count: number): Candidate[] {
  const random = seeded(seed);
  const order = [...all];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, count);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, seedText, countText] = process.argv.slice(2);
  if (!dir || !seedText || !countText) {
    process.stderr.write('usage: node --import tsx scripts/draw-unseen-cells.ts SPEC_DIR SEED COUNT\n');
    process.exit(2);
  }
  const specs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OperationSpec)
    .filter((s) => s.kind === 'operation');
  const all = frame(specs, Number(seedText));
  process.stderr.write(`${all.length} cells in the frame\n`);
  process.stdout.write(`${JSON.stringify(draw(all, Number(seedText), Number(countText)), null, 1)}\n`);
}
