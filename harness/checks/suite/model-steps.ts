/**
 * What the resource model's commands share: the model of what each resource should hold, the real side
 * (how requests are sent and logged), and the steps every command takes (send, expect a 2xx, expect a
 * deleted resource gone, list a collection's ids).
 */
import type { OperationSpec, ResponseSpec } from '../../../generator/ir/ir.js';
import { describeResponse, type Exchange, type HttpRequest, jsonOf, type Send } from '../../model/exchange.js';
import { mainTemplate } from '../../model/operation-links.js';
import { successResponse } from '../../model/target.js';
import { fail } from '../violation-error.js';
import type { Violation } from '../check.js';
import { silentRefusal } from '../silent-refusal.js';

export interface Resource {
  id: string;
  /** What a read must return, by key (properties of the resource type the run set). */
  values: Map<string, unknown>;
  gone: boolean;
  /** References held, per relationship. */
  refs: Map<string, Set<string>>;
}

export interface Model {
  resources: Resource[];
}

export interface Real {
  send: Send;
  token: string;
  log: Exchange[];
  /** Refusals the docs are silent on (silent-refusal.ts), met along the way: the case ends as a warning. */
  tolerated: Violation[];
}

/** A reference relationship: add, list and remove, each an operation of the run (list and remove optional). */
export interface Relationship {
  name: string;
  add: OperationSpec;
  list?: OperationSpec;
  remove?: OperationSpec;
  /** Body of an add, and the id it names. */
  body: Record<string, string>;
  refId: string;
}

export interface Operations {
  collection: string;
  create: OperationSpec;
  /** Values the create's body takes from the run (a property that names an existing resource). */
  bound?: Readonly<Record<string, string>>;
  read?: OperationSpec;
  list?: OperationSpec;
  update?: OperationSpec;
  delete?: OperationSpec;
  relationships: Relationship[];
  /** Keys of the resource type a read returns: only these are tracked. */
  tracked: Set<string>;
}

export const MAX_COMMANDS = 8;
const MAX_PAGES = 20;

export function request(method: string, path: string, token: string, body?: unknown): HttpRequest {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return { method, path, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
}

export async function exchange(r: Real, req: HttpRequest): Promise<Exchange> {
  const ex = await r.send(req);
  r.log.push(ex);
  return ex;
}

export const ok = (ex: Exchange) => ex.response.status >= 200 && ex.response.status < 300;

/**
 * Sends `req`; anything but a 2xx breaks what `spec` promises (`what`), and `why` a 2xx was due, unless the
 * docs are silent on what the server refused. Returns the body that took effect, and its exchange.
 */
export async function expectAccepted(
  r: Real,
  req: HttpRequest,
  spec: OperationSpec,
  why: string,
  what: string,
): Promise<{ body: unknown; exchange: Exchange }> {
  const ex = await exchange(r, req);
  const body = req.body === undefined ? undefined : JSON.parse(req.body);
  if (ok(ex)) return { body, exchange: ex };
  const silent = await silentRefusal(spec, body, ex, (b) => exchange(r, { ...req, body: JSON.stringify(b) }));
  if (!silent) throw fail({ received: describeResponse(ex.response), expected: `a 2xx: ${why}`, ...promise(spec, what), exchanges: [] }, r.log);
  if (!r.tolerated.length) r.tolerated.push(silent.violation);
  return silent.accepted;
}

/** A read of a deleted resource answers 404; anything else breaks what the delete (`spec`) promised. */
export function expectGone(r: Real, ex: Exchange, spec: OperationSpec): void {
  if (ex.response.status === 404) return;
  throw fail(
    {
      received: `${describeResponse(ex.response)} to a GET of the deleted resource`,
      expected: '404: the deleted resource is gone',
      ...promise(spec, 'deletes the resource'),
      exchanges: [],
    },
    r.log,
  );
}

/** The docs line an expectation rests on: the operation's success response. */
export function promise(spec: OperationSpec, what: string): { source?: ResponseSpec['source']; sentence: string } {
  const doc = successResponse(spec);
  return { source: doc?.source, sentence: `${spec.http.method} ${mainTemplate(spec)}: ${what}` };
}

export const pick = (model: Model, index: number, live = true) => {
  const pool = live ? model.resources.filter((r) => !r.gone) : model.resources;
  return pool.length ? pool[index % pool.length] : undefined;
};

/** Ids of a collection read, following `@odata.nextLink` within the service. */
export async function listIds(r: Real, path: string, spec: OperationSpec): Promise<Set<string>> {
  const ids = new Set<string>();
  let next: string | undefined = `${path}?$select=id`;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const ex = await exchange(r, request('GET', next, r.token));
    const body = jsonOf(ex.response) as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
    if (ex.response.status !== 200 || !Array.isArray(body?.value))
      throw fail(
        { received: describeResponse(ex.response), expected: '200 OK with { "value": [ … ] }', ...promise(spec, 'lists the collection'), exchanges: [] },
        r.log,
      );
    for (const item of body.value)
      if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') ids.add((item as { id: string }).id);
    const link = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
    // Only a link into the same service is followed (relative to its root: everything after the version).
    next = link ? /\/v[^/]*\/?(\/.*)$|\/beta(\/.*)$/.exec(link)?.slice(1).find(Boolean) : undefined;
  }
  return ids;
}
