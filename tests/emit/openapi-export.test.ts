/**
 * What the OpenAPI export gives the tools that send requests from it: the docs' examples (each valid by its
 * operation's own validator, the rest left out with a diagnostic), path parameter values from the example
 * URLs, citations no tool can take for a schema, response schemas, merging, and the 3.0.3 form.
 */
import { compileErrors, validate as validateOpenApi } from '@readme/openapi-parser';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestBodySchema, SOURCE_KEYWORD, type JsonSchema } from '../../generator/emit/json-schema.js';
import { openApiDocument, openApiExport } from '../../generator/emit/openapi.js';
import { Components } from '../../generator/emit/openapi-components.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { brokenBody, validBody } from '../../harness/arbitraries/body.js';
import { lineOf } from '../support/pages.js';
import { loadSpec, VALIDATORS } from '../support/validators.js';

type Operation = {
  parameters: { name: string; in: string; example?: string; schema: JsonSchema }[];
  requestBody?: { content: { 'application/json': { schema: { $ref: string }; examples?: Record<string, { value: unknown; 'x-docspec-source': string }> } } };
  responses: Record<string, { content?: { 'application/json': { schema?: JsonSchema; examples?: Record<string, { value: unknown }> } } }>;
};
const op = (doc: JsonSchema, path: string, method = 'patch') => (doc.paths as Record<string, Record<string, Operation>>)[path]![method]!;
const lineAt = (ref: string) => lineOf(ref.slice(0, ref.lastIndexOf(':')), Number(ref.slice(ref.lastIndexOf(':') + 1)));

