/**
 * Path parameters by name (`--param NAME=VALUE`): a path with two parameters is certified with both given;
 * a missing or unknown one stops the run with one line naming it; values that address nothing stop it
 * before any case rather than letting every negative case pass on a 404.
 */
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { describeProblem } from '../../harness/model/usage-problem.js';
import { certifyServer, serverOptionProblem } from '../../harness/run/certify-server.js';
import { createUserService, REFERENCE_USER_ID } from '../implementations/servers/reference.js';
import { loadSpec } from '../support/validators.js';

const GROUP = '02bd9fd6-8f93-4758-87c3-1fb73740a315';

/** v1.0 Update user, as if documented only at `/groups/{group-id}/owners/{user-id}` (an owner of a group). */
function ownerSpec(): OperationSpec {
  const spec = structuredClone(loadSpec('v1.0'));
  const source = spec.http.paths[0]!.source;
  spec.http.paths = [
    {
      template: '/groups/{group-id}/owners/{user-id}',
      params: [
        { name: 'group-id', alternatives: ['group-id'] },
        { name: 'user-id', alternatives: ['user-id'] },
      ],
      origin: 'http-request',
      source,
    },
  ];
  return spec;
}

/** The reference user service behind the owners path of one group: another group is not found. */
function ownersOf(group: string) {
  const service = createUserService();
  const seen: string[] = [];
  const handler = (request: Request) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}`);
    const m = /^\/v1\.0\/groups\/([^/]+)\/owners\/([^/]+)$/.exec(url.pathname);
    if (!m || decodeURIComponent(m[1]!) !== group)
      return Promise.resolve(Response.json({ error: { code: 'Request_ResourceNotFound', message: 'no such group' } }, { status: 404 }));
    url.pathname = `/v1.0/users/${m[2]}`;
    return service.handle(new Request(url, request));
  };
  return { handler, seen };
}

describe('path parameters by name', () => {
  it('certifies a path with two parameters, every request at the path the values make', async () => {
    const { handler, seen } = ownersOf(GROUP);
    const report = await certifyServer({ spec: ownerSpec(), handler, params: { 'group-id': GROUP, 'user-id': REFERENCE_USER_ID }, runs: 10, seed: 3 });
    // The Update user page gives no error status with its case: that check has nothing to send.
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status])).toEqual([
      ['documented-errors', 'skipped'],
      ['if-match', 'skipped'],
    ]);
    expect(report.verdict).toBe('pass');
    expect(report.checks.some((c) => c.id.startsWith('rejects-invalid/'))).toBe(true);
    expect(new Set(seen.map((s) => s.split('?')[0]!.replace(/^\w+ /, '')))).toEqual(new Set([`/v1.0/groups/${GROUP}/owners/${REFERENCE_USER_ID}`]));
  });

  it('a missing value stops the run with the parameters it needs', async () => {
    const { handler } = ownersOf(GROUP);
    const options = { spec: ownerSpec(), handler, params: { 'group-id': GROUP }, runs: 1 };
    expect(serverOptionProblem(options)).toEqual({
      code: 'missing-params',
      templates: ['/groups/{group-id}/owners/{user-id}'],
      missing: ['group-id', 'user-id'],
    });
    await expect(certifyServer(options)).rejects.toThrow(/^\/groups\/\{group-id\}\/owners\/\{user-id\}: needs params group-id, user-id$/);
  });

  it('a name no path has stops the run, listing the names there are', async () => {
    const { handler } = ownersOf(GROUP);
    await expect(certifyServer({ spec: ownerSpec(), handler, params: { 'group-id': GROUP, 'user-id': 'x', team: 'y' }, runs: 1 })).rejects.toThrow(
      'params.team: no path or request body of the spec has that parameter (they have group-id, user-id)',
    );
  });

  it('values that address nothing stop the run before any case, naming them', async () => {
    const { handler, seen } = ownersOf(GROUP);
    const report = await certifyServer({ spec: ownerSpec(), handler, params: { 'group-id': 'no-such-group', 'user-id': REFERENCE_USER_ID }, runs: 5 });
    expect(report.verdict).toBe('inconclusive');
    expect(report.checks).toEqual([]);
    expect(report.problem).toEqual({
      code: 'nothing-there',
      values: [
        { name: 'group-id', value: 'no-such-group' },
        { name: 'user-id', value: REFERENCE_USER_ID },
      ],
      evidence: `GET and PATCH /groups/no-such-group/owners/${REFERENCE_USER_ID} both answered 404`,
    });
    expect(describeProblem(report.problem!)).toBe(
      `params.group-id "no-such-group", params.user-id "${REFERENCE_USER_ID}" addresses nothing: GET and PATCH /groups/no-such-group/owners/${REFERENCE_USER_ID} both answered 404, so no case could tell a refused body from a missing resource`,
    );
    expect(seen).toHaveLength(2);
  });

  it('params.id still addresses a one-parameter path whatever its parameter is named', async () => {
    const spec = structuredClone(loadSpec('v1.0'));
    spec.http.paths = [{ ...spec.http.paths[0]!, template: '/users/{user-id}', params: [{ name: 'user-id', alternatives: ['user-id'] }] }];
    const service = createUserService();
    const report = await certifyServer({
      spec,
      handler: (r) => service.handle(r),
      params: { id: REFERENCE_USER_ID },
      runs: 5,
      seed: 4,
      checks: ['success-status', 'addressing'],
    });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['success-status', 'pass'],
      ['addressing/user-id', 'pass'],
    ]);
  });
});

describe('no case passes at an address nothing showed to exist', () => {
  it('a server that refuses every request leaves the negative cases inconclusive, not passed', async () => {
    const spec = loadSpec('v1.0');
    const refuse = () => Promise.resolve(Response.json({ error: { code: 'BadRequest', message: 'no' } }, { status: 400 }));
    const report = await certifyServer({ spec, handler: refuse, params: { id: REFERENCE_USER_ID }, runs: 3, seed: 5 });
    expect(report.verdict).toBe('fail');
    const negative = report.checks.filter((c) => ['rejects-invalid', 'error-envelope', 'content-type'].includes(c.check));
    expect(negative.length).toBeGreaterThan(10);
    for (const c of negative) {
      expect(c.status, c.id).toBe('inconclusive');
      expect(c.message).toMatch(/^no request reached an existing resource at \/users\/87d349ed-[^ ]+ \(GET .* answered 400 .*; an empty PATCH answered 400/);
    }
    expect(report.checks.find((c) => c.id === 'success-status')!.status).toBe('fail');
  });
});

describe('a placeholder name written twice in one path', () => {
  /** As the nested workbook pages write it: `/me/drive/items/{id}/workbook/worksheets/{id}`. */
  function twiceSpec(): OperationSpec {
    const spec = structuredClone(loadSpec('v1.0'));
    const source = spec.http.paths[0]!.source;
    const id = { name: 'id', alternatives: ['id'] };
    spec.http.paths = [{ template: '/me/drive/items/{id}/workbook/worksheets/{id}', params: [id, { ...id }], origin: 'http-request', source }];
    return spec;
  }

  it('takes a value per slot: the second is id-2, and a plan names both', async () => {
    const spec = twiceSpec();
    expect(serverOptionProblem({ spec, handler: () => Promise.resolve(new Response()), params: { id: 'a' }, runs: 1 })).toEqual({
      code: 'missing-params',
      templates: ['/me/drive/items/{id}/workbook/worksheets/{id}'],
      missing: ['id', 'id-2'],
    });
    const { planRun } = await import('../../harness/run/plan.js');
    const plan = await planRun(spec, { params: {}, runs: 1, seed: 1 });
    expect(plan.needs).toEqual(['id', 'id-2']);
    const seen: string[] = [];
    const service = createUserService();
    await certifyServer({
      spec,
      handler: (r) => {
        seen.push(new URL(r.url).pathname);
        return service.handle(new Request(new URL(`/v1.0/users/${REFERENCE_USER_ID}`, r.url), r));
      },
      params: { id: 'item-1', 'id-2': 'sheet-2' },
      runs: 1,
      seed: 1,
      checks: ['success-status'],
    });
    expect(seen).toContain('/v1.0/me/drive/items/item-1/workbook/worksheets/sheet-2');
  });

  it('a client that puts one value in both slots fails the path check', async () => {
    const { certifyClient } = await import('../../harness/run/certify-client.js');
    const spec = twiceSpec();
    const send = (first: string, second: string, token: string, body: unknown) =>
      fetch(`https://graph.microsoft.com/v1.0/me/drive/items/${encodeURIComponent(first)}/workbook/worksheets/${encodeURIComponent(second)}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const right = await certifyClient({
      spec,
      adapter: async ({ params, token, body }) => void (await send(params.id!, params['id-2']!, token, body)),
      runs: 20,
      seed: 1,
      checks: ['path'],
    });
    expect(right.checks.map((c) => [c.id, c.status])).toEqual([['path', 'pass']]);
    const oneValue = await certifyClient({
      spec,
      adapter: async ({ params, token, body }) => void (await send(params.id!, params.id!, token, body)),
      runs: 20,
      seed: 1,
      checks: ['path'],
    });
    expect(oneValue.checks.map((c) => [c.id, c.status])).toEqual([['path', 'fail']]);
  });
});
