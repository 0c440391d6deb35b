/**
 * A conformant implementation of several v1.0 group operations (create, get, list, update, delete, list
 * members, add and remove a member; the 2021 pages in the corpus, `graph-docs-2021-07/api-reference/v1.0/api/group-*.md`), written the way a user of
 * docspec would: fetch-style, an in-memory store, and request validation written by hand from the pages,
 * without docspec's generated validators. Each step is a replaceable function, so a seeded defect
 * (groups-defects.ts) swaps exactly one.
 */

import { boolean, isObject, oneOf, problemOf, type Rule, string, strings } from './body-rules.js';

export type Group = Record<string, unknown>;

export interface GroupStore {
  groups: Map<string, Group>;
  /** Member ids per group id. */
  members: Map<string, Set<string>>;
  /** Directory objects that are not groups (users), which may be added as members. */
  users: Set<string>;
}

/** A user of the directory: the value a run gives for the add-member body's `{id}`. */
export const DIRECTORY_USER_ID = '6f3c1a52-7d0e-4b3c-9a1e-2c5d8b7e4f10';
/** A second user, a member of no group. */
export const OTHER_USER_ID = '0b8f2d44-3a6c-4e1f-8d27-9c4a5e6b7d21';

export interface GroupSteps {
  authenticate(authorization: string | null): boolean;
  acceptsContentType(contentType: string | null): boolean;
  /** Why a create body is refused ("Create group" table), else undefined. */
  createProblem(body: Record<string, unknown>): string | undefined;
  /** Why an update body is refused ("Update group" table), else undefined. */
  updateProblem(body: Record<string, unknown>): string | undefined;
  /** The new group as stored: an id, the creation time and what was sent. */
  newGroup(body: Record<string, unknown>): Group;
  created(group: Group): Response;
  /** What a GET shows of a group, `$select` applied. */
  shown(group: Group, select: string[] | undefined): Record<string, unknown>;
  /** The answer of a GET of one group: what `shown` gives, as JSON. */
  read(shown: Record<string, unknown>): Response;
  list(items: Record<string, unknown>[]): Response;
  apply(group: Group, body: Record<string, unknown>): Group;
  updated(group: Group, body: Record<string, unknown>): Response;
  remove(store: GroupStore, id: string): void;
  /** Adds a member: `already` and `missing` are the page's 400 and 404. */
  addMember(store: GroupStore, groupId: string, memberId: string): 'added' | 'already' | 'missing';
  removeMember(store: GroupStore, groupId: string, memberId: string): boolean;
  error(status: number, code: string, message: string): Response;
}

/** "These characters cannot be used in the mailNickName: @()\[]";:.<>,SPACE." */
const NICKNAME_FORBIDDEN = '@()\\[]";:.<>, ';

const CREATE_RULES: Record<string, Rule> = {
  displayName: string(256, { required: true }),
  description: string(1024),
  isAssignableToRole: boolean(),
  mailEnabled: boolean(true),
  mailNickname: string(64, { required: true, forbidden: NICKNAME_FORBIDDEN }),
  securityEnabled: boolean(true),
  owners: strings,
  members: strings,
  visibility: oneOf(['Private', 'Public', 'HiddenMembership', '', null]),
  // Not in the table, but in every example of the page.
  groupTypes: strings,
};

const UPDATE_RULES: Record<string, Rule> = {
  allowExternalSenders: boolean(),
  autoSubscribeNewMembers: boolean(),
  description: string(),
  displayName: (v) => (v === null ? 'cannot be cleared' : v === '' ? 'cannot be empty' : string()(v)),
  groupTypes: strings,
  mailEnabled: boolean(),
  mailNickname: string(undefined, { forbidden: NICKNAME_FORBIDDEN }),
  securityEnabled: boolean(),
  visibility: oneOf(['Private', 'Public', '', null]),
};

/** "Update group": these properties are updated in a request of their own and answer 200 OK. */
export const OWN_REQUEST_UPDATE = [
  'allowExternalSenders',
  'autoSubscribeNewMembers',
  'hideFromAddressLists',
  'hideFromOutlookClients',
  'isSubscribedByMail',
  'unseenCount',
];

