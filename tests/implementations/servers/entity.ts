/**
 * One collection of entities served the way its pages describe, for the reference servers of resources
 * drawn at random (tem.ts, planner.ts): create, get, list, update and delete at `<collection>` and
 * `<collection>/{id}`, an in-memory store, and every step a replaceable function, so a seeded defect swaps
 * exactly one. What differs between resources (the rules of a body, preconditions, the answers) is in the
 * steps each reference writes from its own pages.
 */
import { isObject } from './body-rules.js';

export type Entity = Record<string, unknown>;

export interface EntityStore {
  items: Map<string, Entity>;
  /** Ids of other resources the bodies may name (a plan a task belongs to). */
  known: Set<string>;
}

/** A refusal: status, Graph error code and message. */
export type Refusal = [status: number, code: string, message: string];

export interface EntitySteps {
  authenticate(authorization: string | null): boolean;
  acceptsContentType(contentType: string | null): boolean;
  /** Why a create body is refused, else undefined. */
  createProblem(body: Entity, store: EntityStore): string | undefined;
  /** Why an update body is refused, else undefined. */
  updateProblem(body: Entity, store: EntityStore): string | undefined;
  /** Why the request may not go on (a missing If-Match, a filter the list requires), else undefined. */
  precondition(request: Request, entity: Entity | undefined): Refusal | undefined;
  /** The new entity as stored. */
  newEntity(body: Entity): Entity;
  created(entity: Entity): Response;
  /** What a read shows of an entity, `$select` applied. */
  shown(entity: Entity, select: string[] | undefined): Entity;
  read(shown: Entity): Response;
  /** The entities a list answers, its query applied. */
  listed(items: Entity[], query: URLSearchParams): Entity[];
  list(items: Entity[]): Response;
  apply(entity: Entity, body: Entity): Entity;
  updated(entity: Entity, request: Request): Response;
  remove(store: EntityStore, id: string): void;
  error(status: number, code: string, message: string): Response;
}

/** The steps every reference shares, as Graph answers; each reference overrides what its pages say. */
export const commonSteps: Omit<EntitySteps, 'createProblem' | 'updateProblem' | 'newEntity' | 'list'> = {
  authenticate: (authorization) => !!authorization && /^Bearer \S+$/.test(authorization),
  acceptsContentType: (contentType) => !!contentType && /^application\/json\s*(;|$)/i.test(contentType),
  precondition: () => undefined,
  created: (entity) => Response.json(entity, { status: 201, statusText: 'Created' }),
  shown(entity, select) {
    const keys = select ?? Object.keys(entity);
    return Object.fromEntries(keys.filter((k) => k in entity).map((k) => [k, entity[k]]));
  },
  read: (shown) => Response.json(shown),
  listed: (items) => items,
  apply: (entity, body) => ({ ...entity, ...body }),
  updated: () => new Response(null, { status: 204, statusText: 'No Content' }),
  remove(store, id) {
    store.items.delete(id);
  },
  error: (status, code, message) => Response.json({ error: { code, message } }, { status }),
};

export interface EntityService {
  store: EntityStore;
  handle(request: Request): Promise<Response>;
}

/**
 * Serves `collection` (`/deviceManagement/telecomExpenseManagementPartners`) under any service root
 * (`…/v1.0`): the first path segment is the version, the rest is matched.
 */
export function createEntityService(collection: string, steps: EntitySteps, store: EntityStore = { items: new Map(), known: new Set() }): EntityService {
  const s = steps;
  const depth = collection.split('/').filter(Boolean).length;

  async function jsonBody(request: Request): Promise<Entity | Response> {
    if (!s.acceptsContentType(request.headers.get('content-type'))) return s.error(415, 'UnsupportedMediaType', 'Content-Type must be application/json.');
    try {
      const body = JSON.parse(await request.text()) as unknown;
      return isObject(body) ? body : s.error(400, 'BadRequest', 'The body must be a JSON object.');
    } catch {
      return s.error(400, 'BadRequest', 'The body is not valid JSON.');
    }
  }

  const refuse = (r: Refusal) => s.error(...r);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const segments = url.pathname
      .split('/')
      .slice(2)
      .map((p) => decodeURIComponent(p));
    if (`/${segments.slice(0, depth).join('/')}` !== collection || segments.length > depth + 1)
      return s.error(404, 'ResourceNotFound', `No route for ${url.pathname}`);
    if (!s.authenticate(request.headers.get('authorization')))
      return s.error(401, 'InvalidAuthenticationToken', 'Access token is empty or not a bearer token.');
    const select = url.searchParams.get('$select')?.split(',');
    const method = request.method;
    const id = segments[depth];

    if (id === undefined) {
      if (method === 'GET') {
        const why = s.precondition(request, undefined);
        if (why) return refuse(why);
        return s.list(s.listed([...store.items.values()], url.searchParams).map((e) => s.shown(e, select)));
      }
      if (method !== 'POST') return s.error(405, 'BadRequest', `${method} is not supported on the collection.`);
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const problem = s.createProblem(body, store);
      if (problem) return s.error(400, 'BadRequest', `Invalid value: ${problem}.`);
      const entity = s.newEntity(body);
      store.items.set(entity.id as string, entity);
      return s.created(entity);
    }
    const entity = store.items.get(id);
    if (!entity) return s.error(404, 'ResourceNotFound', `Resource '${id}' does not exist.`);
    const why = s.precondition(request, entity);
    if (why) return refuse(why);
    if (method === 'GET') return s.read(s.shown(entity, select));
    if (method === 'DELETE') {
      s.remove(store, id);
      return new Response(null, { status: 204, statusText: 'No Content' });
    }
    if (method !== 'PATCH') return s.error(405, 'BadRequest', `${method} is not supported on an entity.`);
    const body = await jsonBody(request);
    if (body instanceof Response) return body;
    const problem = s.updateProblem(body, store);
    if (problem) return s.error(400, 'BadRequest', `Invalid value: ${problem}.`);
    const next = s.apply(entity, body);
    store.items.set(id, next);
    return s.updated(next, request);
  }
  return { store, handle };
}
