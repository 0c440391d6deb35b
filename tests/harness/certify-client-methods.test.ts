/**
 * Client certification for any operation through one adapter contract,
 * `({ baseUrl, operation, params, body, token })`: a read sends no body and its path takes the parameter
 * by name; a path with two parameters takes each in its place.
 */
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { type ClientAdapter, certifyClient } from '../../harness/run/certify-client.js';
import { loadSpec } from '../support/validators.js';

function withPath(method: string, template: string, params: string[], status: number, bodyType?: string): OperationSpec {
  const spec = structuredClone(loadSpec('v1.0'));
  const source = spec.http.paths[0]!.source;
  spec.operation = `thing-${method.toLowerCase()}`;
  spec.http = { method, paths: [{ template, params: params.map((name) => ({ name, alternatives: [name] })), origin: 'http-request', source }] };
  spec.responses = [{ status, statusText: status === 200 ? 'OK' : 'No Content', ...(bodyType ? { bodyType } : {}), source: spec.responses[0]!.source }];
  if (method === 'GET') spec.requestBody.properties = [];
  return spec;
}

const fail = async (res: Response) => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
};

describe('a read', () => {
  const spec = withPath('GET', '/users/{id}', ['id'], 200, 'user');
  const seen: string[] = [];
  const read: ClientAdapter = async ({ baseUrl, operation, params, body, token }) => {
    seen.push(`${operation} ${body === undefined ? 'no body' : 'a body'}`);
    await fail(await fetch(`${baseUrl}/users/${encodeURIComponent(params.id!)}`, { headers: { Authorization: `Bearer ${token}` } }));
  };

  it('passes a client that GETs the encoded id with no body; the body-type checks do not apply', async () => {
    const report = await certifyClient({ spec, adapter: read, runs: 20, seed: 1 });
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.checks.find((c) => c.id === 'content-type')).toMatchObject({ status: 'skipped', message: 'the request has no body' });
    expect(report.checks.find((c) => c.id === 'body')!.status).toBe('pass');
    expect(new Set(seen)).toEqual(new Set(['thing-get no body']));
  });

  it('fails a client that does not encode the id, naming the template', async () => {
    const raw: ClientAdapter = async ({ baseUrl, params, token }) => {
      await fail(await fetch(`${baseUrl}/users/${params.id}`, { headers: { Authorization: `Bearer ${token}` } }));
    };
    const report = await certifyClient({ spec, adapter: raw, runs: 100, seed: 2, checks: ['path'] });
    const r = report.checks[0]!;
    expect(r.status).toBe('fail');
    expect(r.expected).toMatch(/^the id ".*" addressed as \/v1\.0\/users\//);
  });
});

describe('a delete', () => {
  it('fails a client that sends a body with its DELETE, citing the request line', async () => {
    const spec = withPath('DELETE', '/users/{id}', ['id'], 204);
    const withBody: ClientAdapter = async ({ baseUrl, params, token }) => {
      await fail(
        await fetch(`${baseUrl}/users/${encodeURIComponent(params.id!)}`, {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{"hard":true}',
        }),
      );
    };
    const report = await certifyClient({ spec, adapter: withBody, runs: 5, seed: 5, checks: ['body'] });
    const r = report.checks[0]!;
    expect(r.status).toBe('fail');
    expect(r.received).toBe('a body: "{\\"hard\\":true}"');
    expect(r.sentence).toBe('DELETE /users/{id}');
    expect(r.source).toBe(`${spec.http.paths[0]!.source.file}:${spec.http.paths[0]!.source.line}`);
  });
});

describe('a path with two parameters', () => {
  const spec = withPath('PATCH', '/groups/{group-id}/owners/{user-id}', ['group-id', 'user-id'], 204);
  const update =
    (swap: boolean): ClientAdapter =>
    async ({ baseUrl, params, body, token }) => {
      const [a, b] = swap ? [params['user-id']!, params['group-id']!] : [params['group-id']!, params['user-id']!];
      await fail(
        await fetch(`${baseUrl}/groups/${encodeURIComponent(a)}/owners/${encodeURIComponent(b)}`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    };

  it('passes a client that puts each parameter in its place', async () => {
    const report = await certifyClient({ spec, adapter: update(false), runs: 20, seed: 3 });
    expect(report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped')).toEqual([]);
  });

  it('fails one that swaps them', async () => {
    const report = await certifyClient({ spec, adapter: update(true), runs: 20, seed: 4, checks: ['path'] });
    expect(report.checks[0]).toMatchObject({ status: 'fail' });
    expect(report.checks[0]!.expected).toMatch(/^\{"group-id":".*","user-id":".*"\} addressed as \/v1\.0\/groups\/.*\/owners\//);
  });
});
