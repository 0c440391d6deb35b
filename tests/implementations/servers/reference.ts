/**
 * A conformant implementation of v1.0 "Update user" (and GET and DELETE on the same paths, and POST to
 * `/users` creating one with the Required properties of "Create user"), written the way a user of docspec
 * would: fetch-style, an in-memory store, and the generated validator for request bodies. Each step is a
 * replaceable function, so a seeded defect (defects.ts) swaps exactly one.
 */
import type { ValidationIssue } from '../../../generated/runtime.js';
import { type RequestBody, validateRequestBody } from '../../../generated/user-update/v1.0.js';

export type User = Record<string, unknown>;

export interface Store {
  users: Map<string, User>;
  /** The user a bearer token signs in (`/me`). */
  signedIn: string;
}

export const REFERENCE_USER_ID = '87d349ed-44d7-43e1-9a83-5f2406dee5bd';
export const REFERENCE_UPN = 'adele.vance@contoso.com';
/**
 * The user the v1.0 page's example 4 addresses (`PATCH /users/4562bcc8-…`): tools that send the docs' examples
 * from the OpenAPI export (Dredd, Portman) reach an existing user, as they would on a tenant holding it.
 */
export const DOCS_EXAMPLE_USER_ID = '4562bcc8-c436-4f95-b7c0-4f8ce89dca5e';

export interface Steps {
  /** The signed-in user's id for a valid bearer token, else undefined (→ 401). */
  authenticate(authorization: string | null, store: Store): string | undefined;
  acceptsContentType(contentType: string | null): boolean;
  /** Problems with a parsed body (empty: valid). */
  validate(body: unknown): ValidationIssue[];
  /** `/users/{id | userPrincipalName}` or `/me` → user id. */
  resolve(segment: string | undefined, me: string, store: Store): string | undefined;
  /** The user after the update. */
  apply(user: User, body: RequestBody & Record<string, unknown>): User;
  updated(user: User): Response;
  error(status: number, code: string, message: string): Response;
}

const EXTENSION = /^(ext[a-z0-9]{8}_|extension_[0-9a-fA-F]{32}_)/;

export const referenceSteps: Steps = {
  authenticate(authorization, store) {
    return authorization && /^Bearer \S+$/.test(authorization) ? store.signedIn : undefined;
  },
  acceptsContentType(contentType) {
    return !!contentType && /^application\/json\s*(;|$)/i.test(contentType);
  },
  validate(body) {
    // The reference holds values to what the docs advise too ("The SMTP address for the user").
    const r = validateRequestBody(body, { strict: true });
    return r.valid ? [] : r.errors;
  },
  resolve(segment, me, store) {
    if (segment === undefined) return me;
    if (store.users.has(segment)) return segment;
    const lower = segment.toLowerCase();
    for (const [id, u] of store.users) if (typeof u.userPrincipalName === 'string' && u.userPrincipalName.toLowerCase() === lower) return id;
    return undefined;
  },
  apply(user, body) {
    const next = { ...user };
    for (const [k, v] of Object.entries(body)) {
      // Docs: setting a directory or schema extension property to null removes it.
      if (v === null && EXTENSION.test(k)) delete next[k];
      else next[k] = v;
    }
    return next;
  },
  updated() {
    return new Response(null, { status: 204, statusText: 'No Content' });
  },
  error(status, code, message) {
    return Response.json({ error: { code, message } }, { status });
  },
};

export function seedStore(): Store {
  const user: User = {
    id: REFERENCE_USER_ID,
    userPrincipalName: REFERENCE_UPN,
    displayName: 'Adele Vance',
    givenName: 'Adele',
    surname: 'Vance',
    jobTitle: 'Retail Manager',
    city: 'Bellevue',
    companyName: 'Contoso',
    department: 'Retail',
    usageLocation: 'US',
    businessPhones: ['+1 425 555 0109'],
    accountEnabled: true,
    ageGroup: null,
  };
  const docsUser: User = { id: DOCS_EXAMPLE_USER_ID, userPrincipalName: 'megan.bowen@contoso.com', displayName: 'Megan Bowen', accountEnabled: true };
  return {
    users: new Map([
      [REFERENCE_USER_ID, user],
      [DOCS_EXAMPLE_USER_ID, docsUser],
    ]),
    signedIn: REFERENCE_USER_ID,
  };
}