/** Every value of `x-docspec-source` in a document, with its JSON path. */
function citationsIn(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citationsIn(v, `${path}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === SOURCE_KEYWORD ? [[`${path}/${k}`, v] as [string, unknown]] : citationsIn(v, `${path}/${k}`)));
}

/** Every object in a document, for "no such keyword anywhere" checks. */
function objectsIn(value: unknown): JsonSchema[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  return [value as JsonSchema, ...Object.values(value).flatMap(objectsIn)];
}

describe('examples from the docs (v1.0 Update user)', () => {
  const spec = loadSpec('v1.0');
  const validate = VALIDATORS.find(([v]) => v === 'v1.0')![1];
  const doc = openApiDocument(spec);

  it('the id parameter takes the GUID an example request addresses, from its docs line', () => {
    const id = op(doc, '/users/{id}').parameters.find((p) => p.name === 'id')! as Operation['parameters'][number] & { 'x-docspec-example-source': string };
    expect(id.example).toBe('4562bcc8-c436-4f95-b7c0-4f8ce89dca5e');
    expect(lineAt(id['x-docspec-example-source'])).toContain(`/users/${id.example}`);
    const example4 = op(doc, '/users/{id}').requestBody!.content['application/json'].examples!
      .example_4_add_or_update_the_values_of_a_schema_extension_for_a_user!;
    expect(lineAt(example4['x-docspec-source'])).toContain(`PATCH https://graph.microsoft.com/v1.0/users/${id.example}`);
  });

  it('each example request sits on the path it addresses, valid by the generated validator, citing its request line', () => {
    const onUsers = op(doc, '/users/{id}').requestBody!.content['application/json'].examples!;
    const onMe = op(doc, '/me').requestBody!.content['application/json'].examples!;
    expect(Object.keys(onUsers)).toHaveLength(4);
    expect(Object.keys(onMe)).toEqual(['example_1_update_properties_of_the_signed_in_user']);
    for (const ex of [...Object.values(onUsers), ...Object.values(onMe)]) {
      expect(validate(ex.value).valid, JSON.stringify(ex.value)).toBe(true);
      expect(lineAt(ex['x-docspec-source']).trim()).toMatch(/^PATCH https:\/\/graph\.microsoft\.com\/v1\.0\/(me|users\/)/);
    }
    expect(openApiExport([spec]).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('an example its own validator rejects is left out, with a diagnostic at the offending line', () => {
    for (const [variant, name, key] of [['beta', 'update_other_user', 'authorizationInfo']] as const) {
      const s = loadSpec(variant);
      const { document, diagnostics } = openApiExport([s]);
      const kept = Object.values(document.paths as Record<string, Record<string, Operation>>).flatMap((item) =>
        Object.values(item).flatMap((o) => Object.keys(o.requestBody?.content['application/json'].examples ?? {})),
      );
      expect(kept, variant).not.toContain(name);
      const d = diagnostics.find((x) => x.rule === 'openapi-example-left-out' && x.message.includes(`"${name}"`))!;
      expect(d, variant).toBeDefined();
      expect(lineOf(d.file, d.line), variant).toContain(`"${key}"`);
    }
  });

  it('an example is left out only for a rule the page demands, never for one it advises', () => {
    const s = loadSpec('localtest');
    // "Mail value" where the page describes "The SMTP address for the user": an info, not a reason.
    expect(s.diagnostics.filter((d) => d.rule === 'example-outside-advice').map((d) => lineOf(d.file, d.line))).toEqual(
      expect.arrayContaining([expect.stringContaining('"mail"')]),
    );
    const { diagnostics } = openApiExport([s]);
    const reasons = diagnostics.filter((d) => d.rule === 'openapi-example-left-out').map((d) => d.message);
    expect(reasons).toEqual([expect.stringContaining('(flag-set, '), expect.stringContaining('(allowed-values, ')]);
  });
});

describe('citations no tool can take for a schema', () => {
  it.each(['beta', 'v1.0', 'localtest', 'intune'])('%s: every x-docspec-source is "file:line", or a list of "keyword file:line"', (variant) => {
    for (const version of ['3.1', '3.0'] as const) {
      const all = citationsIn(openApiDocument(loadSpec(variant), version));
      expect(all.length).toBeGreaterThan(50);
      for (const [where, value] of all) {
        if (typeof value === 'string') expect(value, where).toMatch(/^\S+:\d+$/);
        else {
          expect(Array.isArray(value), where).toBe(true);
          for (const c of value as unknown[]) expect(c, where).toMatch(/^[A-Za-z]+ \S+:\d+$/);
        }
      }
    }
  });

  it('a cited line holds what the keyword says', () => {
    const body = requestBodySchema(loadSpec('v1.0')) as { properties: Record<string, JsonSchema> };
    const cites = body.properties.companyName!['x-docspec-source'] as string[];
    const maxLength = cites.find((c) => c.startsWith('maxLength '))!;
    expect(lineAt(maxLength.slice('maxLength '.length))).toMatch(/maximum length is 64/);
  });
});

describe('OpenAPI 3.0.3', () => {
  it.each(VALIDATORS)('%s: valid 3.0.3, with no 3.1-only keyword', async (variant) => {
    const doc = openApiDocument(loadSpec(variant), '3.0');
    const result = await validateOpenApi(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.jsonSchemaDialect).toBeUndefined();
    for (const o of objectsIn(doc.components)) {
      expect(Array.isArray(o.type), JSON.stringify(o)).toBe(false);
      expect(o.type).not.toBe('null');
      for (const k of ['patternProperties', 'dependentSchemas', '$defs', 'const']) expect(o[k]).toBeUndefined();
      for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) if (k in o) expect(o[k]).toBe(true);
      if ('$ref' in o) expect(Object.keys(o)).toEqual(['$ref']);
      if ('nullable' in o) expect(typeof o.type).toBe('string');
    }
  });

  it('nullability, own-request groups and extra names become nullable, prose and x-docspec keywords', () => {
    const spec = loadSpec('v1.0');
    const schemas = (openApiDocument(spec, '3.0').components as { schemas: Record<string, JsonSchema> }).schemas;
    const body = schemas.UserUpdateV10RequestBody! as JsonSchema & { properties: Record<string, JsonSchema>; description: string };
    expect(body.properties.companyName).toMatchObject({ type: 'string', nullable: true, maxLength: 64 });
    expect(body.properties.usageLocation).toMatchObject({ type: 'string', pattern: '^[A-Z]{2}$' });
    expect(body.properties.usageLocation!.nullable).toBeUndefined();
    expect(body['x-docspec-pattern-properties']).toContain('@');
    expect(body['x-docspec-dependent-schemas']).toHaveProperty('aboutMe');
    const group = spec.requestBody.groups.find((g) => g.kind === 'own-request' && g.members.includes('aboutMe'))!;
    expect(body.description).toContain(`A body with any of \`aboutMe\`, \`birthday\``);
    expect(body.description).toContain(`${group.source.file}:${group.source.line}`);
  });

  // ajv reads OpenAPI 3.0's `nullable`; what 3.0 cannot state (extra names, own-request groups) is accepted.
  it.each(VALIDATORS)('%s: accepts every body the 3.1 schema accepts, and refuses every other broken one', (variant) => {
    const spec = loadSpec(variant);
    const doc30 = openApiDocument(spec, '3.0');
    const doc31 = openApiDocument(spec);
    const ref = (doc: JsonSchema) =>
      Object.values((doc.paths as Record<string, Record<string, Operation>>)[Object.keys(doc.paths as object)[0]!]!)[0]!.requestBody!.content[
        'application/json'
      ].schema.$ref;
    const a30 = new Ajv.default({ strict: false, validateFormats: false });
    a30.addSchema({ $id: 'urn:docspec:openapi30', components: doc30.components } as JsonSchema);
    const check30 = a30.compile({ $ref: `urn:docspec:openapi30${ref(doc30)}` });
    const a31 = new Ajv2020.default({ strict: false, validateFormats: false });
    a31.addSchema({ $id: 'urn:docspec:openapi31', components: doc31.components } as JsonSchema);
    const check31 = a31.compile({ $ref: `urn:docspec:openapi31${ref(doc31)}` });
    const groupRules = new Set(spec.requestBody.groups.map((g) => g.rule));
    for (const body of fc.sample(validBody(spec), { numRuns: 200, seed: 21 })) {
      expect(check31(body)).toBe(true);
      expect(check30(body), JSON.stringify(body)).toBe(true);
    }
    let refused = 0;
    for (const c of fc.sample(brokenBody(spec), { numRuns: 300, seed: 22 })) {
      expect(check31(c.body)).toBe(false);
      if (c.rule === 'unknown-property' || groupRules.has(c.rule)) continue;
      expect(check30(c.body), `${c.rule} ${JSON.stringify(c.body)}`).toBe(false);
      refused++;
    }
    // Intune's page documents only `id`, the key no valid body sends: its broken bodies are unknown properties.
    if (variant === 'intune') expect(refused).toBe(0);
    else expect(refused).toBeGreaterThan(100);
  });
});

