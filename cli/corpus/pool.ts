/**
 * A small worker-thread pool for page jobs that survives its workers: a worker that dies (out of memory, a
 * crash in native code) or stalls on a page past the time limit is replaced, the page it was on is reported
 * through `onLost`, and the pages queued behind it go to the next worker. No page can end the run.
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions<J extends { id: number }, R extends { id: number }> {
  size: number;
  /** The worker module: receives jobs as messages, answers each with one result message carrying its id. */
  workerFile: URL;
  onResult: (job: J, result: R) => void;
  /** A job whose worker died or timed out under it. */
  onLost: (job: J, why: string) => void;
  /** How long one job may take before its worker is stopped (default: `PAGE_TIME_BUDGET_MS`). */
  timeoutMs?: number;
  /** Jobs sent ahead to each worker, so it never waits for the main thread between pages. */
  prefetch?: number;
  /** Heap limits of each worker: a worker that would pass them dies (its page is lost) instead of growing. */
  heap?: HeapLimits;
  /**
   * Workers the caller started with `spawnWorker` (same file and heap limit) before it knew the jobs, so that
   * their start overlaps its own work. They are used first; any the jobs do not need are ended.
   */
  started?: Worker[];
}

/** A worker's heap limits in MB: its old generation, and optionally its young one (V8's default otherwise). */
export interface HeapLimits {
  oldMb: number;
  youngMb?: number;
}

/** Workers known to be up: a worker started early may come online before the pool listens to it. */
const up = new WeakSet<Worker>();

/** Starts a pool worker ahead of `runPool` (see `PoolOptions.started`). */
export function spawnWorker(workerFile: URL, heap?: HeapLimits): Worker {
  // A worker module in TypeScript (the tests run from source) needs the same loader as its parent.
  const execArgv = workerFile.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const resourceLimits = heap && { maxOldGenerationSizeMb: heap.oldMb, ...(heap.youngMb ? { maxYoungGenerationSizeMb: heap.youngMb } : {}) };
  const worker = new Worker(workerFile, { execArgv, ...(resourceLimits ? { resourceLimits } : {}) });
  worker.once('online', () => up.add(worker));
  return worker;
}

/**
 * The time budget of one page, in every mode. A real page takes well under a second (the largest, 118 kB, about
 * one); a page that takes thirty is one the budget scan could not foresee, and stopping it beats a hang.
 */
export const PAGE_TIME_BUDGET_MS = 30_000;

export function runPool<J extends { id: number }, R extends { id: number }>(jobs: J[], options: PoolOptions<J, R>): Promise<void> {
  const queue = [...jobs];
  const timeoutMs = options.timeoutMs ?? PAGE_TIME_BUDGET_MS;
  const prefetch = options.prefetch ?? 2;
  let remaining = jobs.length;
  const started = [...(options.started ?? [])];

  return new Promise<void>((resolvePool, rejectPool) => {
    if (remaining === 0) {
      for (const w of started) void w.terminate();
      return resolvePool();
    }
    const live = new Set<Worker>();
    const finishIfDone = () => {
      if (remaining > 0) return;
      for (const w of live) void w.terminate();
      live.clear();
      resolvePool();
    };

    const start = () => {
      const worker = started.shift() ?? spawnWorker(options.workerFile, options.heap);
      const inflight: J[] = [];
      let timer: NodeJS.Timeout | undefined;
      let gone = false;
      // A page's clock starts once its worker is up: booting a worker on a loaded machine is not a stall.
      let online = up.has(worker);
      live.add(worker);

      const arm = () => {
        clearTimeout(timer);
        if (online && inflight.length > 0) timer = setTimeout(() => lose(`took longer than ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
      };
      const feed = () => {
        while (inflight.length < prefetch && queue.length > 0) {
          const job = queue.shift()!;
          inflight.push(job);
          worker.postMessage(job);
        }
        arm();
      };
      // The worker handles its jobs in order, so the first in flight is the one it was on.
      const lose = (why: string) => {
        if (gone) return;
        gone = true;
        clearTimeout(timer);
        live.delete(worker);
        void worker.terminate();
        const [culprit, ...requeue] = inflight;
        queue.unshift(...requeue);
        if (culprit) {
          remaining--;
          try {
            options.onLost(culprit, why);
          } catch (e) {
            rejectPool(e);
            return;
          }
        }
        if (queue.length > 0) start();
        finishIfDone();
      };

      worker.on('message', (result: R) => {
        const job = inflight.shift();
        if (!job || job.id !== result.id) {
          lose(`answered out of order (job ${result.id})`);
          return;
        }
        remaining--;
        try {
          options.onResult(job, result);
        } catch (e) {
          gone = true;
          for (const w of live) void w.terminate();
          rejectPool(e);
          return;
        }
        feed();
        if (queue.length === 0 && inflight.length === 0) finishIfDone();
      });
      worker.once('online', () => {
        online = true;
        arm();
      });
      // An error can overtake the answers the worker sent just before it: blaming the first page in flight
      // then would blame a page that was done. Node delivers every pending answer before 'exit', so the page
      // is only lost there, with the error as the reason.
      let failure: string | undefined;
      worker.on('error', (e) => {
        failure ??= `its worker failed: ${e.message.split('\n')[0]}`;
      });
      worker.on('exit', (code) => {
        if (!gone && (inflight.length > 0 || queue.length > 0)) lose(failure ?? `its worker exited with code ${code}`);
      });
      feed();
    };

    for (let i = 0; i < Math.min(options.size, jobs.length); i++) start();
    // Early workers the jobs do not need.
    for (const w of started.splice(0)) void w.terminate();
  });
}
