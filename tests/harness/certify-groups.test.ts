/**
 * A run over several operations of one resource: the groups pages of the 2021 reference (create, get, list,
 * update, delete, list members, add and remove a member) against the groups reference server and each of its
 * seeded defects. The specs are generated from the corpus pages as `generate --docs` would; without the
 * corpus beside the project these tests are skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifySuite } from '../../harness/run/certify-suite.js';
import type { SuiteReport } from '../../harness/report/suite-report.js';
import { CertifyUsageError, describeProblem } from '../../harness/model/usage-problem.js';
import { formatSuite, suiteJunit } from '../../harness/report/suite.js';
import { certifyDefect, GROUP_DEFECTS } from '../implementations/servers/groups-defects.js';
import { createGroupService, DIRECTORY_USER_ID, lenientGroupSteps, referenceGroupSteps } from '../implementations/servers/groups.js';
import { flaky, type Listening, listen } from '../implementations/servers/listen.js';
import { groupSpecs, hasApiReference, lineOf } from '../support/pages.js';

const SPECS = groupSpecs();
const _byName = (name: string) => SPECS.find((s) => s.operation === name)!;
const PARAMS = { id: DIRECTORY_USER_ID };

const lineAt = (source: string) => lineOf(source.slice(0, source.lastIndexOf(':')), Number(source.slice(source.lastIndexOf(':') + 1)));

function outcome(report: SuiteReport) {
  return Object.fromEntries(report.operations.map((o) => [o.operation, o.status]));
}

describe.skipIf(!hasApiReference)('the groups reference, all eight operations in one run', () => {
  it('passes in-process: every operation, the resource model, and only the docs disagreements as warnings', async () => {
    const service = createGroupService();
    const report = await certifySuite({ specs: SPECS, handler: (r) => service.handle(r), params: PARAMS, seed: 1, runs: 50 });
    expect(outcome(report)).toEqual(Object.fromEntries(SPECS.map((s) => [s.operation, 'pass'])));
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['resource-model/groups', 'pass']]);
    expect(report.verdict).toBe('pass');
    // group.md writes `Hiddenmembership` and lists neither "" nor null, which the create page allows: every
    // answer holding a group created with one of those warns, and nothing else does. Which reads meet such a
    // group depends on the values drawn; the create's own answer always does within 50 runs.
    const warnings = report.operations.flatMap((o) =>
      (o.report?.checks ?? []).filter((c) => c.status === 'warning').map((c) => ({ at: `${o.operation} ${c.id}`, message: c.message })),
    );
    expect(warnings.map((w) => w.at)).toContain('group-post-groups success-status');
    for (const w of warnings) {
      expect(['group-post-groups success-status', 'group-list success-status', 'group-get success-status']).toContain(w.at);
      expect(w.message).toMatch(/^tolerated: .*visibility, (null|""|"HiddenMembership") is not one of the allowed values Private, Public, Hiddenmembership;/);
    }
    // Every operation that addresses a group got one the run created from the create page's first example it
    // can send, and the reference delete its member first.
    for (const o of report.operations.filter((o) => o.operation !== 'group-post-groups' && o.operation !== 'group-list'))
      expect(o.values?.[0], o.operation).toMatch(/^(id|group-id): created by group-post-groups from its example create_group \(id [0-9a-f-]{36}\)$/);
    expect(report.operations.find((o) => o.operation === 'group-delete-members')!.values).toContain('reference added first by group-post-members');
    // The examples phase: the create and update pages' own example requests, each accepted.
    const examples = report.operations.flatMap((o) =>
      (o.report?.checks ?? []).filter((c) => c.check === 'examples').map((c): string[] => [o.operation, c.id, c.status, c.message ?? '']),
    );
    // The create page leaves groupTypes to "other writable properties" of the group resource: its examples
    // hold to the body the page defines and are sent; the one naming members by the page's ids is not.
    expect(examples.filter(([, , status]) => status !== 'skipped')).toEqual([
      ['group-post-groups', 'examples/create_group', 'pass', '1 runs'],
      ['group-post-groups', 'examples/create_role_enabled_group', 'pass', '1 runs'],
      ['group-update', 'examples/update_group', 'pass', '1 runs'],
    ]);
    expect(examples.filter(([op]) => op === 'group-post-groups').map(([, id, status, message]) => [id, status, message!.split(', which')[0]])).toContainEqual([
      'examples/create_prepopulated_group',
      'skipped',
      "the example's owners@odata.bind names a resource by the page's id",
    ]);
    // The documented error cases ran against the member add.
    const add = report.operations.find((o) => o.operation === 'group-post-members')!.report!;
    expect(add.checks.filter((c) => c.check === 'documented-errors').map((c) => [c.id, c.status])).toEqual([
      ['documented-errors/400/duplicate', 'pass'],
      ['documented-errors/404/missing-reference', 'pass'],
    ]);
  });

  it('a lenient variant that refuses clearing what the create requires passes too', async () => {
    const service = createGroupService(lenientGroupSteps);
    const report = await certifySuite({ specs: SPECS, handler: (r) => service.handle(r), params: PARAMS, seed: 1, runs: 50 });
    expect(report.verdict, formatSuite(report)).toBe('pass');
    // It does refuse a clearing update: the pass is not for want of trying one.
    const send = (method: string, path: string, body: unknown) =>
      service.handle(
        new Request(`https://graph.microsoft.com/v1.0/groups${path}`, {
          method,
          headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const made = (await (await send('POST', '', { displayName: 'Lenient', mailEnabled: false, mailNickname: 'lenient', securityEnabled: true })).json()) as {
      id: string;
    };
    const refused = await send('PATCH', `/${made.id}`, { mailNickname: null });
    expect(refused.status).toBe(400);
  });

  it("makes its resources from a generated body when the server refuses the example's (a nickname taken)", async () => {
    const example = SPECS.find((s) => s.operation === 'group-post-groups')!.examples.find((e) => e.name === 'create_group')!;
    const taken = (example.request!.body as { mailNickname: string }).mailNickname;
    const service = createGroupService({
      createProblem: (body) => (body.mailNickname === taken ? `mailNickname ${taken} is taken` : referenceGroupSteps.createProblem(body)),
    });
    const get = SPECS.filter((s) => s.operation === 'group-post-groups' || s.operation === 'group-get');
    const report = await certifySuite({ specs: get, handler: (r) => service.handle(r), params: {}, seed: 1, runs: 5, checks: ['success-status'] });
    const read = report.operations.find((o) => o.operation === 'group-get')!;
    expect(read.status).toBe('pass');
    expect(read.values?.[0]).toMatch(/^id: created by group-post-groups \(id [0-9a-f-]{36}\)$/);
  });

  it("masks the token in the progress of every result, the resource model's too", async () => {
    const token = 'a-secret-token-0123456789';
    const defect = GROUP_DEFECTS.find((d) => d.name === 'list-misses-newest')!;
    const service = createGroupService(defect.steps);
    const seen: string[] = [];
    const report = await certifySuite({
      specs: SPECS,
      handler: (r) => service.handle(r),
      params: PARAMS,
      token,
      seed: 1,
      runs: 20,
      onResult: (r) => seen.push(JSON.stringify(r)),
    });
    // The model failed, so its counterexample (whose requests carry the token) reached the progress callback.
    const model = seen.map((s) => JSON.parse(s)).find((r) => r.id === 'resource-model/groups');
    expect(model?.status).toBe('fail');
    expect(JSON.stringify(model.counterexample)).toContain('Bearer ***');
    for (const line of seen) expect(line).not.toContain(token);
    expect(JSON.stringify(report)).not.toContain(token);
  });

  describe('over loopback HTTP with 5% of requests throttled (429)', () => {
    let server: Listening;
    beforeAll(async () => {
      const service = createGroupService();
      server = await listen(flaky((r) => service.handle(r), 0.05, 7));
    });
    afterAll(() => server.close());

    // Three seeds, so a pass does not hang on one draw; the in-process run above draws 50 runs of values.
    it.each([1, 2, 3])('passes with seed %i', async (seed) => {
      const report = await certifySuite({ specs: SPECS, baseUrl: `${server.origin}/v1.0`, params: PARAMS, seed, runs: 5 });
      expect(report.verdict, formatSuite(report)).toBe('pass');
      expect(report.stats.retries / report.stats.requests).toBeLessThan(0.1);
      expect(report.stats.retries).toBeGreaterThan(0);
    });
  });

  it('writes console, JSON and JUnit forms with a suite per operation and one for the model', async () => {
    const service = createGroupService();
    const report = await certifySuite({ specs: SPECS, handler: (r) => service.handle(r), params: PARAMS, seed: 4, runs: 5, token: 'tok-secret-1234' });
    const text = formatSuite(report);
    expect(text).toMatch(
      /^docspec: certify server, 8 operations at in-process: pass — 8 pass, 0 fail, 0 inconclusive, 0 not implemented, 0 not run; resource model: 1 of 1 passed/m,
    );
    const junit = suiteJunit(report);
    expect(junit.match(/<testsuite /g)).toHaveLength(9);
    for (const out of [text, junit, JSON.stringify(report)]) expect(out).not.toContain('tok-secret-1234');
  });
});

describe.skipIf(!hasApiReference)('operations the server does not implement', () => {
  /** The reference without the member routes: they answer 405 (the path is there, the method is not). */
  const membersless = () => {
    const service = createGroupService();
    return async (request: Request) =>
      /\/members\b/.test(new URL(request.url).pathname)
        ? Response.json({ error: { code: 'BadRequest', message: 'no' } }, { status: 405 })
        : service.handle(request);
  };

  it('are not-implemented, the verdict pass; --require-all fails them', async () => {
    const report = await certifySuite({ specs: SPECS, handler: membersless(), params: PARAMS, seed: 5, runs: 10 });
    expect(outcome(report)).toMatchObject({ 'group-list-members': 'not-implemented', 'group-post-members': 'not-implemented', 'group-get': 'pass' });
    expect(report.operations.find((o) => o.operation === 'group-list-members')!.reason).toMatch(/^the documented request answered 405/);
    // The reference delete could not even add its member first.
    expect(report.operations.find((o) => o.operation === 'group-delete-members')).toMatchObject({
      status: 'not-run',
      reason: expect.stringMatching(/answered 405/),
    });
    expect(report.verdict).toBe('pass');
    const strict = await certifySuite({ specs: SPECS, handler: membersless(), params: PARAMS, seed: 5, runs: 10, requireAll: true });
    expect(strict.verdict).toBe('fail');
  });
});

