/**
 * Laws bridging the arbitraries (from the spec JSON) and the generated validators: valid bodies always
 * validate; a body with one constraint broken always fails with that constraint's rule at its path; the same
 * seed gives the same values. Run for every variant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenBody, validBody } from '../../harness/arbitraries/body.js';
import { loadSpec, VALIDATORS } from '../support/validators.js';

describe.each(VALIDATORS)('%s', (variant, validate) => {
  const spec = loadSpec(variant);

  it('bodies generated to satisfy the spec always validate', () => {
    fc.assert(
      fc.property(validBody(spec), (body) => {
        const r = validate(body);
        expect(r, JSON.stringify(body)).toEqual({ valid: true });
      }),
      { numRuns: 300 },
    );
  });

  it('bodies with one constraint broken always fail with that rule at that path', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(brokenBody(spec), (c) => {
        seen.add(c.rule);
        const r = validate(c.body);
        const errors = r.valid ? [] : r.errors;
        expect(
          errors.some((e) => e.rule === c.rule && e.path === c.path),
          `${c.rule} ${c.path} in ${JSON.stringify(c.body)} → ${JSON.stringify(errors)}`,
        ).toBe(true);
        // Every error points at the docs line behind it.
        for (const e of errors) expect(e.source, `${e.rule} ${e.path}`).toMatch(/^spec\/sources\/.+:\d+$|^\.\.\/shared\/corpus\/.+:\d+$/);
      }),
      { numRuns: 600 },
    );
    expect(seen.has('type')).toBe(true);
    expect(seen.has('unknown-property')).toBe(true);
  });

  it('the same seed gives the same bodies', () => {
    const a = fc.sample(validBody(spec), { seed: 42, numRuns: 25 });
    const b = fc.sample(validBody(spec), { seed: 42, numRuns: 25 });
    expect(a).toEqual(b);
    expect(fc.sample(brokenBody(spec), { seed: 7, numRuns: 25 })).toEqual(fc.sample(brokenBody(spec), { seed: 7, numRuns: 25 }));
  });
});

describe('broken cases cover every enforceable rule of v1.0', () => {
  it('max-length, allowed-values, not-nullable, max-items, forbidden-chars, allowed-chars, country-code, formats, flag sets, own-request', () => {
    const rules = new Set(fc.sample(brokenBody(loadSpec('v1.0')), { seed: 1, numRuns: 3000 }).map((c) => c.rule));
    for (const r of [
      'max-length',
      'allowed-values',
      'not-nullable',
      'max-items',
      'forbidden-chars',
      'allowed-chars',
      'country-code',
      'prose-format',
      'alias-domain',
      'flag-set',
      'own-request',
      'type',
      'unknown-property',
    ]) {
      expect(rules, r).toContain(r);
    }
    expect(new Set(fc.sample(brokenBody(loadSpec('beta')), { seed: 1, numRuns: 3000 }).map((c) => c.rule))).toContain('item-max-length');
  });
});
