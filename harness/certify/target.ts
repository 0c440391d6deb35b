/**
 * Where requests go: the documented path templates turned into concrete paths for one resource, and the
 * requests every check builds on (documented headers, a bearer token, a JSON body).
 */
import { successResponse as documentedSuccess } from '../../generator/spec/responses.js';
import type { HeaderSpec, OperationSpec, PathTemplate, ResponseSpec, SourceRef } from '../../generator/spec/ir.js';
import type { HttpRequest } from './exchange.js';
import type { Send } from './transport.js';

/** One documented way to address the resource: by `id`, by `userPrincipalName`, via `/me`, … */
export interface Address {
  /** The alternative's name (`id`, `userPrincipalName`), or the template itself when it has no parameter. */
  form: string;
  template: string;
  source: SourceRef;
}

export interface Target {
  spec: OperationSpec;
  send: Send;
  token: string;
  /** Value for the `id` form (DESIGN: `--user-id`). */
  userId?: string;
  /** Value for the `userPrincipalName` form, when known up front. */
  userPrincipalName?: string;
  /** The address most checks use: the id form when an id is given, else a parameterless template. */
  primary: Address;
  primaryPath: string;
}

const PARAM = /\{[^}]*\}/;

/** Every documented address: each alternative of a one-parameter template, and each parameterless template. */
export function addresses(spec: OperationSpec): Address[] {
  const out: Address[] = [];
  for (const p of spec.http.paths) {
    if (p.params.length === 0) out.push({ form: p.template, template: p.template, source: p.source });
    else if (p.params.length === 1) {
      for (const alt of p.params[0]!.alternatives) {
        if (!out.some((a) => a.form === alt)) out.push({ form: alt, template: p.template, source: p.source });
      }
    }
  }
  return out;
}

/** The template with its parameter replaced by a percent-encoded value. */
export function pathOf(template: PathTemplate['template'], value?: string): string {
  return value === undefined ? template : template.replace(PARAM, encodeURIComponent(value));
}

/** Picks the address checks use; undefined when the spec needs an id the caller did not give. */
export function primaryAddress(spec: OperationSpec, userId: string | undefined): Address | undefined {
  const all = addresses(spec);
  if (userId !== undefined) {
    const byId = all.find((a) => a.form === 'id') ?? all.find((a) => PARAM.test(a.template));
    if (byId) return byId;
  }
  return all.find((a) => !PARAM.test(a.template));
}

const documentedCache = new WeakMap<HeaderSpec[], Record<string, string>>();

/** Headers with a concrete documented value (`Content-Type: application/json`, `Accept: …`), computed once per spec. */
function documentedHeaders(headers: HeaderSpec[]): Record<string, string> {
  let cached = documentedCache.get(headers);
  if (!cached) {
    cached = readDocumentedHeaders(headers);
    documentedCache.set(headers, cached);
  }
  return cached;
}

function readDocumentedHeaders(headers: HeaderSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) {
    if (/^authorization$/i.test(h.name)) continue;
    const value = h.value.split(/\.\s/)[0]!.trim();
    if (value && !/[{}]/.test(value) && /^[\x21-\x7e][\x20-\x7e]*$/.test(value)) out[h.name] = value;
  }
  if (!Object.keys(out).some((k) => /^content-type$/i.test(k))) out['Content-Type'] = 'application/json';
  return out;
}

export interface RequestOptions {
  path?: string;
  /** Replaces headers by name; `undefined` removes one. */
  headers?: Record<string, string | undefined>;
}

function withHeaders(base: Record<string, string>, changes: Record<string, string | undefined> | undefined): Record<string, string> {
  const out = { ...base };
  for (const [name, value] of Object.entries(changes ?? {})) {
    for (const k of Object.keys(out)) if (k.toLowerCase() === name.toLowerCase()) delete out[k];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The documented update request with `body` as JSON. */
export function updateRequest(t: Target, body: unknown, options: RequestOptions = {}): HttpRequest {
  const headers = withHeaders({ Authorization: `Bearer ${t.token}`, ...documentedHeaders(t.spec.headers) }, options.headers);
  return { method: t.spec.http.method, path: options.path ?? t.primaryPath, headers, body: JSON.stringify(body) };
}

/** A GET of the resource, selecting `keys` (Graph returns only a default set without `$select`). */
export function readRequest(t: Target, keys: string[] = [], path = t.primaryPath): HttpRequest {
  const query = keys.length ? `?$select=${keys.map(encodeURIComponent).join(',')}` : '';
  return { method: 'GET', path: `${path}${query}`, headers: { Authorization: `Bearer ${t.token}`, Accept: 'application/json' } };
}

/** The documented success response (see `successResponse` in generator/spec/responses.ts). */
export function successResponse(spec: OperationSpec): ResponseSpec | undefined {
  return documentedSuccess(spec.responses);
}

export const sourceText = (s: SourceRef | undefined) => (s ? `${s.file}:${s.line}` : undefined);

/** The version segment of the service root (`v1.0`, `beta`), from the page's example URLs. */
export function versionSegment(spec: OperationSpec): string {
  const url = spec.examples.find((e) => e.request?.url)?.request?.url ?? '';
  return /graph\.microsoft\.com\/([^/]+)\//.exec(url)?.[1] ?? spec.variant;
}