export const referenceGroupSteps: GroupSteps = {
  authenticate: (authorization) => !!authorization && /^Bearer \S+$/.test(authorization),
  acceptsContentType: (contentType) => !!contentType && /^application\/json\s*(;|$)/i.test(contentType),
  createProblem: (body) => problemOf(CREATE_RULES, body),
  updateProblem(body) {
    const keys = Object.keys(body);
    // "you must specify them in their own PATCH request, without including the other properties"
    if (keys.some((k) => OWN_REQUEST_UPDATE.includes(k)) && keys.some((k) => !OWN_REQUEST_UPDATE.includes(k)))
      return `${keys.find((k) => OWN_REQUEST_UPDATE.includes(k))} must be updated in a request of its own`;
    return problemOf(UPDATE_RULES, body);
  },
  newGroup: (body) => ({ id: crypto.randomUUID(), createdDateTime: new Date().toISOString(), ...body }),
  created: (group) => Response.json(group, { status: 201, statusText: 'Created' }),
  shown(group, select) {
    const keys = select ?? Object.keys(group);
    return Object.fromEntries(keys.filter((k) => k in group).map((k) => [k, group[k]]));
  },
  read: (shown) => Response.json(shown),
  list: (items) => Response.json({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups', value: items }),
  apply: (group, body) => ({ ...group, ...body }),
  updated: (_group, body) =>
    Object.keys(body).some((k) => OWN_REQUEST_UPDATE.includes(k))
      ? new Response(null, { status: 200, statusText: 'OK' })
      : new Response(null, { status: 204, statusText: 'No Content' }),
  remove(store, id) {
    store.groups.delete(id);
    store.members.delete(id);
  },
  addMember(store, groupId, memberId) {
    if (!store.users.has(memberId) && !store.groups.has(memberId)) return 'missing';
    const members = store.members.get(groupId) ?? new Set<string>();
    store.members.set(groupId, members);
    if (members.has(memberId)) return 'already';
    members.add(memberId);
    return 'added';
  },
  removeMember: (store, groupId, memberId) => store.members.get(groupId)?.delete(memberId) ?? false,
  error: (status, code, message) => Response.json({ error: { code, message } }, { status }),
};

/** What "Create group" requires (its table's "Required." rows), which a lenient server never lets an update clear. */
const CREATE_REQUIRED = ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled'];

/** The collections of the create and update tables: OData never takes `null` for one. */
const COLLECTIONS = ['groupTypes', 'owners', 'members'];

/**
 * The reference made lenient where a reasonable server may be stricter than the letter of the pages: it
 * refuses `null` for a collection, and an update that clears (`null`, `""`) what the create requires. The
 * update page allows some of those; a certification passes both servers.
 */
export const lenientGroupSteps: Partial<GroupSteps> = {
  createProblem(body) {
    const nulled = COLLECTIONS.find((k) => Object.hasOwn(body, k) && body[k] === null);
    return nulled ? `${nulled} cannot be null` : referenceGroupSteps.createProblem(body);
  },
  updateProblem(body) {
    const nulled = COLLECTIONS.find((k) => Object.hasOwn(body, k) && body[k] === null);
    if (nulled) return `${nulled} cannot be null`;
    const cleared = CREATE_REQUIRED.find((k) => Object.hasOwn(body, k) && (body[k] === null || body[k] === ''));
    return cleared ? `${cleared} cannot be cleared` : referenceGroupSteps.updateProblem(body);
  },
};

export function seedGroupStore(): GroupStore {
  return { groups: new Map(), members: new Map(), users: new Set([DIRECTORY_USER_ID, OTHER_USER_ID]) };
}

export interface GroupService {
  store: GroupStore;
  handle(request: Request): Promise<Response>;
}

/** `https://graph.microsoft.com/v1.0/directoryObjects/{id}` (or any URL ending in that segment) → the id. */
const DIRECTORY_OBJECT = /\/directoryObjects\/([^/?#]+)$/;

export function createGroupService(overrides: Partial<GroupSteps> = {}, store: GroupStore = seedGroupStore()): GroupService {
  const s: GroupSteps = { ...referenceGroupSteps, ...overrides };
  const notFound = (what: string) =>
    s.error(404, 'Request_ResourceNotFound', `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`);

  async function jsonBody(request: Request): Promise<Record<string, unknown> | Response> {
    if (!s.acceptsContentType(request.headers.get('content-type')))
      return s.error(415, 'Request_UnsupportedMediaType', 'Content-Type must be application/json.');
    try {
      const body = JSON.parse(await request.text()) as unknown;
      return isObject(body) ? body : s.error(400, 'Request_BadRequest', 'The body must be a JSON object.');
    } catch {
      return s.error(400, 'Request_BadRequest', 'The body is not valid JSON.');
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const segments = url.pathname
      .split('/')
      .slice(2)
      .map((p) => decodeURIComponent(p));
    if (segments[0] !== 'groups' || segments.length > 5) return s.error(404, 'Request_ResourceNotFound', `No route for ${url.pathname}`);
    if (!s.authenticate(request.headers.get('authorization')))
      return s.error(401, 'InvalidAuthenticationToken', 'Access token is empty or not a bearer token.');
    const select = url.searchParams.get('$select')?.split(',');
    const method = request.method;
    const [, id, sub, memberId, ref] = segments;

    if (id === undefined) {
      if (method === 'GET') return s.list([...store.groups.values()].map((g) => s.shown(g, select)));
      if (method !== 'POST') return s.error(405, 'Request_BadRequest', `${method} is not supported on /groups.`);
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const problem = s.createProblem(body);
      if (problem) return s.error(400, 'Request_BadRequest', `Invalid value: ${problem}.`);
      const group = s.newGroup(body);
      store.groups.set(group.id as string, group);
      return s.created(group);
    }
    const group = store.groups.get(id);
    if (!group) return notFound(id);

    if (sub === undefined) {
      if (method === 'GET') return s.read(s.shown(group, select));
      if (method === 'DELETE') {
        s.remove(store, id);
        return new Response(null, { status: 204, statusText: 'No Content' });
      }
      if (method !== 'PATCH') return s.error(405, 'Request_BadRequest', `${method} is not supported on a group.`);
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const problem = s.updateProblem(body);
      if (problem) return s.error(400, 'Request_BadRequest', `Invalid value: ${problem}.`);
      const next = s.apply(group, body);
      store.groups.set(id, next);
      return s.updated(next, body);
    }
    if (sub !== 'members') return s.error(404, 'Request_ResourceNotFound', `No route for ${url.pathname}`);
    const members = store.members.get(id) ?? new Set<string>();

    if (memberId === undefined) {
      if (method !== 'GET') return s.error(405, 'Request_BadRequest', `${method} is not supported on members.`);
      return s.list([...members].map((m) => ({ '@odata.type': store.groups.has(m) ? '#microsoft.graph.group' : '#microsoft.graph.user', id: m })));
    }
    if (memberId === '$ref' && ref === undefined) {
      if (method !== 'POST') return s.error(405, 'Request_BadRequest', `${method} is not supported on members/$ref.`);
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const extra = Object.keys(body).find((k) => k !== '@odata.id');
      if (extra) return s.error(400, 'Request_BadRequest', `${extra} is not a property of a reference.`);
      const ref = typeof body['@odata.id'] === 'string' ? DIRECTORY_OBJECT.exec(body['@odata.id'])?.[1] : undefined;
      if (ref === undefined) return s.error(400, 'Request_BadRequest', '@odata.id must be the URL of a directory object.');
      const outcome = s.addMember(store, id, decodeURIComponent(ref));
      if (outcome === 'missing') return notFound(ref);
      if (outcome === 'already')
        return s.error(400, 'Request_BadRequest', "One or more added object references already exist for the following modified properties: 'members'.");
      return new Response(null, { status: 204, statusText: 'No Content' });
    }
    if (ref !== '$ref') return s.error(404, 'Request_ResourceNotFound', `No route for ${url.pathname}`);
    if (method !== 'DELETE') return s.error(405, 'Request_BadRequest', `${method} is not supported on a member reference.`);
    return s.removeMember(store, id, memberId) ? new Response(null, { status: 204, statusText: 'No Content' }) : notFound(memberId);
  }
  return { store, handle };
}
