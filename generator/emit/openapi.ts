/**
 * Specs → one OpenAPI 3.1 document (3.0.3 on request), so Schemathesis, Dredd, Portman, Prism or
 * openapi-typescript can run what docspec read: every documented path of every operation, merged by path
 * (`{id | name}` becomes one `{id}` parameter that names its alternatives), the headers, the
 * request body's JSON Schema (the one the validator agrees with), the documented responses with the resource
 * type's schema, and the docs' examples (requests, responses, path parameter values). `x-docspec-source` gives
 * the docs line of each item.
 */
import { diagnostic } from '../ir/diagnostic.js';
import type { Diagnostic, HeaderSpec, OperationSpec, ResponseSpec, SourceRef } from '../ir/ir.js';
import { buildContract, buildResponseContract } from './contract.js';
import { contractSchemas, type JsonSchema } from './json-schema.js';
import { toOpenApi30 } from './openapi-30.js';
import { COMPONENTS, Components } from './openapi-components.js';
import { operationExamples, type PathExamples } from './openapi-examples.js';
import { type ExampleUrl, exampleUrls, type OpenApiPath, openApiPath, parameterExample, pathShape } from './openapi-params.js';
import { sourceRef } from '../ir/source-ref.js';

export type OpenApiVersion = '3.1' | '3.0';

export interface OpenApiExport {
  document: JsonSchema;
  /** Examples left out, operations two specs both document, parameters no example URL gives a value for. */
  diagnostics: Diagnostic[];
}

/** Response shapes are named as Graph's own metadata names them, apart from the request-body shapes. */
const RESOURCE = 'microsoft.graph.';