describe('responses', () => {
  /** v1.0 Update user as if it were a read of a passwordProfile, with three response examples. */
  function readSpec(): OperationSpec {
    const spec = structuredClone(loadSpec('v1.0'));
    const source = spec.responses[0]!.source;
    const message = (status: number, body: unknown, line: number) => ({
      startLine: `HTTP/1.1 ${status}`,
      status,
      headers: [],
      body,
      source: { ...source, line },
    });
    spec.http.method = 'GET';
    spec.responses = [{ status: 200, statusText: 'OK', bodyType: 'passwordProfile', source }];
    spec.examples = [
      { name: 'valid', response: message(200, { forceChangePasswordNextSignIn: true, '@odata.context': 'x', more: 1 }, 10) },
      { name: 'wrong-type', response: message(200, { forceChangePasswordNextSignIn: 'yes' }, 20) },
      { name: 'undocumented', response: message(201, { password: 'x' }, 30) },
    ];
    return spec;
  }

  it("a response is the resource type's schema, open as the response validator is; examples it rejects are left out", () => {
    const { document, diagnostics } = openApiExport([readSpec()]);
    const ok = op(document, '/users/{id}', 'get').responses['200']!.content!['application/json'];
    expect(ok.schema).toEqual({ $ref: '#/components/schemas/microsoft.graph.passwordProfile' });
    expect(Object.keys(ok.examples!)).toEqual(['valid']);
    const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
    const a = new Ajv2020.default({ strict: false });
    a.addSchema({ $id: 'urn:docspec:r', components: document.components } as JsonSchema);
    const check = a.compile({ $ref: 'urn:docspec:r#/components/schemas/microsoft.graph.passwordProfile' });
    expect(check(ok.examples!.valid!.value)).toBe(true);
    expect(check({ forceChangePasswordNextSignIn: 'yes' })).toBe(false);
    expect(schemas['microsoft.graph.passwordProfile']!.additionalProperties).toBeUndefined();
    // A GET has no request body, so no request-body component.
    expect(Object.keys(schemas).some((n) => n.endsWith('RequestBody'))).toBe(false);
    const left = diagnostics.filter((d) => d.rule === 'openapi-example-left-out').map((d) => [d.line, d.message]);
    expect(left).toEqual([
      [20, expect.stringMatching(/"wrong-type".*\/forceChangePasswordNextSignIn/)],
      [30, expect.stringMatching(/"undocumented".*no 201 response/)],
    ]);
  });
});