describe.skipIf(!hasApiReference)('values that address nothing', () => {
  it('a value naming no directory object stops the run, the problem returned as data', async () => {
    const service = createGroupService();
    const report = await certifySuite({ specs: SPECS, handler: (r) => service.handle(r), params: { id: 'no-such-user' }, seed: 6, runs: 5 });
    expect(report.verdict).toBe('inconclusive');
    expect(report.checks).toEqual([]);
    expect(report.problem).toMatchObject({
      code: 'reference-to-nothing',
      param: 'id',
      method: 'POST',
      key: '@odata.id',
      value: 'https://graph.microsoft.com/v1.0/directoryObjects/no-such-user',
      status: 404,
    });
    expect(describeProblem(report.problem!)).toMatch(
      /^params\.id: POST with @odata\.id "https:\/\/graph\.microsoft\.com\/v1\.0\/directoryObjects\/no-such-user" answered 404, which the docs give "when the object being added doesn't exist" \(\S+group-post-members\.md:\d+\)/,
    );
  });

  it('a parameter no operation has is refused before any request, naming no CLI flag', async () => {
    const service = createGroupService();
    const run = certifySuite({ specs: SPECS, handler: (r) => service.handle(r), params: { team: 'x' }, seed: 6, runs: 5 });
    await expect(run).rejects.toThrow(CertifyUsageError);
    await expect(certifySuite({ specs: SPECS, handler: (r) => service.handle(r), params: { team: 'x' }, seed: 6, runs: 5 })).rejects.toMatchObject({
      problem: { code: 'unknown-param', name: 'team', operations: 8 },
      message: 'params.team: no path or request body of the 8 operations has that parameter',
    });
  });
});

