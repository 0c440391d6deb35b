/**
 * The OpenAPI 3.1 and JSON Schema exports: valid by a well-kept OpenAPI validator (@readme/openapi-parser),
 * and accepting exactly the bodies the generated validator accepts (ajv on valid, one-constraint-broken
 * and arbitrary bodies), with constraints as standard keywords pointing at their docs lines.
 */
import { compileErrors, validate as validateOpenApi } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citedLine, type JsonSchema, requestBodySchema, SOURCE_KEYWORD } from '../../generator/emit/json-schema.js';
import { openApiDocument } from '../../generator/emit/openapi.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { brokenBody, validBody } from '../../harness/arbitraries/body.js';
import { loadSpec, VALIDATORS } from '../support/validators.js';
import { generateText, lineOf, widgetUpdatePage } from '../support/pages.js';

function ajv(): Ajv2020.default {
  // Strict: an unknown keyword or format in the export is an error, except the declared annotation.
  const a = new Ajv2020.default({ strict: true, allErrors: false, validateFormats: false });
  a.addVocabulary([SOURCE_KEYWORD]);
  return a;
}

/** Valid, one-constraint-broken and arbitrary bodies: 1,000 per variant from fixed seeds. */
function bodies(spec: OperationSpec): unknown[] {
  const names = spec.requestBody.properties.map((p) => p.name);
  const values = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom<unknown>(null, [null], ['x'], 'US', 'USA', '2020-01-01T00:00:00Z', 'a@b.com', 'DisablePasswordExpiration, DisableStrongPassword'),
  );
  const arbitrary = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), values, { maxKeys: 4 });
  return [
    ...fc.sample(validBody(spec), { numRuns: 350, seed: 11 }),
    ...fc.sample(brokenBody(spec), { numRuns: 350, seed: 12 }).map((c) => c.body),
    ...fc.sample(arbitrary, { numRuns: 300, seed: 13 }),
  ];
}

describe.each(VALIDATORS)('%s', (variant, validate) => {
  const spec = loadSpec(variant);

  it('the OpenAPI document is valid OpenAPI 3.1', async () => {
    const doc = openApiDocument(spec);
    const result = await validateOpenApi(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('ajv with the JSON Schema export and the generated validator agree on 1,000 bodies', () => {
    const check = ajv().compile(requestBodySchema(spec));
    let valid = 0;
    for (const body of bodies(spec)) {
      const expected = validate(body).valid;
      expect(check(body), `${JSON.stringify(body)}: ajv ${JSON.stringify(check.errors?.[0])}`).toBe(expected);
      if (expected) valid++;
    }
    // Both verdicts are exercised.
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(800);
  });

  it("ajv with the OpenAPI document's body schema agrees too", () => {
    const doc = openApiDocument(spec);
    const a = new Ajv2020.default({ strict: false, validateFormats: false });
    a.addSchema({ $id: 'urn:docspec:openapi', components: doc.components } as JsonSchema);
    const operations = Object.values(
      doc.paths as Record<string, Record<string, { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } }>>,
    );
    const ref = Object.values(operations[0]!)[0]!.requestBody.content['application/json'].schema.$ref;
    const check = a.compile({ $ref: `urn:docspec:openapi${ref}` });
    for (const b of bodies(spec).slice(0, 500)) expect(check(b), JSON.stringify(b)).toBe(validate(b).valid);
  });
});

describe('constraints as standard keywords, each with its docs line', () => {
  const spec = loadSpec('v1.0');
  const schema = requestBodySchema(spec) as { properties: Record<string, JsonSchema>; dependentSchemas: Record<string, JsonSchema> };
  const p = schema.properties;
  const source = (s: JsonSchema, keyword: string) => citedLine(s, keyword)!;
  const lineAt = (ref: string) => lineOf(ref.slice(0, ref.lastIndexOf(':')), Number(ref.slice(ref.lastIndexOf(':') + 1)));

  it('maxLength, maxItems, enum, pattern, format, and nullability as type arrays', () => {
    expect(p.companyName).toMatchObject({ type: ['string', 'null'], maxLength: 64 });
    expect(lineAt(source(p.companyName!, 'maxLength'))).toMatch(/maximum length is 64/);
    expect(p.businessPhones).toMatchObject({ type: ['array', 'null'], maxItems: 1 });
    expect(p.ageGroup!.enum).toEqual([null, 'Minor', 'NotAdult', 'Adult']);
    expect(p.usageLocation).toMatchObject({ type: 'string', pattern: '^[A-Z]{2}$' });
    expect(lineAt(source(p.usageLocation!, 'type'))).toMatch(/not nullable/i);
    expect(p.displayName!.type).toBe('string');
    expect(p.birthday).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
    expect(p.onPremisesImmutableId!.pattern).toBe('^[^\\$_]*$');
  });

  it('every property schema cites its table row for its type (or the "not nullable" sentence)', () => {
    let narrowed = 0;
    for (const [name, s] of Object.entries(p)) {
      const own = (s.anyOf as JsonSchema[] | undefined)?.[0] ?? s;
      const property = spec.requestBody.properties.find((x) => x.name === name)!;
      const notNull = property.constraints.find((c) => c.kind === 'notNullable');
      expect(source(own, 'type'), name).toBe(`${(notNull ?? property).source.file}:${(notNull ?? property).source.line}`);
      expect(lineAt(source(own, 'type')), name).toContain(name);
      if (notNull) narrowed++;
    }
    expect(narrowed).toBe(3);
  });

  it('own-request groups become dependentSchemas', () => {
    const aboutMe = schema.dependentSchemas.aboutMe as { properties: Record<string, boolean> };
    expect(aboutMe.properties.city).toBe(false);
    expect(aboutMe.properties.skills).toBeUndefined();
    expect(lineAt(source(aboutMe, 'dependentSchemas'))).toMatch(/own PATCH request/);
  });

  it('the OpenAPI validator does reject a broken document', async () => {
    const doc = openApiDocument(spec);
    delete doc.info;
    expect((await validateOpenApi(doc as never)).valid).toBe(false);
  });
});

describe('formats JSON Schema defines otherwise than Graph', () => {
  it('Duration and TimeOfDay carry their pattern, not `duration` or `time`, and accept the docs values', () => {
    const page = widgetUpdatePage([
      '| Property | Type | Description |',
      '|:--|:--|:--|',
      '| period | Duration | How long. |',
      '| startTime | TimeOfDay | When it starts. |',
    ]);
    const spec = generateText('widget-update.md', page) as OperationSpec;
    const props = (requestBodySchema(spec) as { properties: Record<string, JsonSchema> }).properties;
    const [period, startTime] = [props.period!, props.startTime!].map((s) => (s.anyOf ? (s.anyOf as JsonSchema[])[0]! : s));
    expect([period!.format, startTime!.format]).toEqual([undefined, undefined]);
    // Values of the 2021 docs' own examples (intune app protection, call quality, mailbox settings).
    for (const v of ['PT35.0018757S', '-PT17.1357909S', 'PT0.01S', 'P1DT2H']) expect(new RegExp(period!.pattern as string).test(v), v).toBe(true);
    for (const v of ['09:00:00.0000000', '18:30:00']) expect(new RegExp(startTime!.pattern as string).test(v), v).toBe(true);
    expect(new RegExp(startTime!.pattern as string).test('25:00:00')).toBe(false);
  });
});