describe('several specs in one document', () => {
  function read(operation: string, method: string, template: string, exampleUrl?: string): OperationSpec {
    const spec = structuredClone(loadSpec('v1.0'));
    const source = spec.http.paths[0]!.source;
    spec.operation = operation;
    spec.http = { method, paths: [{ template, params: [{ name: 'group-id', alternatives: ['group-id'] }], origin: 'http-request', source }] };
    spec.examples = exampleUrl ? [{ name: 'ex', request: { startLine: `${method} ${exampleUrl}`, method, path: exampleUrl, headers: [], source } }] : [];
    return spec;
  }

  it('merges by path, shares equal components, keeps the first of two pages for one method, finds ids across pages', () => {
    const a = read('group-get', 'GET', '/groups/{group-id}');
    const b = read('group-update', 'PATCH', '/groups/{group-id}', '/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315');
    const c = read('group-update-again', 'PATCH', '/groups/{group-id}');
    const { document, diagnostics } = openApiExport([a, b, c]);
    const item = (document.paths as Record<string, Record<string, Operation & { operationId: string }>>)['/groups/{group-id}']!;
    expect(Object.keys(item)).toEqual(['get', 'patch']);
    expect(item.patch!.operationId).toBe('group-update-v1.0');
    // The GET page has no example URL: the value comes from the update page's.
    expect(item.get!.parameters[0]!.example).toBe('02bd9fd6-8f93-4758-87c3-1fb73740a315');
    expect(diagnostics.filter((d) => d.rule === 'openapi-duplicate-operation').map((d) => d.message)).toEqual([
      'PATCH /groups/{group-id} is documented twice: the document keeps group-update-v1.0 and leaves out group-update-again-v1.0',
    ]);
    const names = Object.keys((document.components as { schemas: object }).schemas);
    // One passwordProfile for both update bodies, which differ only in their names.
    expect(names.filter((n) => n.startsWith('passwordProfile'))).toEqual(['passwordProfile']);
  });
});

