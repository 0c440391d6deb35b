/**
 * The two Graph SDKs from npm and the reference fetch client, certified through the adapter contract on three
 * operations of different methods from the 2021 v1.0 pages: create (POST /users, answered with a generated
 * user that holds what was sent), get (GET /users/{id}, answered with a generated user) and update (PATCH).
 * What each gets wrong is asserted exactly, so the test fails if a finding changes. Clients that drop, rename
 * or mis-type a field of the answer are caught by surfaces-response. Needs the corpus (the pages).
 */
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { type ClientAdapter, certifyClient } from '../../harness/run/certify-client.js';
import { surfacedDifference } from '../../harness/checks/client/surfaces-response.check.js';
import fetchClient from '../implementations/clients/fetch-client.js';
import graphClient from '../implementations/clients/graph-client.js';
import kiotaSdk from '../implementations/clients/kiota-sdk.js';
import { hasApiReference, userSpecs } from '../support/pages.js';

const SPECS = userSpecs();
/**
 * Runs per certification: each finding below shows up within the first few runs at these seeds (the Kiota
 * defects in the first run that draws a null), so more runs only repeat what these already show.
 */
const RUNS = 10;
const spec = (name: string) => SPECS.find((s) => s.operation === name) as OperationSpec;

/** Each operation's cases that did not pass or skip, as `id` → received. */
async function findings(adapter: ClientAdapter, operation: string, seed = 1) {
  const report = await certifyClient({ spec: spec(operation), adapter, seed, runs: RUNS });
  return Object.fromEntries(report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped').map((c) => [c.id, c.received]));
}

describe.skipIf(!hasApiReference)('clients on create, get and update of a user', () => {
  it.each(['user-post-users', 'user-get', 'user-update'])('the reference fetch client passes %s', async (operation) => {
    const report = await certifyClient({ spec: spec(operation), adapter: fetchClient, seed: 2, runs: RUNS });
    expect(report.verdict).toBe('pass');
    // The answer is checked wherever the docs give one: create and get.
    const surfaces = report.checks.find((c) => c.id === 'surfaces-response')!;
    expect(surfaces.status).toBe(operation === 'user-update' ? 'skipped' : 'pass');
  });

  it.each(['user-post-users', 'user-get', 'user-update'])('@microsoft/microsoft-graph-client 3.0.7 conforms on %s', async (operation) => {
    expect(await findings(graphClient, operation)).toEqual({});
  });

  it('Kiota create: drops null values from the body, and returns a null complex value as {}', async () => {
    const found = await findings(kiotaSdk, 'user-post-users');
    expect(Object.keys(found).sort()).toEqual(['body', 'surfaces-response']);
    // At any depth: which nullable property the run shrinks to depends on the draw.
    expect(found.body).toMatch(/^(\/\w+)+: dropped \(was null\)$/);
    expect(found['surfaces-response']).toMatch(/^the call returned \/\w+(\/\w+)*: \{\} where the body has null$/);
  });

  it('Kiota get: returns a null complex value as {}', async () => {
    const found = await findings(kiotaSdk, 'user-get');
    expect(Object.keys(found)).toEqual(['surfaces-response']);
    expect(found['surfaces-response']).toMatch(/^the call returned \/\w+(\/\w+)*: \{\} where the body has null$/);
  });

  it('Kiota update: drops null values from the body', async () => {
    const found = await findings(kiotaSdk, 'user-update');
    expect(Object.keys(found)).toEqual(['body']);
    expect(found.body).toMatch(/^\/\w+: dropped \(was null\)$/);
  });
});

/** The reference client with what it returns changed by `change`: defects only surfaces-response can see. */
const returning =
  (change: (user: Record<string, unknown>) => Record<string, unknown>): ClientAdapter =>
  async (args) =>
    change((await fetchClient(args)) as Record<string, unknown>);

describe.skipIf(!hasApiReference)('clients that mis-read the answer', () => {
  it.each([
    ['drops a field', returning(({ displayName: _, ...rest }) => rest), /^the call returned \/displayName: dropped/],
    ['renames a field', returning(({ displayName, ...rest }) => ({ ...rest, name: displayName })), /^the call returned \/displayName: dropped/],
    [
      'reads a Boolean as text',
      returning((u) => ({ ...u, accountEnabled: u.accountEnabled === null ? 'null' : String(u.accountEnabled) })),
      /^the call returned \/accountEnabled: /,
    ],
  ] as const)('a client that %s fails surfaces-response on get, citing the resource page row', async (_what, adapter, message) => {
    const report = await certifyClient({ spec: spec('user-get'), adapter, seed: 3, checks: ['surfaces-response'] });
    const [c] = report.checks;
    expect(c).toMatchObject({ status: 'fail', received: expect.stringMatching(message) });
    expect(c!.source).toMatch(/resources\/user\.md:\d+$/);
  });
});

describe('surfacedDifference (up to representation)', () => {
  it('accepts a Date for a date-time, another precision of a time of day, absent for null, additionalData', () => {
    expect(
      surfacedDifference(
        { a: '2020-01-01T00:00:00Z', t: '08:00:00', n: null, x: 1 },
        { a: '2020-01-01T00:00:00.000Z', t: '08:00:00.0000000', additionalData: { x: 1 } },
      ),
    ).toBeUndefined();
  });
  it('reports a dropped, re-typed or changed value at its path', () => {
    expect(surfacedDifference({ a: { b: [1, 2] } }, { a: { b: [1] } })).toEqual({ path: '/a/b', message: '[1] where the body has 2 item(s)' });
    expect(surfacedDifference({ a: true }, { a: 'true' })).toEqual({ path: '/a', message: '"true" where the body has true' });
    expect(surfacedDifference({ a: 'x' }, {})).toEqual({ path: '/a', message: 'dropped (the body has "x")' });
    expect(surfacedDifference({ a: null }, { a: {} })).toEqual({ path: '/a', message: '{} where the body has null' });
  });
});
