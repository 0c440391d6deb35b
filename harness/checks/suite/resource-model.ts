/**
 * The resource model across the operations of one run (fast-check commands): sequences of creates, reads,
 * list reads, updates, deletes and reference adds and removes on the resources the sequence made, checked
 * against a model of what each should hold. What was created reads back as sent, an accepted update
 * persists, a deleted resource reads 404 and leaves the list, a list holds every resource that exists, and
 * a reference added is listed until it is removed. One case per collection with a create and a read.
 */
import fc from 'fast-check';
import type { OperationSpec, ResponseSpec } from '../../../generator/ir/ir.js';
import type { CheckCase } from '../check.js';
import { sameValue } from '../same-value.js';
import { fail, ViolationError } from '../violation-error.js';
import { bindBody, validBodies } from '../../arbitraries/body-bindings.js';
import { describeResponse, type Exchange, type HttpRequest, jsonOf, type Send } from '../../model/exchange.js';
import { operationKind } from '../../model/operation-kind.js';
import { templateShape } from '../../../generator/ir/path-templates.js';
import { mainTemplate } from '../../model/operation-links.js';
import { type ParamValues, successResponse } from '../../model/target.js';

interface Resource {
  id: string;
  /** What a read must return, by key (properties of the resource type the run set). */
  values: Map<string, unknown>;
  gone: boolean;
  /** References held, per relationship. */
  refs: Map<string, Set<string>>;
}

interface Model {
  resources: Resource[];
}

interface Real {
  send: Send;
  token: string;
  log: Exchange[];
}

/** A reference relationship: add, list and remove, each an operation of the run (list and remove optional). */
interface Relationship {
  name: string;
  add: OperationSpec;
  list?: OperationSpec;
  remove?: OperationSpec;
  /** Body of an add, and the id it names. */
  body: Record<string, string>;
  refId: string;
}

interface Operations {
  collection: string;
  create: OperationSpec;
  read?: OperationSpec;
  list?: OperationSpec;
  update?: OperationSpec;
  delete?: OperationSpec;
  relationships: Relationship[];
  /** Keys of the resource type a read returns: only these are tracked. */
  tracked: Set<string>;
}

const MAX_COMMANDS = 8;
const MAX_PAGES = 20;

