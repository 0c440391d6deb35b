/**
 * The acceptance runs of the reference servers, longer than the test suite affords: each reference (Update
 * user, groups, and the two drawn ones) at seeds 1–5 with 50 runs per case, in-process, lenient and over loopback with 10%
 * of requests throttled, and each seeded defect at seeds 1–5. Prints one line per run and a summary; exits 1
 * when a conformant server fails or a verdict depends on the seed. Needs the corpus (`../shared`).
 *
 *   node --import tsx scripts/reference-runs.ts [SEEDS]
 */
import type { OperationSpec } from '../generator/ir/ir.js';
import type { SuiteReport } from '../harness/report/suite-report.js';
import { certifySuite } from '../harness/run/certify-suite.js';
import { certifyEntityDefect, type Reference } from '../tests/implementations/servers/entity-defects.js';
import { certifyDefect, GROUP_DEFECTS } from '../tests/implementations/servers/groups-defects.js';
import { createGroupService, DIRECTORY_USER_ID, lenientGroupSteps } from '../tests/implementations/servers/groups.js';
import { flaky, listen } from '../tests/implementations/servers/listen.js';
import { lenientPlannerSteps } from '../tests/implementations/servers/planner.js';
import { PLANNER_REFERENCE } from '../tests/implementations/servers/planner-defects.js';
import { lenientTemSteps } from '../tests/implementations/servers/tem.js';
import { TEM_REFERENCE } from '../tests/implementations/servers/tem-defects.js';
import { bundled, groupSpecs, hasApiReference, plannerSpecs, temSpecs } from '../tests/support/pages.js';
import { DEFECTS } from '../tests/implementations/servers/defects.js';
import { lenientSteps } from '../tests/implementations/servers/lenient.js';
import { createUserService, REFERENCE_USER_ID } from '../tests/implementations/servers/reference.js';
import { certifyServer } from '../harness/run/certify-server.js';
import type { CertifyReport } from '../harness/report/report.js';

interface Subject {
  name: string;
  specs: OperationSpec[];
  params: Record<string, string>;
  handler(variant: 'plain' | 'lenient'): (r: Request) => Promise<Response>;
  defects: { name: string; caught(seed: number): Promise<boolean> }[];
}

const entity = (reference: Reference, specs: OperationSpec[], lenient: Parameters<Reference['serve']>[0]): Subject => ({
  name: reference.name,
  specs,
  params: reference.params,
  handler: (variant) => {
    const service = reference.serve(variant === 'lenient' ? lenient : {});
    return (r) => service.handle(r);
  },
  defects: reference.defects.map((d) => ({ name: d.name, caught: async (seed) => !!(await certifyEntityDefect(reference, d, specs, seed)).caught })),
});

const SUBJECTS: Subject[] = [
  {
    name: 'groups',
    specs: groupSpecs(),
    params: { id: DIRECTORY_USER_ID },
    handler: (variant) => {
      const service = createGroupService(variant === 'lenient' ? lenientGroupSteps : {});
      return (r) => service.handle(r);
    },
    defects: GROUP_DEFECTS.map((d) => ({ name: d.name, caught: async (seed) => !!(await certifyDefect(d, groupSpecs(), seed)).caught })),
  },
  entity(TEM_REFERENCE, temSpecs(), lenientTemSteps),
  entity(PLANNER_REFERENCE, plannerSpecs(), lenientPlannerSteps),
];

