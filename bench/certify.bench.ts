/**
 * Server certification throughput and defect detection, measured in one run:
 * (a) in-process: certification requests/s of a fetch-style handler vs handing it the very same requests in
 *     a bare loop (same handler, same bodies: the difference is the harness's own cost);
 * (b) the same over loopback HTTP against a real node:http server vs a bare fetch loop;
 * (c) client certification of the reference fetch client vs calling the adapter with the very same
 *     intents in a bare loop, msw reading each request and giving the same answers (the difference is
 *     generating, recording and checking);
 * (d) the stateful case's cost per run at 10, 100 and 1,000 runs against one long-lived server, whose
 *     store grows with every run: the cost per run must stay flat;
 * (e) for each seeded defect, the run at which its check failed, median over seeds;
 * (f) with the corpus beside the project: the groups reference certified on its eight 2021 pages in one run
 *     over loopback with 5% of requests answering 429, for three seeds, and for each of its seeded defects
 *     the run at which its case failed, median over seeds.
 * Throughput: eleven pairs of measurements after a warm-up run, in turns which side goes first, each side's
 * median rate and the median of the pairs' ratios.
 */
import { readFileSync } from 'node:fs';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { OperationSpec } from '../generator/ir/ir.js';
import { type ClientAdapter, certifyClient } from '../harness/run/certify-client.js';
import { certifyServer } from '../harness/run/certify-server.js';
import { IN_PROCESS_ORIGIN } from '../harness/transport/in-process.js';
import fetchClient from '../tests/implementations/clients/fetch-client.js';
import { DEFECTS } from '../tests/implementations/servers/defects.js';
import { flaky, listen } from '../tests/implementations/servers/listen.js';
import { createUserService, REFERENCE_USER_ID } from '../tests/implementations/servers/reference.js';
import { certifySuite } from '../harness/run/certify-suite.js';
import { certifyDefect, GROUP_DEFECTS } from '../tests/implementations/servers/groups-defects.js';
import { createGroupService, DIRECTORY_USER_ID } from '../tests/implementations/servers/groups.js';
import { groupSpecs, hasApiReference } from '../tests/support/pages.js';
import { median } from './median.js';

interface Recorded {
  method: string;
  path: string;
  headers: [string, string][];
  body?: string;
}

const RUNS = 100;
/**
 * A client certification makes 8 calls per run (one per case) where a server certification sends about 97
 * requests: more runs give the client figure a sample of the same order (3,200 calls), so one slow garbage
 * collection does not decide it.
 */
const CLIENT_RUNS = 400;
/** Pairs per figure: their ratios spread by ±0.15 on this machine, so the median needs this many to settle. */
const ROUNDS = 11;
const SEED = 1;
const DETECTION_SEEDS = [1, 2, 3, 4, 5, 6, 7];

/** A handler that records each request (path relative to the origin) before the reference answers it. */
function recording(into: Recorded[]) {
  const service = createUserService();
  return async (request: Request) => {
    const url = new URL(request.url);
    into.push({
      method: request.method,
      path: `${url.pathname}${url.search}`,
      headers: [...request.headers],
      body: request.method === 'GET' ? undefined : await request.clone().text(),
    });
    return service.handle(request);
  };
}

/** Sends the recorded requests one after another, as a client with nothing else to do would. */
async function replay(origin: string, requests: Recorded[]): Promise<number> {
  const start = performance.now();
  for (const r of requests) await (await fetch(`${origin}${r.path}`, { method: r.method, headers: r.headers, body: r.body })).arrayBuffer();
  return requests.length / ((performance.now() - start) / 1000);
}

/** One side-by-side measurement: each side's median rate and the median of the paired ratios. */
interface Paired {
  certify: number;
  bare: number;
  ratio: number;
}

/**
 * `rounds` pairs of measurements, a certification run and its bare loop, so a pair shares the machine's
 * state of the moment. Every other pair runs the bare loop first: whichever side goes second pays for the
 * garbage the first left, and a machine that speeds up or slows down during a pair favours one side; in
 * turns, neither is favoured. The figure is the median of the per-pair ratios: on a shared 2-core machine
 * either side's rate moves by a fifth between rounds, and the best of each side taken separately pairs two
 * unrelated lucky rounds.
 */
async function alternate(rounds: number, certify: () => Promise<number>, bare: () => Promise<number>): Promise<Paired> {
  const pairs: [number, number][] = [];
  for (let i = 0; i < rounds; i++) {
    let c: number;
    let b: number;
    if (i % 2 === 0) {
      c = await certify();
      b = await bare();
    } else {
      b = await bare();
      c = await certify();
    }
    if (process.env.BENCH_TRACE) console.error(`round ${i + 1}: certify ${Math.round(c)}/s, bare ${Math.round(b)}/s, ratio ${(c / b).toFixed(2)}`);
    pairs.push([c, b]);
  }
  return { certify: median(pairs.map((p) => p[0])), bare: median(pairs.map((p) => p[1])), ratio: median(pairs.map(([c, b]) => c / b)) };
}

