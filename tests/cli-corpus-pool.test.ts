/**
 * The worker pool under corpus mode: a worker that exits, throws or hangs loses only the page it was on;
 * the pages queued behind it are answered by a replacement, and the run always finishes.
 */
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type HeapLimits, releaseWorker, runPool, spawnWorker } from '../cli/corpus/pool.js';
import { ROOT } from './support/pages.js';

const WORKER = pathToFileURL(join(ROOT, 'tests/fixtures/pool/worker.mjs'));

interface Job {
  id: number;
  kind: 'ok' | 'exit' | 'throw' | 'hang' | 'limits' | 'thread';
}

async function runJobs(jobs: Job[], size: number, timeoutMs = 10_000, heap?: HeapLimits, reuse = false) {
  const results = new Map<number, number>();
  const lost = new Map<number, string>();
  await runPool<Job, { id: number; value: number }>(jobs, {
    size,
    workerFile: WORKER,
    timeoutMs,
    ...(heap ? { heap } : {}),
    reuse,
    onResult: (job, r) => results.set(job.id, r.value),
    onLost: (job, why) => lost.set(job.id, why),
  });
  return { results, lost };
}

describe('runPool', () => {
  it('answers every job, in any order, with its own result', async () => {
    const jobs: Job[] = Array.from({ length: 50 }, (_, id) => ({ id, kind: 'ok' }));
    const { results, lost } = await runJobs(jobs, 2);
    expect(lost.size).toBe(0);
    expect([...results].sort((a, b) => a[0] - b[0])).toEqual(jobs.map((j) => [j.id, j.id * 2]));
  });

  it('loses only the job a worker died, threw or hung on', async () => {
    const kinds: Record<number, Job['kind']> = { 3: 'exit', 11: 'throw', 20: 'hang', 21: 'exit' };
    const jobs: Job[] = Array.from({ length: 30 }, (_, id) => ({ id, kind: kinds[id] ?? 'ok' }));
    const { results, lost } = await runJobs(jobs, 2, 5000);
    expect([...lost.keys()].sort((a, b) => a - b)).toEqual([3, 11, 20, 21]);
    expect(lost.get(3)).toMatch(/exited with code 7/);
    expect(lost.get(11)).toMatch(/boom on purpose/);
    expect(lost.get(20)).toMatch(/took longer than 5 s/);
    expect(results.size).toBe(26);
    for (const [id, value] of results) expect(value).toBe(id * 2);
  });

  it('blames the page a worker died on, not the one it answered just before (the error can overtake it)', async () => {
    // ok, throw, ok, throw, …: each worker answers a page and dies on the next one it already holds.
    const jobs: Job[] = Array.from({ length: 60 }, (_, id) => ({ id, kind: id % 2 === 1 ? 'throw' : 'ok' }));
    const { results, lost } = await runJobs(jobs, 2);
    expect([...lost.keys()].sort((a, b) => a - b)).toEqual(jobs.filter((j) => j.kind === 'throw').map((j) => j.id));
    expect([...results.keys()].sort((a, b) => a - b)).toEqual(jobs.filter((j) => j.kind === 'ok').map((j) => j.id));
  });

  it('gives every worker the heap limits, a replacement too', async () => {
    const { results, lost } = await runJobs(
      [
        { id: 0, kind: 'exit' },
        { id: 1, kind: 'limits' },
      ],
      1,
      10_000,
      { oldMb: 96, youngMb: 12 },
    );
    expect(lost.has(0)).toBe(true);
    expect(results.get(1)).toBe(96_012);
  });

  it('finishes at once with no jobs', async () => {
    const { results, lost } = await runJobs([], 2);
    expect(results.size + lost.size).toBe(0);
  });

  it('uses workers started before the jobs were known, and ends the ones it does not need', async () => {
    const early = [spawnWorker(WORKER), spawnWorker(WORKER)];
    const exited = early.map((w) => once(w, 'exit'));
    // Both are up before the pool listens to them: their page clocks must still start.
    await Promise.all(early.map((w) => once(w, 'online')));
    const jobs: Job[] = [
      { id: 0, kind: 'ok' },
      { id: 1, kind: 'hang' },
      { id: 2, kind: 'ok' },
    ];
    const results = new Map<number, number>();
    const lost = new Map<number, string>();
    await runPool<Job, { id: number; value: number }>(jobs, {
      size: 1,
      workerFile: WORKER,
      timeoutMs: 2000,
      started: early,
      onResult: (job, r) => results.set(job.id, r.value),
      onLost: (job, why) => lost.set(job.id, why),
    });
    expect([...results]).toEqual([
      [0, 0],
      [2, 4],
    ]);
    expect(lost.get(1)).toMatch(/took longer than 2 s/);
    // The unneeded one and the one the hang cost are both gone: nothing started is left running.
    await Promise.all(exited);
  });

  it('with reuse, the next run takes the warm worker the last one left; without, every run starts its own', async () => {
    const thread = [{ id: 0, kind: 'thread' as const }];
    const first = await runJobs(thread, 1, 10_000, undefined, true);
    const second = await runJobs(thread, 1, 10_000, undefined, true);
    expect(second.results.get(0)).toBe(first.results.get(0));
    const fresh = await runJobs(thread, 1);
    expect(fresh.results.get(0)).not.toBe(first.results.get(0));
    // A warm worker is never one that lost a job: the hung one is ended, and the next run gets another.
    const hung = await runJobs([{ id: 0, kind: 'hang' }], 1, 1000, undefined, true);
    expect(hung.lost.get(0)).toMatch(/took longer than 1 s/);
    const after = await runJobs(thread, 1, 10_000, undefined, true);
    expect(after.results.size).toBe(1);
  });

  it('a warm worker is ended after a few idle seconds, and keeps no process alive meanwhile', async () => {
    // Heap limits no earlier run used: no warm worker of this kind is idle, so this one is new.
    const heap = { oldMb: 96 };
    const worker = spawnWorker(WORKER, heap, true);
    await once(worker, 'online');
    const exited = once(worker, 'exit');
    releaseWorker(worker, true);
    // Waited for, not timed: the test ends when the idle limit ends the worker.
    await exited;
    // A new run now starts a new worker.
    const again = spawnWorker(WORKER, heap, true);
    expect(again).not.toBe(worker);
    releaseWorker(again);
  });
});
