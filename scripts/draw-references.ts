/**
 * Draws the resources the reference servers implement, so the choice is the seed's and not ours: among the
 * v1.0 resources whose pages give a create, a get, a list, an update and a delete on one collection (read
 * from the specs `generate --docs` writes for the 2021 tree), users and groups left out, `count` drawn with
 * a seeded generator.
 *
 *   node --import tsx scripts/draw-references.ts SPEC_DIR [SEED] [COUNT]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperationSpec } from '../generator/ir/ir.js';
import { templateShape } from '../generator/ir/path-templates.js';
import { seeded } from '../tests/support/seeded.js';

interface Candidate {
  collection: string;
  pages: Record<'create' | 'get' | 'list' | 'update' | 'delete', string>;
}

/** The collections with all five operations, sorted by path, each with the page of each operation. */
export function candidates(specs: readonly OperationSpec[]): Candidate[] {
  const at = new Map<string, Map<string, string>>();
  for (const spec of specs) {
    if (spec.variant !== 'v1.0') continue;
    for (const path of spec.http.paths) {
      const shape = templateShape(path.template);
      const item = /\/\{\}$/.test(shape);
      const collection = item ? shape.replace(/\/\{\}$/, '') : shape;
      const role =
        spec.http.method === 'POST' && !item
          ? 'create'
          : spec.http.method === 'GET'
            ? item
              ? 'get'
              : 'list'
            : spec.http.method === 'PATCH' && item
              ? 'update'
              : spec.http.method === 'DELETE' && item
                ? 'delete'
                : undefined;
      if (!role) continue;
      const roles = at.get(collection) ?? new Map<string, string>();
      at.set(collection, roles);
      if (!roles.has(role)) roles.set(role, spec.operation);
    }
  }
  const out: Candidate[] = [];
  for (const [collection, roles] of at) {
    if (roles.size < 5 || /^\/(users|groups|me)(\/|$)/.test(collection)) continue;
    out.push({ collection, pages: Object.fromEntries(roles) as Candidate['pages'] });
  }
  return out.sort((a, b) => (a.collection < b.collection ? -1 : 1));
}

/** `count` distinct candidates, drawn by `seed`; resources already drawn (the same create page) are skipped. */
export function draw(all: readonly Candidate[], seed: number, count: number): Candidate[] {
  const next = seeded(seed);
  const pool = [...all];
  const out: Candidate[] = [];
  while (out.length < count && pool.length) {
    const [pick] = pool.splice(Math.floor(next() * pool.length), 1);
    if (out.some((c) => c.pages.create === pick!.pages.create)) continue;
    out.push(pick!);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, seed = '34', count = '2'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: draw-references.ts SPEC_DIR [SEED] [COUNT]');
    process.exit(2);
  }
  const specs = readdirSync(dir)
    .filter((f) => f.endsWith('.v1.0.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OperationSpec)
    .filter((s) => s.kind === 'operation');
  const all = candidates(specs);
  console.log(`${all.length} v1.0 collections with create, get, list, update and delete (users and groups left out)`);
  for (const c of draw(all, Number(seed), Number(count))) console.log(`${c.collection}: ${JSON.stringify(c.pages)}`);
}