describe.skipIf(!hasApiReference)('two defects in one case', () => {
  it('a create answering 200 with no body: both the status and the missing group are reported', async () => {
    const service = createGroupService({ created: () => new Response(null, { status: 200 }) });
    const create = SPECS.filter((s) => s.operation === 'group-post-groups');
    const report = await certifySuite({ specs: create, handler: (r) => service.handle(r), params: {}, seed: 1, runs: 10, checks: ['success-status'] });
    const checks = report.operations[0]!.report!.checks.filter((c) => c.status === 'fail');
    expect(checks.map((c) => [c.id, c.received])).toEqual([
      ['success-status', '200 (no body)'],
      ['success-status/body', '200 (no body)'],
    ]);
    expect(checks.map((c) => c.expected)).toEqual(['201 Created with a group object in the body', 'a group object in the body']);
  });
});

describe.skipIf(!hasApiReference)('seeded defects of the groups reference', () => {
  it('number at least 15, each with its own name', () => {
    expect(GROUP_DEFECTS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(GROUP_DEFECTS.map((d) => d.name)).size).toBe(GROUP_DEFECTS.length);
  });

  it.each(GROUP_DEFECTS.map((d) => [d.name, d] as const))('%s is caught within the default runs, naming the docs line', async (_name, defect) => {
    const { report, caught } = await certifyDefect(defect, SPECS, 1);
    expect(report.verdict, formatSuite(report)).toBe('fail');
    expect(caught, formatSuite(report)).toBeDefined();
    expect(caught!.runs).toBeLessThanOrEqual(100);
    expect(lineAt(caught!.source!), caught!.source).toEqual(
      typeof defect.lineHolds === 'string' ? expect.stringContaining(defect.lineHolds) : expect.stringMatching(defect.lineHolds),
    );
  });
});
