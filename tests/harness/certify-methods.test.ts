/**
 * Certification beyond PATCH: a read (GET, no body, the response held to the resource type), a create
 * (POST, Required properties sent by valid cases and each omitted by a broken one, the new resource echoing
 * what was sent) and a delete (sent once, last; afterwards the resource reads 404), each against the
 * reference user service and a defect of it that breaks the rule.
 */
import { describe, expect, it } from 'vitest';
import type { Constraint, OperationSpec } from '../../generator/ir/ir.js';
import { certifyServer } from '../../harness/run/certify-server.js';
import { CREATE_REQUIRED, createUserService, REFERENCE_USER_ID, type Store } from '../implementations/servers/reference.js';
import { lineOf } from '../support/pages.js';
import { loadSpec } from '../support/validators.js';

const line = (source: string) => lineOf(source.slice(0, source.lastIndexOf(':')), Number(source.slice(source.lastIndexOf(':') + 1)));

/** v1.0 Update user as another operation of the same resource: `user` is its table, as a resource page. */
function operation(method: string, template: string, status: number, statusText: string, bodyType?: string): OperationSpec {
  const spec = structuredClone(loadSpec('v1.0'));
  const source = spec.http.paths[0]!.source;
  const params = template.includes('{') ? [{ name: 'id', alternatives: ['id'] }] : [];
  spec.operation = `user-${method.toLowerCase()}`;
  spec.http = { method, paths: [{ template, params, origin: 'http-request', source }] };
  spec.responses = [{ status, statusText, ...(bodyType ? { bodyType } : {}), source: spec.responses[0]!.source }];
  spec.types.user = { kind: 'complex', name: 'user', open: false, properties: spec.requestBody.properties, source: spec.requestBody.source };
  spec.requestBody.resource = 'user';
  if (method === 'GET' || method === 'DELETE') spec.requestBody.properties = [];
  return spec;
}

function createSpec(): OperationSpec {
  const spec = operation('POST', '/users', 201, 'Created', 'user');
  // "Must be updated in their own request" is about updates; a create sends its Required properties together.
  spec.requestBody.groups = [];
  for (const p of spec.requestBody.properties) {
    if (!CREATE_REQUIRED.includes(p.name)) continue;
    const required: Constraint = { kind: 'required', rule: 'required', sentence: 'Required.', source: p.source };
    p.constraints.push(required);
  }
  return spec;
}

/** The reference service with its store reachable, `change` applied to every response first. */
function service(change?: (request: Request, response: Response, store: Store) => Promise<Response>) {
  const s = createUserService();
  const seen: string[] = [];
  const handler = async (request: Request) => {
    seen.push(
      `${request.method} ${new URL(request.url).pathname} ${request.headers.get('content-type') ?? '-'} ${request.method === 'GET' || request.method === 'DELETE' ? await request.clone().text() : ''}`,
    );
    const response = await s.handle(request);
    return change ? change(request, response, s.store) : response;
  };
  return { handler, seen, store: s.store };
}

describe('a read (GET)', () => {
  const spec = operation('GET', '/users/{id}', 200, 'OK', 'user');

  it('passes the reference: no body, no Content-Type; body checks do not apply', async () => {
    const { handler, seen } = service();
    const report = await certifyServer({ spec, handler, params: { id: REFERENCE_USER_ID }, runs: 10, seed: 1 });
    expect(report.verdict).toBe('pass');
    const status = Object.fromEntries(report.checks.map((c) => [c.id, [c.status, c.message]]));
    expect(status['success-status']![0]).toBe('pass');
    expect(status['rejects-invalid']).toEqual(['skipped', 'the request has no body']);
    expect(status['content-type']).toEqual(['skipped', 'the request has no body']);
    expect(status.stateful).toEqual(['skipped', 'a read changes nothing to read back']);
    const reads = seen.filter((s) => s.startsWith('GET'));
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.every((s) => s.endsWith(' - '))).toBe(true);
  });

  it('addresses the user by id, by the userPrincipalName the first read returned, and via /me', async () => {
    const byEither = operation('GET', '/users/{id | userPrincipalName}', 200, 'OK', 'user');
    byEither.http.paths[0]!.params = [{ name: 'id|userPrincipalName', alternatives: ['id', 'userPrincipalName'] }];
    byEither.http.paths.push({ template: '/me', params: [], origin: 'example', source: byEither.http.paths[0]!.source });
    const { handler, seen } = service();
    const report = await certifyServer({ spec: byEither, handler, params: { id: REFERENCE_USER_ID }, runs: 3, seed: 8, checks: ['addressing'] });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['addressing/id', 'pass'],
      ['addressing/userPrincipalName', 'pass'],
      ['addressing/me', 'pass'],
    ]);
    // Reads only: nothing was updated to address the user by name.
    expect(seen.every((s) => s.startsWith('GET'))).toBe(true);
  });

  it("fails a server whose body breaks the resource type, citing the property's row", async () => {
    const { handler } = service(async (request, response) => {
      if (request.method !== 'GET' || response.status !== 200) return response;
      return Response.json({ ...((await response.json()) as object), accountEnabled: 'yes' });
    });
    const report = await certifyServer({ spec, handler, params: { id: REFERENCE_USER_ID }, runs: 5, seed: 2, checks: ['success-status'] });
    const r = report.checks[0]!;
    expect(r.status).toBe('fail');
    expect(r.received).toMatch(/at \/accountEnabled, .*boolean/i);
    expect(line(r.source!)).toContain('accountEnabled');
  });
});

