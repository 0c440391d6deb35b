/**
 * Server certification throughput and defect detection, measured in one run:
 * (a) in-process: certification requests/s through msw vs replaying the very same requests in a bare
 *     fetch-through-msw loop (same handler, same bodies: the difference is the harness's own cost);
 * (b) the same over loopback HTTP against a real node:http server vs a bare fetch loop;
 * (c) for each seeded defect, the run at which its check failed, median over seeds.
 * Throughput is the best of three alternating measurements of each side, after a warm-up run.
 */
import { readFileSync } from 'node:fs';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { OperationSpec } from '../generator/spec/ir.js';
import { certifyServer } from '../harness/certify/certify-server.js';
import { IN_PROCESS_ORIGIN } from '../harness/msw/in-process.js';
import { DEFECTS } from '../tests/implementations/servers/defects.js';
import { listen } from '../tests/implementations/servers/listen.js';
import { createUserService, REFERENCE_USER_ID } from '../tests/implementations/servers/reference.js';

interface Recorded {
  method: string;
  path: string;
  headers: [string, string][];
  body?: string;
}

const RUNS = 100;
const ROUNDS = 3;
const SEED = 1;
const DETECTION_SEEDS = [1, 2, 3, 4, 5, 6, 7];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

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

/** Best of `rounds` alternating measurements, so both sides see the same warm JIT and the same noise. */
async function alternate(rounds: number, certify: () => Promise<number>, bare: () => Promise<number>): Promise<[number, number]> {
  let best: [number, number] = [0, 0];
  for (let i = 0; i < rounds; i++) {
    const c = await certify();
    const b = await bare();
    best = [Math.max(best[0], c), Math.max(best[1], b)];
  }
  return best;
}

/** One row of the table: the certification rate, its bare loop's, and the ratio (the figure that matters). */
function figures(requests: number, runsPerSecond: number, certify: number, bare: number, bareLabel: string): Record<string, number> {
  return {
    requests,
    'runs/s': Math.round(runsPerSecond),
    'certify requests/s': Math.round(certify),
    [bareLabel]: Math.round(bare),
    'certify / bare': Number((certify / bare).toFixed(2)),
  };
}

async function inProcess(spec: OperationSpec) {
  const recorded: Recorded[] = [];
  // The recording run doubles as the warm-up.
  await certifyServer({ spec, handler: recording(recorded), userId: REFERENCE_USER_ID, runs: RUNS, seed: SEED });
  let runsPerSecond = 0;
  const [certify, bare] = await alternate(
    ROUNDS,
    async () => {
      const service = createUserService();
      const report = await certifyServer({ spec, handler: (r) => service.handle(r), userId: REFERENCE_USER_ID, runs: RUNS, seed: SEED });
      runsPerSecond = Math.max(runsPerSecond, report.checks.reduce((n, c) => n + c.runs, 0) / (report.stats.durationMs / 1000));
      return report.stats.requests / (report.stats.durationMs / 1000);
    },
    async () => {
      const service = createUserService();
      const server = setupServer(http.all(`${IN_PROCESS_ORIGIN}/*`, ({ request }) => service.handle(request)));
      server.listen({ onUnhandledRequest: 'bypass' });
      const rate = await replay(IN_PROCESS_ORIGIN, recorded);
      server.close();
      return rate;
    },
  );
  return figures(recorded.length, runsPerSecond, certify, bare, 'bare msw requests/s');
}

async function overHttp(spec: OperationSpec) {
  const recorded: Recorded[] = [];
  const rec = await listen(recording(recorded));
  await certifyServer({ spec, baseUrl: `${rec.origin}/v1.0`, userId: REFERENCE_USER_ID, runs: RUNS, seed: SEED });
  await rec.close();
  let runsPerSecond = 0;
  const [certify, bare] = await alternate(
    ROUNDS,
    async () => {
      const service = createUserService();
      const server = await listen((r) => service.handle(r));
      const report = await certifyServer({ spec, baseUrl: `${server.origin}/v1.0`, userId: REFERENCE_USER_ID, runs: RUNS, seed: SEED });
      await server.close();
      runsPerSecond = Math.max(runsPerSecond, report.checks.reduce((n, c) => n + c.runs, 0) / (report.stats.durationMs / 1000));
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
  return figures(recorded.length, runsPerSecond, certify, bare, 'bare fetch requests/s');
}

async function detection(spec: OperationSpec) {
  const out: Record<string, { median: number; runs: number[] }> = {};
  for (const d of DEFECTS) {
    const runs: number[] = [];
    for (const seed of DETECTION_SEEDS) {
      const service = createUserService(d.steps);
      const report = await certifyServer({ spec, handler: (r) => service.handle(r), userId: REFERENCE_USER_ID, seed, checks: [d.caughtBy] });
      const failed = report.checks.find((c) => c.status === 'fail');
      runs.push(failed ? failed.runs : Number.POSITIVE_INFINITY);
    }
    out[d.name] = { median: median(runs), runs };
  }
  return out;
}

export async function runCertifyBench(): Promise<Record<string, unknown>> {
  const spec = JSON.parse(readFileSync(new URL('../spec/user-update.v1.0.json', import.meta.url), 'utf8')) as OperationSpec;
  // Throughput first, before detection runs fill the heap.
  const inProc = await inProcess(spec);
  const loopback = await overHttp(spec);
  const detected = await detection(spec);
  const medians = Object.values(detected).map((d) => d.median);
  return {
    'in-process (msw)': inProc,
    'loopback HTTP': loopback,
    'runs to detect each seeded defect': detected,
    'defects caught in ≤ 20 runs (median)': `${medians.filter((m) => m <= 20).length} of ${medians.length}`,
  };
}