function request(method: string, path: string, token: string, body?: unknown): HttpRequest {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return { method, path, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
}

async function exchange(r: Real, req: HttpRequest): Promise<Exchange> {
  const ex = await r.send(req);
  r.log.push(ex);
  return ex;
}

const ok = (ex: Exchange) => ex.response.status >= 200 && ex.response.status < 300;

/** Sends `req`; anything but a 2xx breaks what `spec` promises (`what`), and `why` a 2xx was due. */
async function expectAccepted(r: Real, req: HttpRequest, spec: OperationSpec, why: string, what: string): Promise<void> {
  const ex = await exchange(r, req);
  if (!ok(ex)) throw fail({ received: describeResponse(ex.response), expected: `a 2xx: ${why}`, ...promise(spec, what), exchanges: [] }, r.log);
}

/** A read of a deleted resource answers 404; anything else breaks what the delete (`spec`) promised. */
function expectGone(r: Real, ex: Exchange, spec: OperationSpec): void {
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
function promise(spec: OperationSpec, what: string): { source?: ResponseSpec['source']; sentence: string } {
  const doc = successResponse(spec);
  return { source: doc?.source, sentence: `${spec.http.method} ${mainTemplate(spec)}: ${what}` };
}

const pick = (model: Model, index: number, live = true) => {
  const pool = live ? model.resources.filter((r) => !r.gone) : model.resources;
  return pool.length ? pool[index % pool.length] : undefined;
};

/** Ids of a collection read, following `@odata.nextLink` within the service. */
async function listIds(r: Real, path: string, spec: OperationSpec): Promise<Set<string>> {
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

/** A sequence: a create first (nothing else can run on an empty model), then any commands. */
type Sequence = [fc.AsyncCommand<Model, Real>, Iterable<fc.AsyncCommand<Model, Real>>];

function commandsOf(ops: Operations): fc.Arbitrary<Sequence> {
  const c = ops.collection;
  const tracked = (body: Record<string, unknown>, keepNull: boolean) => Object.entries(body).filter(([k, v]) => ops.tracked.has(k) && (keepNull || v !== null));
  const create = validBodies({ spec: ops.create }).map(
    (body): fc.AsyncCommand<Model, Real> => ({
      check: () => true,
      async run(m, r) {
        const ex = await exchange(r, request('POST', c, r.token, body));
        const created = jsonOf(ex.response) as { id?: unknown } | undefined;
        if (!ok(ex) || typeof created?.id !== 'string')
          throw fail(
            {
              received: describeResponse(ex.response, 160),
              expected: 'the created resource with its id',
              ...promise(ops.create, 'creates the resource'),
              exchanges: [],
            },
            r.log,
          );
        m.resources.push({ id: created.id, values: new Map(tracked(body, false)), gone: false, refs: new Map() });
      },
      toString: () => `create(${JSON.stringify(body)})`,
    }),
  );
  const commands: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] = [create];
  if (ops.read) {
    const read = ops.read;
    commands.push(
      fc.nat().map((n) => ({
        check: (m: Model) => m.resources.length > 0,
        async run(m: Model, r: Real) {
          const res = pick(m, n, false)!;
          const keys = [...res.values.keys()];
          const ex = await exchange(
            r,
            request('GET', `${c}/${encodeURIComponent(res.id)}${keys.length ? `?$select=${keys.map(encodeURIComponent).join(',')}` : ''}`, r.token),
          );
          if (res.gone) return expectGone(r, ex, ops.delete ?? read);
          const got = jsonOf(ex.response);
          if (ex.response.status !== 200 || typeof got !== 'object' || got === null)
            throw fail(
              {
                received: describeResponse(ex.response),
                expected: '200 OK with the resource the run created',
                ...promise(read, 'reads the resource'),
                exchanges: [],
              },
              r.log,
            );
          for (const [key, want] of res.values) {
            const value = (got as Record<string, unknown>)[key];
            if (!sameValue(want, value))
              throw fail(
                {
                  received: `${key} reads back as ${value === undefined ? 'absent' : JSON.stringify(value)}`,
                  expected: `${key} as the run last set it: ${JSON.stringify(want)}`,
                  ...promise(read, 'reads the resource as created and updated'),
                  exchanges: [],
                },
                r.log,
              );
          }
        },
        toString: () => `read(${n})`,
      })),
    );
  }
  if (ops.list) {
    const list = ops.list;
    commands.push(
      fc.constant({
        check: (m: Model) => m.resources.length > 0,
        async run(m: Model, r: Real) {
          const ids = await listIds(r, c, list);
          const missing = m.resources.find((res) => !res.gone && !ids.has(res.id));
          const stale = m.resources.find((res) => res.gone && ids.has(res.id));
          if (missing || stale)
            throw fail(
              {
                received: missing ? `the list lacks ${missing.id}, which the run created` : `the list still holds ${stale!.id}, which the run deleted`,
                expected: 'the list holds every resource that exists, and no deleted one',
                ...promise(list, 'lists the collection'),
                exchanges: [],
              },
              r.log,
            );
        },
        toString: () => 'list()',
      }),
    );
  }
  if (ops.update) {
    const update = ops.update;
    commands.push(
      fc.tuple(fc.nat(), validBodies({ spec: update })).map(([n, body]) => ({
        check: (m: Model) => m.resources.some((res) => !res.gone),
        async run(m: Model, r: Real) {
          const res = pick(m, n)!;
          await expectAccepted(
            r,
            request(update.http.method, `${c}/${encodeURIComponent(res.id)}`, r.token, body),
            update,
            'the update is valid',
            'updates the resource',
          );
          for (const [k, v] of tracked(body, true)) res.values.set(k, v);
        },
        toString: () => `update(${n}, ${JSON.stringify(body)})`,
      })),
    );
  }
  if (ops.delete) {
    const del = ops.delete;
    commands.push(
      fc.nat().map((n) => ({
        check: (m: Model) => m.resources.some((res) => !res.gone),
        async run(m: Model, r: Real) {
          const res = pick(m, n)!;
          await expectAccepted(r, request('DELETE', `${c}/${encodeURIComponent(res.id)}`, r.token), del, 'the resource exists', 'deletes the resource');
          res.gone = true;
          // Gone at once: a read of it answers 404.
          if (ops.read) expectGone(r, await exchange(r, request('GET', `${c}/${encodeURIComponent(res.id)}`, r.token)), del);
        },
        toString: () => `delete(${n})`,
      })),
    );
  }
  // A remove needs an add before it on the same resource: each is drawn twice as often as the others, or
  // a remove that keeps the reference takes dozens of sequences to meet.
  for (const rel of ops.relationships) for (const command of relationshipCommands(c, rel)) commands.push(command, command);
  return fc.tuple(create, fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'medium' }));
}

