/**
 * Client certification through msw: the plain-fetch reference passes with 1,000 runs; the two real Graph
 * SDKs from npm are certified and what they get wrong is asserted exactly (so the test fails if a finding
 * changes); every seeded-defect client is caught by the check meant for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { certifyClient } from '../../harness/run/certify-client.js';
import { CLIENT_DEFECTS } from '../implementations/clients/defects.js';
import fetchClient from '../implementations/clients/fetch-client.js';
import graphClient from '../implementations/clients/graph-client.js';
import kiotaSdk from '../implementations/clients/kiota-sdk.js';
import { ROOT } from '../support/pages.js';

const spec = JSON.parse(readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8')) as OperationSpec;
const ALL = ['method', 'path', 'authorization', 'content-type', 'body', 'one-request', 'resolves-on-success', 'surfaces-response', 'rejects-on-error'];
/** Update user answers 204 with no body: there is no response for a client to surface. */
const NO_BODY = [['surfaces-response', 'skipped']];
const notPassed = (checks: { id: string; status: string }[]) => checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status]);

describe('the plain-fetch reference client', () => {
  it('passes every check with 100 runs', async () => {
    const report = await certifyClient({ spec, adapter: fetchClient, runs: 100, seed: 21 });
    expect(notPassed(report.checks)).toEqual(NO_BODY);
    expect(report.checks.map((c) => c.id)).toEqual(ALL);
    expect(report.stats.requests).toBe(800);
  });
});

describe('@microsoft/microsoft-graph-client 3.0.7', () => {
  it('conforms', async () => {
    const report = await certifyClient({ spec, adapter: graphClient, seed: 22 });
    expect(notPassed(report.checks)).toEqual(NO_BODY);
  });
});

describe('@microsoft/msgraph-sdk + msgraph-sdk-users 1.0.0-preview.90 (Kiota)', () => {
  it('drops null values from the body, so no property can be cleared; everything else conforms', async () => {
    const report = await certifyClient({ spec, adapter: kiotaSdk, seed: 1 });
    const failed = report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped');
    expect(failed.map((c) => c.id)).toEqual(['body']);
    // Which nullable property the run shrinks to depends on the draw; the finding is the same for each.
    const name = /^\/(\w+): dropped \(was null\)$/.exec(String(failed[0]!.received))?.[1];
    expect(name).toBeDefined();
    const row = spec.requestBody.properties.find((p) => p.name === name)!;
    expect(failed[0]).toMatchObject({ source: `${row.source.file}:${row.source.line}`, counterexample: { input: { body: { [name!]: null } } } });
    // Shrunk to a one-property body, sent as {}.
    expect((failed[0]!.counterexample as { exchanges: { request: { body: string } }[] }).exchanges[0]!.request.body).toBe('{}');
  });

  it('truncates date-time fractions to milliseconds: another instant than the one asked for', async () => {
    let sent = '';
    const server = setupServer(
      http.all('*', async ({ request }) => {
        sent = await request.text();
        return new Response(null, { status: 204 });
      }),
    );
    server.listen();
    try {
      await kiotaSdk({
        baseUrl: 'https://graph.microsoft.com/v1.0',
        operation: 'user-update',
        params: { id: 'x' },
        token: 't',
        body: { birthday: '2014-01-01T00:00:00.1234567Z', employeeHireDate: '2020-01-01T00:00:00+02:00' },
      });
    } finally {
      server.close();
    }
    expect(JSON.parse(sent)).toEqual({ birthday: '2014-01-01T00:00:00.123Z', employeeHireDate: '2019-12-31T22:00:00.000Z' });
  });
});

describe.each(CLIENT_DEFECTS.map((d) => [d.name, d] as const))('seeded-defect client %s', (_name, defect) => {
  it(`is caught by ${defect.caughtBy} within the default runs`, async () => {
    const report = await certifyClient({ spec, adapter: defect.adapter, seed: 23, checks: [defect.caughtBy] });
    expect(report.verdict).toBe('fail');
    const failed = report.checks.find((c) => c.status === 'fail')!;
    expect(failed.id).toBe(defect.caughtBy);
    expect(failed.source).toMatch(/^spec\/sources\/v1\.0\/user-update\.txt:\d+$/);
    expect(failed.counterexample).toBeDefined();
  });
});

describe('the call in progress', () => {
  it('a call that never settles counts as never settling, after timeoutMs, and the run goes on', async () => {
    let calls = 0;
    // Sends the documented request, then never resolves: only the watchdog can end the call.
    const hangs = async (args: Parameters<typeof fetchClient>[0]) => {
      calls++;
      await fetchClient(args);
      await new Promise(() => {});
    };
    const report = await certifyClient({ spec, adapter: hangs, seed: 5, runs: 3, timeoutMs: 300, checks: ['resolves-on-success', 'method'] });
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId['resolves-on-success']).toMatchObject({ status: 'fail', received: expect.stringMatching(/^the call never settled/) });
    // What it sent is still checked: the request was the documented one.
    expect(byId.method?.status).toBe('pass');
    expect(calls).toBeGreaterThanOrEqual(4);
  });

  it('hands the adapter a copy of the body: a client that empties its input changes no expectation', async () => {
    const emptying = async (args: Parameters<typeof fetchClient>[0]) => {
      const sent = fetchClient(args);
      const body = args.body ?? {};
      for (const k of Object.keys(body)) delete body[k];
      await sent;
    };
    const report = await certifyClient({ spec, adapter: emptying, seed: 6, runs: 50, checks: ['body'] });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['body', 'pass']]);
  });
});
