/**
 * Spec → OpenAPI 3.1 document of the operation, so Schemathesis, Prism or openapi-typescript can consume
 * what docspec read: every documented path (`{id | userPrincipalName}` becomes one `{id}` parameter that
 * names its alternatives), the headers, the request body's JSON Schema (the one the validator agrees
 * with) and the documented responses. `x-docspec-source` points at the docs line of each item.
 */
import type { OperationSpec, PathTemplate } from '../spec/ir.js';
import { at, buildContract } from './contract.js';
import { contractSchemas, type JsonSchema, SOURCE_KEYWORD } from './json-schema.js';

/** A component name from the operation and variant: `user-update` + `v1.0` → `UserUpdateV10RequestBody`. */
function componentName(spec: OperationSpec, suffix: string): string {
  const words = `${spec.operation} ${spec.variant}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') + suffix;
}

/** OpenAPI path templates name one parameter per segment: the first alternative, described with all. */
function openApiPath(p: PathTemplate): { path: string; parameters: JsonSchema[] } {
  const parameters: JsonSchema[] = [];
  let i = 0;
  const path = p.template.replace(/\{[^}]*\}/g, () => {
    const param = p.params[i++];
    // The first alternative names a `{id | userPrincipalName}` segment; a single name is unique in its template.
    const name = ((param && param.alternatives.length > 1 ? param.alternatives[0] : param?.name) ?? `param${i}`).replace(/[^A-Za-z0-9_.-]/g, '_');
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
      ...(param && param.alternatives.length > 1 ? { description: `One of: ${param.alternatives.join(', ')}` } : {}),
      [SOURCE_KEYWORD]: at(p.source),
    });
    return `{${name}}`;
  });
  return { path, parameters };
}

const HEADERS_OPENAPI_OWNS = new Set(['authorization', 'content-type', 'accept']);

export function openApiDocument(spec: OperationSpec): JsonSchema {
  const bodyName = componentName(spec, 'RequestBody');
  const { body, types } = contractSchemas(buildContract(spec), '#/components/schemas/');
  const operationHeaders = spec.headers
    .filter((h) => !HEADERS_OPENAPI_OWNS.has(h.name.toLowerCase()))
    .map((h) => ({ name: h.name, in: 'header', required: h.required, schema: { type: 'string' }, description: h.value, [SOURCE_KEYWORD]: at(h.source) }));
  const bearer = spec.headers.some((h) => h.name.toLowerCase() === 'authorization' && /bearer/i.test(h.value));
  const responses: JsonSchema = {};
  for (const r of spec.responses) {
    const content = r.bodyType && r.status !== 204 ? { 'application/json': { schema: { type: 'object', description: `A ${r.bodyType} object` } } } : undefined;
    responses[String(r.status)] = { description: r.statusText || `${r.status}`, ...(content ? { content } : {}), [SOURCE_KEYWORD]: at(r.source) };
  }
  responses['4XX'] = { description: 'The request was refused (Microsoft Graph error envelope)' };
  if (!spec.responses.length) responses.default = { description: 'The docs state no response' };

  const paths: JsonSchema = {};
  spec.http.paths.forEach((p, index) => {
    const { path, parameters } = openApiPath(p);
    const operation: JsonSchema = {
      operationId: `${spec.operation}-${spec.variant}${index ? `-${index + 1}` : ''}`.replace(/[^A-Za-z0-9_.-]/g, '_'),
      summary: spec.title,
      ...(spec.description ? { description: spec.description } : {}),
      parameters: [...parameters, ...operationHeaders],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${bodyName}` } } } },
      responses,
      [SOURCE_KEYWORD]: at(p.source),
    };
    if (bearer) operation.security = [{ bearer: [] }];
    paths[path] = { ...((paths[path] as JsonSchema | undefined) ?? {}), [spec.http.method.toLowerCase()]: operation };
  });

  const version = /^(v\d+(\.\d+)?|beta)$/.test(spec.variant) ? spec.variant : undefined;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: `${spec.title} (${spec.variant})`,
      version: spec.variant,
      description: `Read by docspec from ${spec.page.file}. x-docspec-source gives the docs line behind each item.`,
    },
    ...(version ? { servers: [{ url: `https://graph.microsoft.com/${version}` }] } : {}),
    paths,
    components: {
      schemas: { [bodyName]: { title: `${spec.title} (${spec.variant}) request body`, ...body }, ...types },
      ...(bearer ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } : {}),
    },
  };
}