function relationshipCommands(c: string, rel: Relationship): fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] {
  const at = (res: Resource) => `${c}/${encodeURIComponent(res.id)}/${rel.name}`;
  const held = (m: Model, n: number) => {
    const res = pick(m, n);
    return res?.refs.get(rel.name)?.has(rel.refId) ? res : undefined;
  };
  /** What the model says of the reference, read back when the run lists the relationship. */
  const verifyListed = async (r: Real, res: Resource, cause: OperationSpec) => {
    if (!rel.list) return;
    const ids = await listIds(r, at(res), rel.list);
    const want = res.refs.get(rel.name)?.has(rel.refId) === true;
    if (ids.has(rel.refId) === want) return;
    throw fail(
      {
        received: `${rel.name} of ${res.id} ${want ? 'lacks' : 'still holds'} ${rel.refId}`,
        expected: want ? `${rel.refId} is listed: the run added it` : `${rel.refId} is not listed: the run removed it or never added it`,
        ...promise(cause, want ? `adds to the ${rel.name}` : `removes from the ${rel.name}`),
        exchanges: [],
      },
      r.log,
    );
  };
  const out: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] = [
    fc.nat().map((n) => ({
      // Adding it twice is documented to be refused: the model adds a reference only where it is not held.
      check: (m: Model) => !!pick(m, n) && !held(m, n),
      async run(m: Model, r: Real) {
        const res = pick(m, n)!;
        await expectAccepted(r, request('POST', `${at(res)}/$ref`, r.token, rel.body), rel.add, 'the reference is new', 'adds the reference');
        const refs = res.refs.get(rel.name) ?? new Set<string>();
        refs.add(rel.refId);
        res.refs.set(rel.name, refs);
        // Each add and remove is read back at once: the promise is the operation's own.
        await verifyListed(r, res, rel.add);
      },
      toString: () => `add-${rel.name}(${n})`,
    })),
  ];
  if (rel.list) {
    const list = rel.list;
    out.push(
      fc.nat().map((n) => ({
        check: (m: Model) => !!pick(m, n),
        run: (m: Model, r: Real) => verifyListed(r, pick(m, n)!, list),
        toString: () => `list-${rel.name}(${n})`,
      })),
    );
  }
  if (rel.remove) {
    const remove = rel.remove;
    out.push(
      fc.nat().map((n) => ({
        check: (m: Model) => !!held(m, n),
        async run(m: Model, r: Real) {
          const res = held(m, n)!;
          const path = `${at(res)}/${encodeURIComponent(rel.refId)}/$ref`;
          await expectAccepted(r, request('DELETE', path, r.token), remove, 'the reference is held', 'removes the reference');
          res.refs.get(rel.name)!.delete(rel.refId);
          await verifyListed(r, res, remove);
        },
        toString: () => `remove-${rel.name}(${n})`,
      })),
    );
  }
  return out;
}

/** The operations of each collection that has a create and a read (of one resource or of the list). */
export function collections(specs: readonly OperationSpec[], params: ParamValues): Operations[] {
  const by = (kind: string, s: string, collection?: boolean) =>
    specs.find(
      (x) =>
        operationKind(x) === kind && templateShape(mainTemplate(x)) === s && (collection === undefined || !!successResponse(x)?.bodyCollection === collection),
    );
  const out: Operations[] = [];
  for (const create of specs.filter((s) => operationKind(s) === 'create')) {
    const c = templateShape(mainTemplate(create));
    if (c.includes('{}')) continue;
    const read = by('read', `${c}/{}`, false);
    const list = by('read', c, true);
    if (!read && !list) continue;
    const type = successResponse(create)?.bodyType;
    const def = type ? create.types[type] : undefined;
    const tracked = new Set(def?.kind === 'complex' ? def.properties.map((p) => p.name).filter((k) => k !== 'id') : []);
    const relationships: Relationship[] = [];
    for (const add of specs.filter((s) => operationKind(s) === 'link')) {
      const m = new RegExp(`^${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\{\\}/([^/{}]+)/\\$ref$`).exec(templateShape(mainTemplate(add)));
      const binding = m ? bindBody(add, params) : undefined;
      if (!m || !binding || !('bound' in binding)) continue;
      const name = m[1]!;
      const refId = /([^/]+)$/.exec(Object.values(binding.bound)[0] ?? '')?.[1];
      if (!refId) continue;
      relationships.push({
        name,
        add,
        list: by('read', `${c}/{}/${name}`, true),
        remove: by('delete', `${c}/{}/${name}/{}/$ref`),
        body: binding.bound,
        refId: decodeURIComponent(refId),
      });
    }
    out.push({ collection: c, create, read, list, update: by('update', `${c}/{}`), delete: by('delete', `${c}/{}`), relationships, tracked });
  }
  return out;
}

/** One `resource-model/<collection>` case per collection the run can create and read. */
export function resourceModels(specs: readonly OperationSpec[], options: { send: Send; token: string; params: ParamValues }): CheckCase[] {
  return collections(specs, options.params).map((ops): CheckCase<Sequence> => {
    const names = [ops.create, ops.read, ops.list, ops.update, ops.delete, ...ops.relationships.flatMap((r) => [r.add, r.list, r.remove])]
      .filter((s): s is OperationSpec => !!s)
      .map((s) => s.operation);
    return {
      id: `resource-model${ops.collection}`,
      check: 'resource-model',
      title: 'across operations, resources read back as created and updated, deletes are gone, lists hold what exists',
      source: successResponse(ops.create)?.source,
      sentence: `the ${ops.collection} operations of the run: ${names.join(', ')}`,
      arbitrary: commandsOf(ops),
      async run([first, cmds]) {
        const real: Real = { send: options.send, token: options.token, log: [] };
        const setup = async () => {
          const model: Model = { resources: [] };
          await first.run(model, real);
          return { model, real };
        };
        try {
          await fc.asyncModelRun(setup, cmds);
          return undefined;
        } catch (e) {
          if (e instanceof ViolationError) return e.violation;
          throw e;
        }
      },
    };
  });
}