/** The Update user reference: one operation, the bundled v1.0 spec, certified alone. */
async function userReference(seeds: number[]): Promise<boolean> {
  const spec = bundled('v1.0');
  const params = { id: REFERENCE_USER_ID };
  const outcomes = new Set<string>();
  const verdictOf = (r: CertifyReport) =>
    r.verdict === 'pass'
      ? 'pass'
      : r.checks
          .filter((c) => c.status === 'fail')
          .map((c) => c.id)
          .join(' ');
  for (const seed of seeds) {
    for (const [variant, steps] of [
      ['plain', {}],
      ['lenient', lenientSteps(spec)],
    ] as const) {
      const service = createUserService(steps);
      const report = await certifyServer({ spec, handler: (r) => service.handle(r), params, seed, runs: 50 });
      outcomes.add(`${variant}: ${verdictOf(report)}`);
      console.log(`user ${variant} seed ${seed}: ${verdictOf(report)} (${report.stats.requests} requests)`);
    }
    const service = createUserService();
    const server = await listen(flaky((r) => service.handle(r), 0.1, seed));
    try {
      const report = await certifyServer({ spec, baseUrl: `${server.origin}/v1.0`, params, seed, runs: 50 });
      outcomes.add(`throttled: ${verdictOf(report)}`);
      console.log(`user 10% 429 seed ${seed}: ${verdictOf(report)} (${report.stats.requests} requests, ${report.stats.retries} retries)`);
    } finally {
      await server.close();
    }
  }
  let first = 0;
  let within = 0;
  for (const d of DEFECTS) {
    const at: number[] = [];
    for (const seed of seeds) {
      const service = createUserService(d.steps);
      const report = await certifyServer({ spec, handler: (r) => service.handle(r), params, seed, checks: [d.caughtBy] });
      if (report.checks.some((c) => c.status === 'fail' && c.id.startsWith(d.caughtBy))) at.push(seed);
    }
    if (at.includes(1)) first++;
    if (at.length) within++;
    if (at.length !== seeds.length) console.log(`user defect ${d.name}: caught at seeds ${at.join(', ') || 'none'}`);
  }
  const failing = [...outcomes].filter((o) => !o.endsWith(': pass'));
  console.log(
    `user: conformant runs ${failing.length ? `FAIL (${failing.join('; ')})` : 'all pass'}; defects caught at seed 1: ${first}/${DEFECTS.length}, within ${seeds.length} seeds: ${within}/${DEFECTS.length}`,
  );
  return failing.length === 0;
}

/** `pass` or the failing and unrun parts, so two seeds' outcomes compare as strings. */
function outcome(report: SuiteReport): string {
  const bad = [
    ...report.operations.filter((o) => o.status !== 'pass').map((o) => `${o.operation}:${o.status}`),
    ...report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}:${c.status}`),
  ];
  return bad.length ? bad.join(' ') : 'pass';
}

async function main() {
  if (!hasApiReference) {
    console.error('reference-runs: the 2021 corpus is not beside the project (../shared/corpus)');
    process.exit(2);
  }
  const seeds = Array.from({ length: Number(process.argv[2] ?? 5) }, (_, i) => i + 1);
  let bad = (await userReference(seeds)) ? 0 : 1;
  for (const s of SUBJECTS) {
    const outcomes = new Set<string>();
    for (const variant of ['plain', 'lenient'] as const)
      for (const seed of seeds) {
        const report = await certifySuite({ specs: s.specs, handler: s.handler(variant), params: s.params, seed, runs: 50 });
        outcomes.add(`${variant}: ${outcome(report)}`);
        console.log(`${s.name} ${variant} seed ${seed}: ${outcome(report)} (${report.stats.requests} requests)`);
      }
    for (const seed of seeds) {
      const server = await listen(flaky(s.handler('plain'), 0.1, seed));
      try {
        const report = await certifySuite({ specs: s.specs, baseUrl: `${server.origin}/v1.0`, params: s.params, seed, runs: 50 });
        outcomes.add(`throttled: ${outcome(report)}`);
        console.log(`${s.name} 10% 429 seed ${seed}: ${outcome(report)} (${report.stats.requests} requests, ${report.stats.retries} retries)`);
      } finally {
        await server.close();
      }
    }
    const failing = [...outcomes].filter((o) => !o.endsWith(': pass'));
    if (failing.length) bad++;
    let first = 0;
    let within = 0;
    for (const d of s.defects) {
      const at: number[] = [];
      for (const seed of seeds) if (await d.caught(seed)) at.push(seed);
      if (at.includes(1)) first++;
      if (at.length) within++;
      if (at.length !== seeds.length) console.log(`${s.name} defect ${d.name}: caught at seeds ${at.join(', ') || 'none'}`);
    }
    console.log(
      `${s.name}: conformant runs ${failing.length ? `FAIL (${failing.join('; ')})` : 'all pass'}; defects caught at seed 1: ${first}/${s.defects.length}, within ${seeds.length} seeds: ${within}/${s.defects.length}`,
    );
  }
  process.exit(bad ? 1 : 0);
}

await main();
