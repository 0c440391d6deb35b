/**
 * The docs' example requests and responses as OpenAPI examples of the path they address. An example its own
 * operation's validator rejects (a doc bug the example check reports) is left out with a diagnostic: a tool
 * handed it would send a body the document forbids, or expect one from a conformant server.
 */
import { diagnostic } from '../ir/diagnostic.js';
import type { Diagnostic, Example, HttpMessageExample, OperationSpec } from '../ir/ir.js';
import { buildContract, buildResponseContract } from './contract.js';
import type { JsonSchema } from './json-schema.js';
import { matchesTemplate } from '../ir/path-templates.js';
import type { OpenApiPath } from './openapi-params.js';
import { type Contract, validateWith } from './runtime.js';
import { sourceRef } from '../ir/source-ref.js';
import { keyLine } from '../ir/json-pointer.js';

export interface PathExamples {
  /** Example Objects by name, for the request body. */
  request: Record<string, JsonSchema>;
  /** Example Objects by name, per documented status. */
  responses: Map<number, Record<string, JsonSchema>>;
}

const keyOf = (name: string) => name.replace(/[^A-Za-z0-9_.-]+/g, '_') || 'example';

function add(map: Record<string, JsonSchema>, ex: Example, message: HttpMessageExample): void {
  let key = keyOf(ex.name);
  for (let n = 2; Object.hasOwn(map, key); n++) key = `${keyOf(ex.name)}_${n}`;
  map[key] = { summary: ex.title ?? ex.name, value: message.body, 'x-docspec-source': sourceRef(message.source) ?? '' };
}

function rejected(contract: Contract | undefined, message: HttpMessageExample): { pointer: string; why: string } | undefined {
  const body = message.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { pointer: '', why: 'the body is not a JSON object' };
  if (!contract) return undefined;
  const result = validateWith(contract, body);
  if (result.valid) return undefined;
  const e = result.errors[0]!;
  return { pointer: e.path, why: `${e.path || '/'} — ${e.message} (${e.rule}, ${e.source})` };
}

/**
 * The examples of one operation, placed on the path each request addresses (the first path when it matches
 * none, or has no request). `requestBody` says whether the document has a request body to hold them.
 */
export function operationExamples(
  spec: OperationSpec,
  paths: readonly OpenApiPath[],
  requestBody: boolean,
): { perPath: PathExamples[]; diagnostics: Diagnostic[] } {
  const perPath: PathExamples[] = paths.map(() => ({ request: {}, responses: new Map() }));
  const diagnostics: Diagnostic[] = [];
  const leftOut = (ex: Example, message: HttpMessageExample, pointer: string, why: string) =>
    diagnostics.push(
      diagnostic(
        'openapi-example-left-out',
        'warning',
        `Example "${ex.name}" is left out of the OpenAPI document: ${why}`,
        keyLine(message, pointer),
        'Fix the example in the docs (or the rule it breaks, if the example shows what the service accepts)',
      ),
    );
  let request: Contract | undefined;
  const responses = new Map<number, Contract | undefined>();
  for (const ex of spec.examples) {
    const req = ex.request;
    // Another method's example on the page (a PATCH alternative shown on a POST page) is not this operation's.
    if (req?.method && req.method !== spec.http.method) continue;
    const index = req?.path
      ? Math.max(
          0,
          paths.findIndex((p) => matchesTemplate(req.path!.replace(/(.)\/$/, '$1'), p.path)),
        )
      : 0;
    const place = perPath[index];
    if (!place) continue;
    if (req && req.body !== undefined && requestBody) {
      request ??= buildContract(spec);
      const no = rejected(request, req);
      if (no) leftOut(ex, req, no.pointer, no.why);
      else add(place.request, ex, req);
    }
    const res = ex.response;
    if (!res || res.status === undefined || res.body === undefined || typeof res.body !== 'object' || res.body === null) continue;
    const documented = spec.responses.find((r) => r.status === res.status);
    if (!documented) {
      leftOut(ex, res, '', `the docs state no ${res.status} response`);
      continue;
    }
    if (documented.status === 204) {
      leftOut(ex, res, '', 'a 204 response has no body');
      continue;
    }
    if (!responses.has(documented.status)) responses.set(documented.status, buildResponseContract(spec, documented));
    const contract = responses.get(documented.status);
    // A response body is an object (a `{ value: [...] }` page for a list); only a typed one is checked.
    const no = Array.isArray(res.body) ? { pointer: '', why: 'the body is not a JSON object' } : contract ? rejected(contract, res) : undefined;
    if (no) {
      leftOut(ex, res, no.pointer, no.why);
      continue;
    }
    const map = place.responses.get(documented.status) ?? {};
    add(map, ex, res);
    place.responses.set(documented.status, map);
  }
  return { perPath, diagnostics };
}