/** A component name from the operation and variant: `user-update` + `v1.0` → `UserUpdateV10RequestBody`. */
function componentName(spec: OperationSpec, suffix: string): string {
  const words = `${spec.operation} ${spec.variant}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') + suffix;
}

const HEADERS_OPENAPI_OWNS = new Set(['authorization', 'content-type', 'accept']);
const NO_BODY = new Set(['GET', 'DELETE', 'HEAD', 'OPTIONS']);

/** A header's example: what an example request sends, else the docs' value when it is one plain token. */
function headerExample(spec: OperationSpec, name: string, documented: string): string | undefined {
  for (const ex of spec.examples) {
    const h = ex.request?.headers.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (h && !/[{}<>]/.test(h.value)) return h.value;
  }
  return /^[\w.=/-]+$/.test(documented) ? documented : undefined;
}

/** The schema of a documented response body, with the component schemas it refers to. */
function responseSchema(spec: OperationSpec, r: ResponseSpec): { schema?: JsonSchema; types: Record<string, JsonSchema> } {
  if (!r.bodyType || r.status === 204) return { types: {} };
  const contract = buildResponseContract(spec, r);
  if (!contract) return { schema: { type: 'object', description: `A ${r.bodyType} object${r.bodyCollection ? ' collection' : ''}` }, types: {} };
  const { body, types } = contractSchemas(contract, `${COMPONENTS}${RESOURCE}`);
  const named = Object.fromEntries(Object.entries(types).map(([n, s]) => [`${RESOURCE}${n}`, s]));
  return { schema: r.bodyCollection ? body : { $ref: `${COMPONENTS}${RESOURCE}${encodeURIComponent(r.bodyType)}` }, types: named };
}

function responsesObject(spec: OperationSpec, schemas: Map<number, JsonSchema | undefined>, examples: PathExamples): JsonSchema {
  const responses: JsonSchema = {};
  for (const r of spec.responses) {
    const key = String(r.status);
    const description = [r.statusText || key, r.condition].filter(Boolean).join(' — ');
    // A second entry for one status (a conditional 200 beside the usual one) adds its condition only.
    if (responses[key]) {
      const first = responses[key] as JsonSchema;
      first.description = `${first.description as string}; ${description}`;
      continue;
    }
    const schema = schemas.get(r.status);
    const ex = examples.responses.get(r.status);
    const content = schema || ex ? { 'application/json': { ...(schema ? { schema } : {}), ...(ex ? { examples: ex } : {}) } } : undefined;
    responses[key] = { description, ...(content ? { content } : {}), 'x-docspec-source': sourceRef(r.source) ?? '' };
  }
  responses['4XX'] = { description: 'The request was refused (Microsoft Graph error envelope)' };
  if (!spec.responses.length) responses.default = { description: 'The docs state no response' };
  return responses;
}

/** A header the table lists twice (two `Prefer` rows) is one parameter: OpenAPI names each once. */
function headerParameters(spec: OperationSpec): JsonSchema[] {
  const byName = new Map<string, HeaderSpec[]>();
  for (const h of spec.headers) {
    const key = h.name.toLowerCase();
    if (!HEADERS_OPENAPI_OWNS.has(key)) byName.set(key, [...(byName.get(key) ?? []), h]);
  }
  return [...byName.values()].map((rows) => {
    const h = rows[0]!;
    const example = headerExample(spec, h.name, h.value);
    return {
      name: h.name,
      in: 'header',
      required: rows.some((r) => r.required),
      schema: { type: 'string' },
      description: rows.map((r) => r.value).join('; '),
      ...(example === undefined ? {} : { example }),
      'x-docspec-source': sourceRef(h.source) ?? '',
    };
  });
}

/** One operation at one path, before it is placed: a path two pages document keeps one of them. */
interface Entry {
  path: string;
  method: string;
  /** A path stated by the HTTP request block outranks one only an example URL gives. */
  stated: boolean;
  operation: JsonSchema;
  source: SourceRef;
  /** Findings that hold only if the operation is kept. */
  diagnostics: Diagnostic[];
}

interface Shared {
  components: Components;
  byShape: Map<string, OpenApiPath>;
  allUrls: readonly ExampleUrl[];
}

/**
 * Where the page says a call carries a Microsoft identity token, or undefined: an Authorization header row (in
 * any header table, whatever its value column holds), a permission a caller can be granted, or an example
 * request annotated with the scopes it needs (`"scopes": "files.read"`, on pages that give no table).
 */
function tokenEvidence(spec: OperationSpec): SourceRef | undefined {
  return (
    spec.headers.find((h) => h.name.toLowerCase() === 'authorization')?.source ??
    spec.permissions.find((p) => p.supported && p.leastPrivileged.length + p.higherPrivileged.length > 0)?.source ??
    spec.examples.find((e) => typeof e.request?.annotation?.scopes === 'string' && e.request.annotation.scopes.trim() !== '')?.request?.source
  );
}

function entriesOf(spec: OperationSpec, shared: Shared): { entries: Entry[]; diagnostics: Diagnostic[]; bearer: boolean } {
  const hasBody = spec.requestBody.properties.length > 0 && !NO_BODY.has(spec.http.method);
  const bodyName = componentName(spec, 'RequestBody');
  const request = contractSchemas(buildContract(spec), COMPONENTS);
  const responses = spec.responses.map((r) => [r.status, responseSchema(spec, r)] as const);
  const own: Record<string, JsonSchema> = {
    ...(hasBody ? { ...request.types, [bodyName]: { title: `${spec.title} (${spec.variant}) request body`, ...request.body } } : {}),
    ...Object.assign({}, ...responses.map(([, r]) => r.types)),
  };
  const placed = shared.components.add(
    own,
    responses.map(([, r]) => r.schema ?? {}),
  );
  const schemas = new Map(responses.map(([status, r], i) => [status, r.schema ? placed.extra[i] : undefined]));
  const bodyRef = `${COMPONENTS}${placed.names.get(bodyName) ?? bodyName}`;
  const headers = headerParameters(spec);
  const token = tokenEvidence(spec);
  const bearer = token !== undefined;

  // Paths that differ only in parameter names are one path: the first spec's names hold.
  const openPaths = spec.http.paths.map((p) => {
    const mine = openApiPath(p);
    const first = shared.byShape.get(pathShape(mine));
    if (!first) {
      shared.byShape.set(pathShape(mine), mine);
      return mine;
    }
    const names = first.parameters.filter((x) => x.in === 'path').map((x) => x.name);
    let k = 0;
    return { ...first, parameters: mine.parameters.map((param) => (param.in === 'path' ? { ...param, name: names[k++] } : param)) };
  });
  const examples = operationExamples(spec, openPaths, hasBody);

  const entries = spec.http.paths.map((p, index): Entry => {
    const open = openPaths[index]!;
    const diagnostics: Diagnostic[] = [];
    let k = 0;
    const parameters = open.parameters.map((param) => {
      if (param.in !== 'path') return param;
      const example = parameterExample(open, k++, exampleUrls(spec), shared.allUrls);
      // The parameter cites its template; the example cites the example URL it came from.
      if (example !== undefined) return { ...param, example: example.value, 'x-docspec-example-source': sourceRef(example.source) ?? '' };
      diagnostics.push(
        diagnostic(
          'openapi-parameter-without-example',
          'info',
          `No example URL gives a value for {${param.name as string}} of ${open.path}; tools that send requests from the document (Dredd, Portman) need one`,
          p.source,
        ),
      );
      return param;
    });
    const ex = examples.perPath[index]!;
    const requestExamples = Object.keys(ex.request).length ? { examples: ex.request } : {};
    const operation: JsonSchema = {
      operationId: `${spec.operation}-${spec.variant}${index ? `-${index + 1}` : ''}`.replace(/[^A-Za-z0-9_.-]/g, '_'),
      summary: spec.title,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.operation.split('-')[0]!],
      parameters: [...parameters, ...headers],
      ...(hasBody ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: bodyRef }, ...requestExamples } } } } : {}),
      responses: responsesObject(spec, schemas, ex),
      ...(token ? { security: [{ bearer: [] }], 'x-docspec-security-source': sourceRef(token) ?? '' } : {}),
      'x-docspec-source': sourceRef(p.source) ?? '',
    };
    return { path: open.path, method: spec.http.method.toLowerCase(), stated: p.origin === 'http-request', operation, source: p.source, diagnostics };
  });
  return { entries, diagnostics: examples.diagnostics, bearer };
}

/** The document of one spec, or of several merged by path. */
export function openApiExport(specs: readonly OperationSpec[], version: OpenApiVersion = '3.1'): OpenApiExport {
  const diagnostics: Diagnostic[] = [];
  const shared: Shared = { components: new Components(), byShape: new Map(), allUrls: specs.flatMap(exampleUrls) };
  const entries: Entry[] = [];
  let bearer = false;
  for (const spec of specs) {
    const built = entriesOf(spec, shared);
    entries.push(...built.entries);
    diagnostics.push(...built.diagnostics);
    bearer ||= built.bearer;
  }
  const paths: Record<string, JsonSchema> = {};
  // Stated paths first (a stable sort keeps the specs' order within each rank).
  for (const e of [...entries].sort((a, b) => Number(b.stated) - Number(a.stated))) {
    paths[e.path] ??= {};
    const item = paths[e.path]!;
    const kept = item[e.method] as JsonSchema | undefined;
    if (kept) {
      diagnostics.push(
        diagnostic(
          'openapi-duplicate-operation',
          'warning',
          `${e.method.toUpperCase()} ${e.path} is documented twice: the document keeps ${kept.operationId as string} and leaves out ${e.operation.operationId as string}`,
          e.source,
        ),
      );
      continue;
    }
    item[e.method] = e.operation;
    diagnostics.push(...e.diagnostics);
  }

  const variants = [...new Set(specs.map((s) => s.variant))];
  const variant = variants.join(', ');
  const server = variants.length === 1 && /^(v\d+(\.\d+)?|beta)$/.test(variants[0]!) ? variants[0] : undefined;
  const single = specs.length === 1 ? specs[0] : undefined;
  const document: JsonSchema = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: single ? `${single.title} (${single.variant})` : `Microsoft Graph ${variant} (${specs.length} operations)`,
      version: variant,
      description: `Read by docspec from ${single ? single.page.file : `${specs.length} pages`}. x-docspec-source gives the docs line behind each item.`,
    },
    ...(server ? { servers: [{ url: `https://graph.microsoft.com/${server}` }] } : {}),
    paths,
    components: {
      schemas: shared.components.schemas,
      ...(bearer ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } : {}),
    },
  };
  return { document: version === '3.0' ? toOpenApi30(document) : document, diagnostics };
}

/** The OpenAPI document of one operation. */
export function openApiDocument(spec: OperationSpec, version: OpenApiVersion = '3.1'): JsonSchema {
  return openApiExport([spec], version).document;
}
