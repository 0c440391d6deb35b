/**
 * Laws bridging the arbitraries (from the spec JSON) and the generated validators: valid bodies always
 * validate; a body with one constraint broken always fails with that constraint's rule at its path; the same
 * seed gives the same values. Run for every variant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenBody, brokenFamilies, smallValidBody, validBody } from '../../harness/arbitraries/body.js';
import { validBodies } from '../../harness/arbitraries/body-bindings.js';
import { mineConstraints } from '../../generator/extract/constraints.js';
import { breakers } from '../../harness/arbitraries/values.js';
import { buildContract } from '../../generator/emit/contract.js';
import { validateWith } from '../../generator/emit/runtime.js';
import type { OperationSpec, Property } from '../../generator/ir/ir.js';
import { loadSpec, VALIDATORS } from '../support/validators.js';
import { groupSpecs, hasApiReference } from '../support/pages.js';

/** Writable properties a valid body may name: not read-only, and not the key `id` (see `sendable` in body.ts). */
const sendable = (spec: OperationSpec) =>
  spec.requestBody.properties.filter((p) => p.name !== 'id' && !p.constraints.some((c) => c.kind === 'readOnly' && !c.condition)).length;

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

  // Family by family, not from brokenBody's random mix: every constraint is held to the law in every run, and
  // which rules are covered does not depend on the seed.
  it('bodies with one constraint broken always fail with that rule at that path', () => {
    const families = brokenFamilies(spec);
    for (const f of families) {
      fc.assert(
        fc.property(f.arbitrary, (c) => {
          const r = validate(c.body);
          const errors = r.valid ? [] : r.errors;
          expect(
            errors.some((e) => e.rule === c.rule && e.path === c.path),
            `${f.id}: ${c.rule} ${c.path} in ${JSON.stringify(c.body)} → ${JSON.stringify(errors)}`,
          ).toBe(true);
          // Every error points at the docs line behind it.
          for (const e of errors) expect(e.source, `${e.rule} ${e.path}`).toMatch(/^spec\/sources\/.+:\d+$|^\.\.\/shared\/corpus\/.+:\d+$/);
        }),
        { numRuns: 10 },
      );
    }
    const rules = new Set(families.map((f) => f.rule));
    // Intune's page documents only `id`, the key no valid body sends: there is no property to break.
    expect(rules.has('type')).toBe(sendable(spec) > 0);
    expect(rules.has('unknown-property')).toBe(true);
  });

  it('small bodies (checks about everything but the body) validate, and carry at most two properties', () => {
    const sizes = new Set<number>();
    fc.assert(
      fc.property(smallValidBody(spec), (body) => {
        sizes.add(Object.keys(body).length);
        expect(validate(body), JSON.stringify(body)).toEqual({ valid: true });
        // PATCH binds no "Required.", so the base is up to two drawn properties.
        expect(Object.keys(body).length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
    // Up to two when the body has that many properties to send (Intune's documents only `id`, which none sends).
    expect(Math.max(...sizes)).toBe(Math.min(2, sendable(spec)));
    expect(sizes.has(0)).toBe(true);
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

/**
 * The kinds format 2 added, on a spec that has them all (the bundled pages have no numeric bounds): the
 * same two laws, held by the runtime validator of the spec's own contract.
 */
describe('bounds, lengths and prose formats', () => {
  const base = loadSpec('v1.0');
  const source = { file: 'spec/sources/v1.0/user-update.txt', line: 1, column: 1 };
  const prim = (name: string) => ({ kind: 'primitive' as const, name: name as 'String', collection: false });
  const rule = (r: string) => ({ rule: r, sentence: 's', source });
  const demands = (r: string) => ({ rule: r, sentence: 'Must be one.', source });
  const extra: Property[] = [
    {
      name: 'count',
      type: prim('Int32'),
      description: '',
      source,
      constraints: [
        { kind: 'minimum', value: 4, exclusive: false, ...rule('numeric-range') },
        { kind: 'maximum', value: 16, exclusive: false, ...rule('numeric-range') },
      ],
    },
    {
      name: 'ratio',
      type: prim('Double'),
      description: '',
      source,
      constraints: [
        { kind: 'minimum', value: 0, exclusive: true, ...rule('numeric-range') },
        { kind: 'maximum', value: 1, exclusive: false, ...rule('numeric-range') },
      ],
    },
    {
      name: 'code',
      type: prim('String'),
      description: '',
      source,
      constraints: [
        { kind: 'minLength', min: 3, ...rule('exact-length') },
        { kind: 'maxLength', max: 3, ...rule('exact-length') },
      ],
    },
    // Formats the sentence demands: a described one ("The URL for …") is broken only as a tolerance (below).
    { name: 'site', type: prim('String'), description: '', source, constraints: [{ kind: 'format', format: 'uri', ...demands('prose-format') }] },
    { name: 'contact', type: prim('String'), description: '', source, constraints: [{ kind: 'format', format: 'email', ...demands('prose-format') }] },
    { name: 'lang', type: prim('String'), description: '', source, constraints: [{ kind: 'format', format: 'language-tag', ...demands('prose-format') }] },
    { name: 'hook', type: prim('String'), description: '', source, constraints: [{ kind: 'format', format: 'https-uri', ...demands('prose-format') }] },
    { name: 'cert', type: prim('String'), description: '', source, constraints: [{ kind: 'format', format: 'base64', ...demands('prose-format') }] },
  ];
  // Only the new properties, so every broken case is about one of them or the body's shape.
  const spec: OperationSpec = { ...base, requestBody: { ...base.requestBody, properties: extra, groups: [] } };
  const contract = buildContract(spec);
  const validate = (body: unknown) => validateWith(contract, body);

  it('valid bodies validate', () => {
    fc.assert(
      fc.property(validBody(spec), (body) => {
        expect(validate(body), JSON.stringify(body)).toEqual({ valid: true });
      }),
      { numRuns: 300 },
    );
  });

  it('a body with one of them broken fails with that rule at that path, for each kind', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(brokenBody(spec), (c) => {
        seen.add(`${c.rule} ${c.path}`);
        const r = validate(c.body);
        const errors = r.valid ? [] : r.errors;
        expect(
          errors.some((e) => e.rule === c.rule && e.path === c.path),
          `${c.rule} ${c.path} in ${JSON.stringify(c.body)} → ${JSON.stringify(errors)}`,
        ).toBe(true);
      }),
      { numRuns: 600 },
    );
    for (const want of [
      'numeric-range /count',
      'numeric-range /ratio',
      'exact-length /code',
      'prose-format /site',
      'prose-format /contact',
      'prose-format /lang',
      'prose-format /hook',
      'prose-format /cert',
    ]) {
      expect(seen, want).toContain(want);
    }
  });

  it('breaks a rule the docs only advise as a tolerance, one they demand beyond any reading', () => {
    const format = (sentence: string): Property => {
      const description = { text: sentence, pos: source, links: [] } as unknown as Parameters<typeof mineConstraints>[2];
      return {
        name: 'contact',
        type: prim('String'),
        description: sentence,
        source,
        constraints: mineConstraints('contact', prim('String'), description, source),
      };
    };
    const tolerances = (sentence: string) =>
      breakers(format(sentence), { spec, depth: 0 })
        .filter((b) => b.rule === 'prose-format')
        .map((b) => b.tolerance);
    expect(tolerances('The SMTP address for the user.')).toEqual(['advisory']);
    expect(tolerances('Should follow ISO 639-1 Code.')).toEqual(['advisory']);
    expect(tolerances('Must be a valid email address.')).toEqual([undefined]);
  });

  it('holds the bounds exactly: 4 and 16 pass, 3 and 17 do not; 0 is outside an exclusive minimum', () => {
    for (const count of [4, 16]) expect(validate({ count })).toEqual({ valid: true });
    for (const count of [3, 17]) expect(validate({ count }).valid).toBe(false);
    expect(validate({ ratio: 0 }).valid).toBe(false);
    expect(validate({ ratio: 1 })).toEqual({ valid: true });
  });
});

/**
 * The same two laws on pages the arbitraries were not written for: the 2021 groups create and update pages
 * (corpus), held by the runtime validator of each spec's own contract (a forbidden character at the maximum
 * length once broke nothing here).
 */
describe.skipIf(!hasApiReference).each(['group-post-groups', 'group-update'])('groups: %s', (name) => {
  const spec = groupSpecs().find((s) => s.operation === name)!;
  const contract = spec && buildContract(spec);

  it('bodies generated to satisfy the spec always validate', () => {
    fc.assert(
      fc.property(validBody(spec), (body) => {
        expect(validateWith(contract, body), JSON.stringify(body)).toEqual({ valid: true });
      }),
      { numRuns: 300 },
    );
  });

  // Family by family, so a rare draw of one family (a character inserted first into a string at the maximum
  // length) is reached in every run.
  // Without the corpus the describe is skipped; its table still needs a row.
  const families = spec ? brokenFamilies(spec).map((f) => [f.id, f] as const) : [['(no corpus)', undefined as never] as const];
  it.each(families)('%s: every body fails with that rule at that path', (_id, family) => {
    fc.assert(
      fc.property(family.arbitrary, (c) => {
        const r = validateWith(contract, c.body);
        const errors = r.valid ? [] : r.errors;
        expect(
          errors.some((e) => e.rule === c.rule && e.path === c.path),
          `${c.rule} ${c.path} in ${JSON.stringify(c.body)}`,
        ).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('values no reading of the docs forbids', () => {
  const spec = loadSpec('v1.0');
  const collections = spec.requestBody.properties.filter((p) => p.type.collection).map((p) => p.name);

  it('a collection is never null: OData collections are never null', () => {
    expect(collections.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(validBody(spec), (body) => {
        for (const name of collections) expect(body[name], name).not.toBeNull();
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it("an update never clears a property the resource's create requires, nor one its own page says is required on create", () => {
    // A create of the same collection in the run, requiring companyName: the update page is silent on it.
    const create = structuredClone(spec);
    create.operation = 'user-post-users';
    create.http = { method: 'POST', paths: [{ ...spec.http.paths[0]!, template: '/users', params: [] }] };
    create.responses = [{ status: 201, source: spec.http.paths[0]!.source }] as OperationSpec['responses'];
    const companyName = create.requestBody.properties.find((p) => p.name === 'companyName')!;
    companyName.constraints.push({ kind: 'required', rule: 'required', sentence: 'Required.', source: companyName.source });
    const kept = ['companyName', 'displayName', 'mailNickname'];
    const cleared = new Set<string>();
    const sample = (related: OperationSpec[] | undefined) =>
      fc.sample(validBodies({ spec, related }), { numRuns: 400, seed: 2 }).flatMap((b) => kept.filter((k) => b[k] === null || b[k] === ''));
    for (const k of sample(undefined)) cleared.add(k);
    // Without the create, the page's own words keep displayName and mailNickname; companyName may be cleared.
    expect([...cleared]).toEqual(['companyName']);
    expect(sample([create])).toEqual([]);
  });
});
