/**
 * The two resources drawn at random (scripts/draw-references.ts, seed 34, among the 114 v1.0 collections
 * with create, get, list, update and delete pages, users and groups left out): Intune's telecom expense
 * management partners and Planner tasks. Each reference server was written from its pages alone; each is
 * certified plain, lenient, over loopback with throttling, and with each of its seeded defects. Without the
 * corpus beside the project these tests are skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifySuite } from '../../harness/run/certify-suite.js';
import { planRun } from '../../harness/run/plan.js';
import type { SuiteReport } from '../../harness/report/suite-report.js';
import { formatSuite } from '../../harness/report/suite.js';
import { certifyEntityDefect, type Reference } from '../implementations/servers/entity-defects.js';
import { flaky, type Listening, listen } from '../implementations/servers/listen.js';
import { lenientPlannerSteps, referencePlannerSteps } from '../implementations/servers/planner.js';
import { PLANNER_REFERENCE } from '../implementations/servers/planner-defects.js';
import { lenientTemSteps } from '../implementations/servers/tem.js';
import { TEM_REFERENCE } from '../implementations/servers/tem-defects.js';
import { hasApiReference, lineOf, plannerSpecs, temSpecs } from '../support/pages.js';

const lineAt = (source: string) => lineOf(source.slice(0, source.lastIndexOf(':')), Number(source.slice(source.lastIndexOf(':') + 1)));

const failures = (report: SuiteReport) => [
  ...report.operations.flatMap((o) => (o.report?.checks ?? []).filter((c) => c.status === 'fail').map((c) => `${o.operation} ${c.id}`)),
  ...report.checks.filter((c) => c.status === 'fail' || c.status === 'inconclusive').map((c) => c.id),
];

const warnings = (report: SuiteReport) =>
  report.operations.flatMap((o) =>
    (o.report?.checks ?? []).filter((c) => c.status === 'warning').map((c) => ({ at: `${o.operation} ${c.id}`, message: c.message ?? '' })),
  );

/** Sends one JSON request to a service, as a client of it would. */
const call = (service: { handle(r: Request): Promise<Response> }, method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  service.handle(
    new Request(`https://graph.microsoft.com/v1.0${path}`, {
      method,
      headers: { authorization: 'Bearer t', 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );

/** The statuses the reference and its lenient variant give one request where they differ (not a vacuous variant). */
type Difference = (serve: Reference['serve'], lenient: Parameters<Reference['serve']>[0]) => Promise<[number, number]>;

const temDifference: Difference = async (serve, lenient) => {
  const statuses: number[] = [];
  for (const steps of [{}, lenient]) {
    const service = serve(steps);
    const body = { displayName: 'x', url: 'u', appAuthorized: true, enabled: true, lastConnectionDateTime: '2016-12-31T23:58:36Z' };
    const made = (await (await call(service, 'POST', '/deviceManagement/telecomExpenseManagementPartners', body)).json()) as { id: string };
    statuses.push((await call(service, 'PATCH', `/deviceManagement/telecomExpenseManagementPartners/${made.id}`, { displayName: null })).status);
  }
  return statuses as [number, number];
};

const plannerDifference: Difference = async (serve, lenient) => {
  const statuses: number[] = [];
  for (const steps of [{}, lenient])
    statuses.push((await call(serve(steps), 'POST', '/planner/tasks', { planId: PLANNER_REFERENCE.params.planId, previewType: 'NoPreview' })).status);
  return statuses as [number, number];
};

const REFERENCES = [
  // The TEM pages only describe `url`: a server taking any string there is warned.
  { reference: TEM_REFERENCE, specs: temSpecs(), lenient: lenientTemSteps, difference: temDifference, expected: [200, 400], advises: true },
  { reference: PLANNER_REFERENCE, specs: plannerSpecs(), lenient: lenientPlannerSteps, difference: plannerDifference, expected: [400, 201], advises: false },
] as const;

describe.skipIf(!hasApiReference).each(REFERENCES.map((r) => [r.reference.name, r] as const))(
  'the drawn reference %s',
  (_name, { reference, specs, lenient, difference, expected, advises }) => {
    const run = (steps: Parameters<Reference['serve']>[0], seed: number) => {
      const service = reference.serve(steps);
      return certifySuite({ specs, handler: (r) => service.handle(r), params: reference.params, seed, runs: 50 });
    };

    it('passes in-process, every operation and the resource model, at seed 1', async () => {
      const report = await run({}, 1);
      expect(failures(report), formatSuite(report)).toEqual([]);
      expect(report.verdict).toBe('pass');
      expect(report.operations.map((o) => o.status)).toEqual(specs.map(() => 'pass'));
      expect(report.checks.map((c) => c.id)).toEqual([`resource-model/${reference.name.replace(/^(?!planner)/, 'deviceManagement/')}`]);
      // What addresses a resource got one made from the create page's own example.
      for (const o of report.operations.filter((o) => /-(get|update|delete)$/.test(o.operation)))
        expect(o.values?.[0], o.operation).toMatch(new RegExp(`^\\w+: created by ${reference.create} from its example \\w+ \\(id \\S+\\)$`));
    });

    it('a lenient but conformant variant passes too', async () => {
      // It does answer otherwise than the reference: the pass is not the reference's twice.
      expect(await difference(reference.serve, lenient)).toEqual(expected);
      const report = await run(lenient, 1);
      expect(failures(report), formatSuite(report)).toEqual([]);
      expect(report.verdict).toBe('pass');
    });

    describe('over loopback HTTP with 10% of requests throttled (429)', () => {
      let server: Listening;
      beforeAll(async () => {
        const service = reference.serve({});
        server = await listen(flaky((r) => service.handle(r), 0.1, 11));
      });
      afterAll(() => server.close());

      it('passes, the throttling retried and never reported', async () => {
        const report = await certifySuite({ specs, baseUrl: `${server.origin}/v1.0`, params: reference.params, seed: 1, runs: 5 });
        expect(failures(report), formatSuite(report)).toEqual([]);
        expect(report.verdict).toBe('pass');
        expect(report.stats.retries).toBeGreaterThan(0);
      });
    });

    it('has at least 15 seeded defects, each with its own name', () => {
      expect(reference.defects.length).toBeGreaterThanOrEqual(15);
      expect(new Set(reference.defects.map((d) => d.name)).size).toBe(reference.defects.length);
    });

    it.each(reference.defects.map((d) => [d.name, d] as const))('defect %s is caught at seed 1, naming the docs line', async (_n, defect) => {
      const { report, caught } = await certifyEntityDefect(reference, defect, specs, 1);
      expect(caught, formatSuite(report)).toBeDefined();
      expect(report.verdict).toBe('fail');
      expect(lineAt(caught!.source!), caught!.source).toEqual(
        typeof defect.lineHolds === 'string' ? expect.stringContaining(defect.lineHolds) : expect.stringMatching(defect.lineHolds),
      );
    });

    // The TEM pages only describe `url` ("URL of the TEM partner's administrative control panel") and their
    // own example sends "Url value": a server taking any string is warned about it, in requests and in the
    // answers that hold such a partner, and never failed.
    it('warns only where the docs advise', async () => {
      const report = await run({}, 2);
      expect(warnings(report).length > 0).toBe(advises);
      for (const w of warnings(report)) expect(`${w.at}: ${w.message}`).toMatch(/\/advisory: |success-status: tolerated: .*\burl\b.* is not a valid uri/);
    });
  },
);

describe.skipIf(!hasApiReference)('what the Planner pages ask of a run', () => {
  const specs = plannerSpecs();
  const byName = (name: string) => specs.find((s) => s.operation === name)!;

  it('the create names the plan by a value given as planId, cited to its sentence', () => {
    const create = byName('planner-post-tasks');
    expect(create.requestBody.references).toEqual([
      expect.objectContaining({ property: 'planId', resource: 'plannerPlan', sentence: expect.stringMatching(/^The plannerTask planId property must be set/) }),
    ]);
    expect(lineAt(`${create.requestBody.references![0]!.source.file}:${create.requestBody.references![0]!.source.line}`)).toContain(
      'planId property must be set',
    );
  });

  it('the list carries the planId filter its page requires', () => {
    expect(byName('planner-list-tasks').http.query).toEqual([
      expect.objectContaining({ name: '$filter', template: "planId eq '{planId}'", params: ['planId'] }),
    ]);
  });

  it('a dry run names planId as the value the create and the list need', async () => {
    const plans = await Promise.all(['planner-post-tasks', 'planner-list-tasks'].map((n) => planRun(byName(n), { params: {}, runs: 10, seed: 1 })));
    for (const plan of plans) expect(plan.needs).toContain('planId');
    const given = await planRun(byName('planner-list-tasks'), { params: { planId: 'p1' }, runs: 10, seed: 1 });
    expect(given.needs).toEqual([]);
    // The plan shows the request as the run sends it: with the filter, filled (a placeholder when not given).
    const first = (plan: typeof given) => plan.cases.find((c) => c.id === 'success-status')!.request;
    expect(first(given)).toBe("GET /planner/tasks?$filter=planId eq 'p1'");
    expect(first(plans[1]!)).toBe("GET /planner/tasks?$filter=planId eq '{planId}'");
  });

  it('without planId the create and the list are not run, saying why', async () => {
    const service = PLANNER_REFERENCE.serve({});
    const report = await certifySuite({ specs, handler: (r) => service.handle(r), params: {}, seed: 1, runs: 5 });
    const status = Object.fromEntries(report.operations.map((o) => [o.operation, [o.status, o.reason ?? '']]));
    expect(status['planner-post-tasks']![0]).toBe('not-run');
    expect(status['planner-list-tasks']![0]).toBe('not-run');
    // Each names the sentence and line that ask for the value.
    expect(status['planner-list-tasks']![1]).toMatch(
      /needs params planId, as "This method requires planId filter to be specified\." \(\S+planner-list-tasks\.md:\d+\)/,
    );
    expect(status['planner-post-tasks']![1]).toMatch(
      /planId names another resource \("The plannerTask planId property must be set to an existing plannerPlan object's id\." \(\S+planner-post-tasks\.md:\d+\)\)/,
    );
  });
});

describe.skipIf(!hasApiReference)('a refusal where the docs state no limit', () => {
  const specs = plannerSpecs();
  const certify = async (steps: Parameters<Reference['serve']>[0]) => {
    const service = PLANNER_REFERENCE.serve(steps);
    return certifySuite({ specs, handler: (r) => service.handle(r), params: PLANNER_REFERENCE.params, seed: 1, runs: 50 });
  };
  // A percentage capped at 100 and a title capped at 255 characters: limits the pages do not state.
  const capped = (body: Record<string, unknown>) =>
    typeof body.percentComplete === 'number' && (body.percentComplete < 0 || body.percentComplete > 100)
      ? 'percentComplete is a percentage'
      : typeof body.title === 'string' && body.title.length > 255
        ? 'title is too long'
        : undefined;

  it('is a warning naming what the docs leave open, never a failure', async () => {
    const report = await certify({ updateProblem: (body, store) => capped(body) ?? referencePlannerSteps.updateProblem(body, store) });
    expect(failures(report), formatSuite(report)).toEqual([]);
    const silent = warnings(report).filter((w) => / the docs do not say /.test(w.message));
    expect(silent.map((w) => w.at)).toContain('plannertask-update success-status');
    for (const w of silent) expect(w.message).toMatch(/the docs do not say (the range of percentComplete|how long title may be)/);
    // A strict run fails it.
    const service = PLANNER_REFERENCE.serve({ updateProblem: (body, store) => capped(body) ?? referencePlannerSteps.updateProblem(body, store) });
    const strict = await certifySuite({ specs, handler: (r) => service.handle(r), params: PLANNER_REFERENCE.params, seed: 1, runs: 50, strict: true });
    expect(strict.verdict).toBe('fail');
  });

  it('while refusing a value the docs state valid still fails', async () => {
    // Every date-time in UTC ("…Z") refused: the pages type dueDateTime as DateTimeOffset, which allows it.
    const report = await certify({
      updateProblem: (body, store) =>
        typeof body.dueDateTime === 'string' && body.dueDateTime.endsWith('Z')
          ? 'dueDateTime must carry an offset'
          : referencePlannerSteps.updateProblem(body, store),
    });
    expect(failures(report)).toContain('plannertask-update success-status');
  });
});