/** What "Create user" marks Required: a POST /users without one is refused. */
export const CREATE_REQUIRED = ['accountEnabled', 'displayName', 'mailNickname', 'passwordProfile', 'userPrincipalName'];

export interface UserService {
  store: Store;
  handle(request: Request): Promise<Response>;
}

/** Paths after the version segment: `/users/{id}` or `/me`. */
const ROUTE = /^\/[^/]+\/(?:users\/([^/]+)|me)$/;
const COLLECTION = /^\/[^/]+\/users$/;

export function createUserService(overrides: Partial<Steps> = {}, store: Store = seedStore()): UserService {
  const s: Steps = { ...referenceSteps, ...overrides };
  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (COLLECTION.test(url.pathname) && request.method === 'POST') return create(request);
    const route = ROUTE.exec(url.pathname);
    if (!route) return s.error(404, 'Request_ResourceNotFound', `No route for ${url.pathname}`);
    const me = s.authenticate(request.headers.get('authorization'), store);
    if (me === undefined) return s.error(401, 'InvalidAuthenticationToken', 'Access token is empty or not a bearer token.');
    let segment: string | undefined;
    try {
      segment = route[1] === undefined ? undefined : decodeURIComponent(route[1]);
    } catch {
      return s.error(400, 'Request_BadRequest', 'Malformed percent-encoding in the path.');
    }
    const id = s.resolve(segment, me, store);
    const user = id === undefined ? undefined : store.users.get(id);
    if (id === undefined || !user) return s.error(404, 'Request_ResourceNotFound', `Resource '${segment}' does not exist.`);

    if (request.method === 'GET') {
      const select = url.searchParams.get('$select');
      const keys = select ? select.split(',') : Object.keys(user);
      return Response.json(Object.fromEntries(keys.filter((k) => k in user).map((k) => [k, user[k]])));
    }
    if (request.method === 'DELETE') {
      store.users.delete(id);
      return new Response(null, { status: 204, statusText: 'No Content' });
    }
    if (request.method !== 'PATCH') return s.error(405, 'Request_BadRequest', `${request.method} is not supported.`);
    const body = await bodyOf(request);
    if (body instanceof Response) return body;
    store.users.set(id, s.apply(user, body));
    return s.updated(store.users.get(id)!);
  }
  /**
   * A valid JSON body, or the error response that refuses it. `creating`: the update page's own-request
   * groups ("must be updated in their own request") do not apply.
   */
  async function bodyOf(request: Request, creating = false): Promise<(RequestBody & Record<string, unknown>) | Response> {
    if (!s.acceptsContentType(request.headers.get('content-type')))
      return s.error(415, 'Request_UnsupportedMediaType', 'Content-Type must be application/json.');
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return s.error(400, 'Request_BadRequest', 'The body is not valid JSON.');
    }
    const problems = s.validate(body).filter((p) => !(creating && p.rule === 'own-request'));
    if (problems.length > 0) {
      const p = problems[0]!;
      return s.error(400, 'Request_BadRequest', `Invalid value at ${p.path}: ${p.message}`);
    }
    return body as RequestBody & Record<string, unknown>;
  }
  async function create(request: Request): Promise<Response> {
    if (s.authenticate(request.headers.get('authorization'), store) === undefined)
      return s.error(401, 'InvalidAuthenticationToken', 'Access token is empty or not a bearer token.');
    const body = await bodyOf(request, true);
    if (body instanceof Response) return body;
    const missing = CREATE_REQUIRED.find((k) => body[k] === undefined || body[k] === null);
    if (missing) return s.error(400, 'Request_BadRequest', `${missing} is required to create a user.`);
    const id = crypto.randomUUID();
    store.users.set(id, s.apply({ id }, body));
    return Response.json(store.users.get(id), { status: 201, statusText: 'Created' });
  }
  return { store, handle };
}
