/**
 * Where requests go: the documented path templates turned into concrete paths for one resource, and the
 * requests every check builds on (documented headers, a bearer token, a JSON body).
 */
import { successResponse as documentedSuccess } from '../../generator/ir/responses.js';
import type { HeaderSpec, OperationSpec, PathTemplate, ResponseSpec, SourceRef } from '../../generator/ir/ir.js';
import { parameterKeys, parameterName } from '../../generator/ir/path-templates.js';
import { sendsBody } from './operation-kind.js';
import type { HttpRequest, Send } from './exchange.js';

/** One documented way to address the resource: by `id`, by another key the docs allow, via `/me`, … */
export interface Address {
  /**
   * The alternative's name (`id`, or another key such as a unique name), or the template itself when it has no parameter or
   * several (`/groups/{group-id}/members/{member-id}`).
   */
  form: string;
  template: string;
  source: SourceRef;
  /** The names each `{…}` of the template answers to, in order (a one-parameter form: just its own). */
  params: string[][];
}

/** Path parameter values by name, matched without letter case; `id` is the addressed resource's own key. */
export type ParamValues = Readonly<Record<string, string>>;

export interface Target {
  spec: OperationSpec;
  send: Send;
  token: string;
  /** Every path parameter value given, by name (`id`: the resource's own key). */
  params: ParamValues;
  /** The address most checks use: the id form when an id is given, else a parameterless template. */
  primary: Address;
  primaryPath: string;
  /** Body keys whose value names another resource, filled from the parameters (see body-bindings.ts). */
  bound?: Readonly<Record<string, string>>;
  /** The other operations of a run over several: what their request tables allow a response may hold. */
  related?: readonly OperationSpec[];
}

/** The names a parameter answers to: its own, its alternatives, and the placeholder examples write. */
function namesOf(param: PathTemplate['params'][number]): string[] {
  // `id|name` names a segment with alternatives inside the spec; users give one alternative.
  const own = param.name.includes('|') ? [] : [param.name];
  const names = [...own, ...param.alternatives, ...(param.example ? [param.example.replace(/^\{|\}$/g, '')] : [])];
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/**
 * Every documented address: each alternative of a one-parameter template, each parameterless template, and
 * each template with several parameters (addressed with every one of them given).
 */
export function addresses(spec: OperationSpec): Address[] {
  const out: Address[] = [];
  for (const p of spec.http.paths) {
    if (p.params.length === 1) {
      for (const alt of p.params[0]!.alternatives) {
        if (!out.some((a) => a.form === alt)) out.push({ form: alt, template: p.template, source: p.source, params: [[alt]] });
      }
    } else if (!out.some((a) => a.form === p.template)) out.push({ form: p.template, template: p.template, source: p.source, params: slotNames(p) });
  }
  return out;
}

/** The names each parameter of a template answers to; a repeated name's later slots answer to their key only (`id-2`). */
function slotNames(p: PathTemplate): string[][] {
  const keys = parameterKeys(p);
  return p.params.map((param, i) => (keys[i] === parameterName(param) ? namesOf(param) : [keys[i]!]));
}

/** Every name a path parameter of the spec answers to (for refusing a value for a name no parameter has). */
export function parameterNames(spec: OperationSpec): string[] {
  return [...new Set(spec.http.paths.flatMap((p) => slotNames(p).flat()))];
}

/** The value given for a parameter known by any of `names`. */
export function paramValue(names: readonly string[], values: ParamValues): string | undefined {
  for (const n of names) for (const [k, v] of Object.entries(values)) if (k.toLowerCase() === n.toLowerCase()) return v;
  return undefined;
}

/**
 * The value filling the primary address's last segment, when that segment is its one parameter: the key of
 * the resource the address names (`/groups/{id}`), not of one it hangs from (`/users/{id}/manager`).
 */
export function addressedKey(t: Pick<Target, 'primary' | 'params'>): string | undefined {
  const { template, params } = t.primary;
  if (params.length !== 1 || !/\/\{[^{}]+\}$/.test(template)) return undefined;
  return paramValue(params[0]!, t.params);
}

/** The template with its parameters replaced, in order, by percent-encoded values (a missing one stays). */
export function pathOf(template: PathTemplate['template'], ...values: (string | undefined)[]): string {
  let i = 0;
  return template.replace(/\{[^}]*\}/g, (m) => {
    const v = values[i++];
    return v === undefined ? m : encodeURIComponent(v);
  });
}

/** The address's path with the given values, or the names of the parameters that have none. */
export function resolve(address: Address, values: ParamValues): { path: string } | { missing: string[] } {
  const found = address.params.map((names) => paramValue(names, values));
  const missing = address.params.filter((_, i) => found[i] === undefined).map((names) => names[0]!);
  return missing.length ? { missing } : { path: pathOf(address.template, ...found) };
}

/**
 * Picks the address checks use: the first whose parameters all have values; else, when the resource's own
 * key is given, the id form or a one-parameter template whatever its parameter is named (the key fills
 * it); else a parameterless one. Undefined when every address needs a value not given.
 */
export function primaryAddress(spec: OperationSpec, values: ParamValues, key?: string): Address | undefined {
  const all = addresses(spec);
  const resolved = all.find((a) => a.params.length > 0 && 'path' in resolve(a, values));
  if (resolved) return resolved;
  if (key !== undefined) {
    const byKey = all.find((a) => a.form === 'id') ?? all.find((a) => a.params.length === 1);
    if (byKey) return byKey;
  }
  return all.find((a) => a.params.length === 0);
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
    // A condition (`If-Match`: "Last known ETag value …") is the state of the resource: if-match.ts sends it.
    if (/^(authorization|if-match|if-none-match)$/i.test(h.name)) continue;
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

/**
 * The documented request with `body` as JSON, for an operation that sends one (see `sendsBody`); a GET, a
 * DELETE or a body-less action goes without a body or a Content-Type.
 */
export function operationRequest(t: Target, body: unknown, options: RequestOptions = {}): HttpRequest {
  const withBody = sendsBody(t.spec);
  const documented = documentedHeaders(t.spec.headers);
  const base = withBody ? documented : Object.fromEntries(Object.entries(documented).filter(([k]) => !/^content-type$/i.test(k)));
  const headers = withHeaders({ Authorization: `Bearer ${t.token}`, ...base }, options.headers);
  return { method: t.spec.http.method, path: options.path ?? t.primaryPath, headers, ...(withBody ? { body: JSON.stringify(body) } : {}) };
}

/** A GET of the resource, selecting `keys` (Graph returns only a default set without `$select`). */
export function readRequest(t: Target, keys: string[] = [], path = t.primaryPath): HttpRequest {
  const query = keys.length ? `?$select=${keys.map(encodeURIComponent).join(',')}` : '';
  return { method: 'GET', path: `${path}${query}`, headers: { Authorization: `Bearer ${t.token}`, Accept: 'application/json' } };
}

/** The documented success response (see `successResponse` in generator/ir/responses.ts). */
export function successResponse(spec: OperationSpec): ResponseSpec | undefined {
  return documentedSuccess(spec.responses);
}

/** The version segment of the service root (`v1.0`, `beta`), from the page's example URLs. */
export function versionSegment(spec: OperationSpec): string {
  const url = spec.examples.find((e) => e.request?.url)?.request?.url ?? '';
  return /graph\.microsoft\.com\/([^/]+)\//.exec(url)?.[1] ?? spec.variant;
}
