/**
 * Laws of the documented response bodies a client is answered with: every property of the resource page is
 * there with an id, `@odata.context` names the page's own version and entity set, a collection comes in
 * Graph's `{ "value": [...] }` envelope, and an operation whose success carries no body gets none. Run on the
 * 2021 groups pages (v1.0 and beta); skipped without the corpus.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responseBodies } from '../../harness/arbitraries/response.js';
import { successResponse } from '../../harness/model/target.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { API_REFERENCE_2021, bundled, generateFile, hasApiReference } from '../support/pages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function page(version: 'v1.0' | 'beta', name: string): OperationSpec {
  const api = join(API_REFERENCE_2021, version, 'api');
  return generateFile(join(api, `${name}.md`), api, version) as OperationSpec;
}

function bodies(spec: OperationSpec) {
  const arb = responseBodies(spec, successResponse(spec));
  if (!arb) throw new Error(`${spec.operation} ${spec.variant}: no response body`);
  return arb;
}

/** The documented properties of the response's type, the id aside. */
function properties(spec: OperationSpec): string[] {
  const def = spec.types[successResponse(spec)!.bodyType!];
  return def?.kind === 'complex' ? def.properties.map((p) => p.name).filter((n) => n !== 'id') : [];
}

function isResource(spec: OperationSpec, r: Record<string, unknown>): void {
  expect(r.id).toMatch(UUID);
  for (const name of properties(spec)) expect(r, name).toHaveProperty(name);
  if ('@odata.type' in r) expect(r['@odata.type']).toBe('#microsoft.graph.group');
}

describe.skipIf(!hasApiReference)('documented response bodies', () => {
  it.each(['v1.0', 'beta'] as const)('a single resource (%s group-get): every property, an id, its own version', (version) => {
    const spec = page(version, 'group-get');
    expect(properties(spec).length).toBeGreaterThan(20);
    fc.assert(
      fc.property(bodies(spec), (body) => {
        expect(body['@odata.context']).toBe(`https://graph.microsoft.com/${version}/$metadata#groups/$entity`);
        isResource(spec, body);
      }),
      { numRuns: 50 },
    );
  });

  it('a collection (v1.0 group-list): up to three resources in the value envelope', () => {
    const spec = page('v1.0', 'group-list');
    const lengths = new Set<number>();
    fc.assert(
      fc.property(bodies(spec), (body) => {
        expect(body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#groups');
        const value = body.value as Record<string, unknown>[];
        lengths.add(value.length);
        expect(value.length).toBeLessThanOrEqual(3);
        for (const r of value) isResource(spec, r);
      }),
      { numRuns: 50 },
    );
    expect(lengths.size).toBeGreaterThan(1);
  });
});

it('a success that carries no body (204 of Update user) gets none', () => {
  const spec = bundled('v1.0');
  expect(responseBodies(spec, successResponse(spec))).toBeUndefined();
});