/** One row of the table: the certification rate, its bare loop's, and the ratio (the figure that matters). */
function figures(requests: number, runsPerSecond: number, m: Paired, bareLabel: string): Record<string, number> {
  return {
    requests,
    'runs/s': Math.round(runsPerSecond),
    'certify requests/s': Math.round(m.certify),
    [bareLabel]: Math.round(m.bare),
    'certify / bare': Number(m.ratio.toFixed(2)),
  };
}

export async function inProcess(spec: OperationSpec) {
  const recorded: Recorded[] = [];
  // The recording run doubles as the warm-up.
  await certifyServer({ spec, handler: recording(recorded), params: { id: REFERENCE_USER_ID }, runs: RUNS, seed: SEED });
  const runRates: number[] = [];
  const measured = await alternate(
    ROUNDS,
    async () => {
      const service = createUserService();
      const report = await certifyServer({ spec, handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID }, runs: RUNS, seed: SEED });
      runRates.push(report.checks.reduce((n, c) => n + c.runs, 0) / (report.stats.durationMs / 1000));
      return report.stats.requests / (report.stats.durationMs / 1000);
    },
    async () => {
      // Certification hands a fetch-style handler each Request directly; so does the bare loop.
      const service = createUserService();
      const start = performance.now();
      for (const r of recorded) {
        const request = new Request(`${IN_PROCESS_ORIGIN}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
        await (await service.handle(request)).arrayBuffer();
      }
      return recorded.length / ((performance.now() - start) / 1000);
    },
  );
  return figures(recorded.length, median(runRates), measured, 'bare handler requests/s');
}

export async function overHttp(spec: OperationSpec) {
  const recorded: Recorded[] = [];
  const rec = await listen(recording(recorded));
  await certifyServer({ spec, baseUrl: `${rec.origin}/v1.0`, params: { id: REFERENCE_USER_ID }, runs: RUNS, seed: SEED });
  await rec.close();
  const runRates: number[] = [];
  const measured = await alternate(
    ROUNDS,
    async () => {
      const service = createUserService();
      const server = await listen((r) => service.handle(r));
      const report = await certifyServer({ spec, baseUrl: `${server.origin}/v1.0`, params: { id: REFERENCE_USER_ID }, runs: RUNS, seed: SEED });
      await server.close();
      runRates.push(report.checks.reduce((n, c) => n + c.runs, 0) / (report.stats.durationMs / 1000));
      return report.stats.requests / (report.stats.durationMs / 1000);
    },
    async () => {
      const service = createUserService();
      const server = await listen((r) => service.handle(r));
      const rate = await replay(server.origin, recorded);
      await server.close();
      return rate;
    },
  );
  return figures(recorded.length, median(runRates), measured, 'bare fetch requests/s');
}

async function detection(spec: OperationSpec) {
  const out: Record<string, { median: number; runs: number[] }> = {};
  for (const d of DEFECTS) {
    const runs: number[] = [];
    for (const seed of DETECTION_SEEDS) {
      const service = createUserService(d.steps);
      const report = await certifyServer({ spec, handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID }, seed, checks: [d.caughtBy] });
      const failed = report.checks.find((c) => c.status === 'fail');
      runs.push(failed ? failed.runs : Number.POSITIVE_INFINITY);
    }
    out[d.name] = { median: median(runs), runs };
  }
  return out;
}

type Call = Parameters<ClientAdapter>[0];

/** One adapter call of a certification run: its arguments and what msw answered it with. */
interface RecordedCall {
  args: Call;
  answer?: { status: number; text: string };
}

export async function client(spec: OperationSpec) {
  const recorded: RecordedCall[] = [];
  // Records each call and, by wrapping the fetch msw has patched for the length of the call, its answer.
  const recording: ClientAdapter = async (args) => {
    const call: RecordedCall = { args: structuredClone(args) };
    recorded.push(call);
    const patched = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const res = await patched(input, init);
      call.answer = { status: res.status, text: await res.clone().text() };
      return res;
    };
    try {
      return await fetchClient(args);
    } finally {
      globalThis.fetch = patched;
    }
  };
  await certifyClient({ spec, adapter: recording, runs: CLIENT_RUNS, seed: SEED });
  const measured = await alternate(
    ROUNDS,
    async () => {
      let calls = 0;
      const counting: ClientAdapter = (args) => {
        calls++;
        return fetchClient(args);
      };
      const report = await certifyClient({ spec, adapter: counting, runs: CLIENT_RUNS, seed: SEED });
      return calls / (report.stats.durationMs / 1000);
    },
    async () => {
      // The same adapter, the same calls and the same answers; the handler reads each request's body, as
      // anything that checks a client must.
      let next = 0;
      const server = setupServer(
        http.all('*', async ({ request }) => {
          await request.text();
          const answer = recorded[next++]?.answer ?? { status: 204, text: '' };
          return new Response(answer.text || null, { status: answer.status, headers: answer.text ? { 'content-type': 'application/json' } : {} });
        }),
      );
      server.listen({ onUnhandledRequest: 'bypass' });
      const start = performance.now();
      for (const call of recorded) await fetchClient(call.args).catch(() => undefined);
      const rate = recorded.length / ((performance.now() - start) / 1000);
      server.close();
      return rate;
    },
  );
  return {
    calls: recorded.length,
    'certify calls/s': Math.round(measured.certify),
    'bare adapter + msw calls/s': Math.round(measured.bare),
    'certify / bare': Number(measured.ratio.toFixed(2)),
  };
}

/** Milliseconds per stateful run at growing run counts, one server throughout (its store only grows). */
export async function statefulCost(spec: OperationSpec) {
  // A warm-up on a server of its own, so the first measured count does not pay for compiling the harness.
  const warm = createUserService();
  await certifyServer({ spec, handler: (r) => warm.handle(r), params: { id: REFERENCE_USER_ID }, runs: 100, seed: SEED, checks: ['stateful'] });
  const service = createUserService();
  const out: Record<string, number> = {};
  let first = 0;
  let last = 0;
  for (const runs of [10, 100, 1000]) {
    const report = await certifyServer({ spec, handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID }, runs, seed: SEED, checks: ['stateful'] });
    const stateful = report.checks.find((c) => c.id === 'stateful');
    if (stateful?.status !== 'pass') throw new Error(`the reference server failed the stateful case: ${stateful?.message}`);
    const perRun = (stateful.durationMs ?? report.stats.durationMs) / runs;
    out[`ms per run at ${runs} runs`] = Number(perRun.toFixed(2));
    if (runs === 10) first = perRun;
    last = perRun;
  }
  out['1,000 runs / 10 runs (flat: about 1)'] = Number((last / first).toFixed(2));
  return out;
}

/** (f): the groups reference over loopback with 5% 429s, and the runs that catch each of its defects. */
export async function groups(): Promise<Record<string, unknown>> {
  const specs = groupSpecs();
  const params = { id: DIRECTORY_USER_ID };
  const out: Record<string, unknown> = {};
  for (const seed of [1, 2, 3]) {
    const service = createGroupService();
    const server = await listen(flaky((r) => service.handle(r), 0.05, seed));
    try {
      const report = await certifySuite({ specs, baseUrl: `${server.origin}/v1.0`, params, seed });
      out[`reference, seed ${seed}`] = {
        verdict: report.verdict,
        operations: report.operations.map((o) => `${o.operation} ${o.status}`).join(', '),
        'resource model': report.checks.map((c) => c.status).join(', '),
        requests: report.stats.requests,
        '429 retried (share of requests)': Number((report.stats.retries / report.stats.requests).toFixed(3)),
        seconds: Number((report.stats.durationMs / 1000).toFixed(1)),
      };
    } finally {
      await server.close();
    }
  }
  const detected: Record<string, { median: number; runs: number[] }> = {};
  for (const d of GROUP_DEFECTS) {
    const runs: number[] = [];
    for (const seed of DETECTION_SEEDS) {
      const { caught: failed } = await certifyDefect(d, specs, seed);
      runs.push(failed ? failed.runs : Number.POSITIVE_INFINITY);
    }
    detected[d.name] = { median: median(runs), runs };
  }
  const medians = Object.values(detected).map((d) => d.median);
  out['runs to detect each seeded defect'] = detected;
  out['defects caught in ≤ 20 runs (median)'] = `${medians.filter((m) => m <= 20).length} of ${medians.length}`;
  return out;
}

export async function runCertifyBench(options: { detection?: boolean } = {}): Promise<Record<string, unknown>> {
  const spec = JSON.parse(readFileSync(new URL('../spec/user-update.v1.0.json', import.meta.url), 'utf8')) as OperationSpec;
  // Throughput first, before detection runs fill the heap.
  const inProc = await inProcess(spec);
  const loopback = await overHttp(spec);
  const clientSide = await client(spec);
  const stateful = await statefulCost(spec);
  if (options.detection === false)
    return { 'in-process': inProc, 'loopback HTTP': loopback, 'client (reference fetch client)': clientSide, 'stateful case': stateful };
  const detected = await detection(spec);
  const medians = Object.values(detected).map((d) => d.median);
  return {
    'in-process': inProc,
    'loopback HTTP': loopback,
    'client (reference fetch client)': clientSide,
    'stateful case': stateful,
    'runs to detect each seeded defect': detected,
    'defects caught in ≤ 20 runs (median)': `${medians.filter((m) => m <= 20).length} of ${medians.length}`,
    'groups, eight operations in one run (2021 pages)': hasApiReference ? await groups() : 'skipped: ../shared/corpus is not beside the project',
  };
}