describe('what linters ask of every operation', () => {
  const paths = (doc: JsonSchema) => doc.paths as Record<string, Record<string, { security?: unknown[] }>>;
  function at(operation: string, method: string, template: string): OperationSpec {
    const spec = structuredClone(loadSpec('v1.0'));
    const source = spec.http.paths[0]!.source;
    spec.operation = operation;
    const params = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => ({ name: m[1]!, alternatives: [m[1]!] }));
    spec.http = { method, paths: [{ template, params, origin: 'http-request', source }] };
    return spec;
  }

  it("a path written with a trailing slash is the path without it, merged under the first page's names", () => {
    const { document } = openApiExport([at('user-get', 'GET', '/users/{usersId}'), at('user-delete', 'DELETE', '/users/{id}/')]);
    expect(Object.keys(paths(document))).toEqual(['/users/{usersId}']);
    expect(Object.keys(paths(document)['/users/{usersId}']!)).toEqual(['get', 'delete']);
  });

  it('needs a bearer token when the page gives an Authorization row, a grantable permission or example scopes', () => {
    const bare = () => {
      const spec = at('thing-get', 'GET', '/things/{id}');
      spec.headers = [];
      spec.permissions = [];
      spec.examples = [];
      return spec;
    };
    const optionalRow = bare();
    // Workbook pages list Authorization, value `Bearer {token}. Required.` or just `{token}`, under
    // "Optional request headers".
    optionalRow.headers = [{ name: 'Authorization', value: '{token}. Required.', required: true, stated: true, source: optionalRow.http.paths[0]!.source }];
    const permitted = bare();
    permitted.permissions = structuredClone(loadSpec('v1.0').permissions);
    const unsupportedOnly = bare();
    unsupportedOnly.permissions = permitted.permissions.map((p) => ({ ...p, supported: false, leastPrivileged: [], higherPrivileged: [] }));
    const scoped = bare();
    const source = scoped.http.paths[0]!.source;
    scoped.examples = [
      {
        name: 'ex',
        request: {
          startLine: 'GET /things/1',
          method: 'GET',
          path: '/things/1',
          headers: [],
          annotation: { blockType: 'request', scopes: 'files.read' },
          source,
        },
      },
    ];
    const get = (spec: OperationSpec) => paths(openApiDocument(spec))['/things/{id}']!.get! as { security?: unknown[]; 'x-docspec-security-source'?: string };
    const security = (spec: OperationSpec) => get(spec).security;
    for (const spec of [optionalRow, permitted, scoped]) expect(security(spec)).toEqual([{ bearer: [] }]);
    // Each cites the line that says so; the permission's is the v1.0 page's first permissions row.
    expect(lineAt(get(permitted)['x-docspec-security-source']!)).toMatch(/^\|?\s*Delegated \(work or school account\)/);
    const cites = (spec: OperationSpec, ref: { file: string; line: number }) => expect(get(spec)['x-docspec-security-source']).toBe(`${ref.file}:${ref.line}`);
    cites(optionalRow, optionalRow.headers[0]!.source);
    cites(scoped, source);
    // Nothing on the page says so: the export does not claim it either.
    for (const spec of [bare(), unsupportedOnly]) expect(security(spec)).toBeUndefined();
  });
});

describe('component schemas of several specs', () => {
  const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });

  it('an equal schema is shared; a different one is renamed, and the refs to it (and to what refers to it) follow', () => {
    const c = new Components();
    c.add({ inner: { type: 'string' }, outer: { type: 'object', properties: { x: ref('inner') } } });
    expect(c.add({ inner: { type: 'string' } }).names.size).toBe(0);
    const second = c.add({ inner: { type: 'integer' }, outer: { type: 'object', properties: { x: ref('inner') } }, body: ref('outer') }, [ref('outer')]);
    expect(Object.fromEntries(second.names)).toEqual({ inner: 'inner-2', outer: 'outer-2' });
    expect(c.schemas['outer-2']).toEqual({ type: 'object', properties: { x: ref('inner-2') } });
    expect(c.schemas.body).toEqual(ref('outer-2'));
    expect(second.extra).toEqual([ref('outer-2')]);
    expect(c.schemas.outer).toEqual({ type: 'object', properties: { x: ref('inner') } });
  });
});