describe('a create (POST)', () => {
  const spec = createSpec();

  it('passes the reference: valid bodies carry every Required property; each omitted one is refused', async () => {
    const { handler, store } = service();
    const before = store.users.size;
    const report = await certifyServer({ spec, handler, runs: 10, seed: 3 });
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.verdict).toBe('pass');
    const required = report.checks.filter((c) => c.id.endsWith('/required')).map((c) => c.id);
    expect(required.sort()).toEqual(CREATE_REQUIRED.map((n) => `rejects-invalid/${n}/required`).sort());
    expect(store.users.size).toBeGreaterThan(before + 5);
  });

  it('fails a server that accepts a create without a Required property', async () => {
    const { handler } = service(async (_request, response) => {
      if (response.status !== 400) return response;
      const message = ((await response.clone().json()) as { error: { message: string } }).error.message;
      return message.startsWith('displayName is required') ? Response.json({ id: 'x' }, { status: 201 }) : response;
    });
    const report = await certifyServer({ spec, handler, runs: 10, seed: 4, checks: ['rejects-invalid/displayName'] });
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status])).toEqual([['rejects-invalid/displayName/required', 'fail']]);
  });

  /** The reference service, each new resource it answers with changed by `change`. */
  const answering = (change: (created: Record<string, unknown>) => Record<string, unknown>) =>
    service(async (_request, response) =>
      response.status === 201 ? Response.json(change((await response.json()) as Record<string, unknown>), { status: 201 }) : response,
    );

  it('fails a server whose new resource holds another value than was sent', async () => {
    // Another valid name, so the answer breaks nothing but the promise to hold what was sent.
    const { handler } = answering((created) => ({ ...created, displayName: created.displayName === 'x' ? 'y' : 'x' }));
    const report = await certifyServer({ spec, handler, runs: 5, seed: 5, checks: ['success-status'] });
    expect(report.checks[0]!.status).toBe('fail');
    expect(report.checks[0]!.expected).toMatch(/^the created user, with displayName as sent/);
  });

  it('passes a new resource that leaves a sent property out: create pages return "only the default properties"', async () => {
    const { handler } = answering(({ displayName: _, ...rest }) => rest);
    const report = await certifyServer({ spec, handler, runs: 5, seed: 5, checks: ['success-status'] });
    expect(report.checks[0]!.status).toBe('pass');
  });

  it('fails a new resource without its id', async () => {
    const { handler } = answering(({ id: _, ...rest }) => rest);
    const report = await certifyServer({ spec, handler, runs: 5, seed: 5, checks: ['success-status'] });
    expect(report.checks[0]).toMatchObject({ status: 'fail', received: expect.stringMatching(/id is missing$/) });
  });
});

describe('a delete (DELETE)', () => {
  const spec = operation('DELETE', '/users/{id}', 204, 'No Content');

  it('passes the reference: sent once, after every other case; the user reads 404 afterwards', async () => {
    const { handler, seen, store } = service();
    const report = await certifyServer({ spec, handler, params: { id: REFERENCE_USER_ID }, runs: 10, seed: 6 });
    expect(report.verdict).toBe('pass');
    expect(report.checks.at(-1)).toMatchObject({ id: 'success-status', status: 'pass', runs: 1 });
    expect(report.checks.find((c) => c.check === 'addressing')!.message).toBe('deleting through one address removes the resource for the others');
    const deletes = seen.filter((s) => s.startsWith('DELETE'));
    expect(deletes.length).toBeGreaterThan(0);
    expect(deletes.every((s) => s.endsWith(' - '))).toBe(true);
    expect(store.users.has(REFERENCE_USER_ID)).toBe(false);
  });

  it('fails a server whose DELETE keeps the resource', async () => {
    const keeps = createUserService();
    const report = await certifyServer({
      spec,
      handler: (r) => (r.method === 'DELETE' ? Promise.resolve(new Response(null, { status: 204 })) : keeps.handle(r)),
      params: { id: REFERENCE_USER_ID },
      runs: 5,
      seed: 7,
    });
    const r = report.checks.find((c) => c.id === 'success-status')!;
    expect(r.status).toBe('fail');
    expect(r.expected).toBe('404: the deleted resource is gone');
  });
});
