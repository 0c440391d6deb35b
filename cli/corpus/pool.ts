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
  /**
   * Keep the workers warm when the run ends, for the next run in this process (see `spawnWorker`): a fresh
   * worker loads the readers and warms them up on its first pages, which costs more than a few small pages.
   * The worker module must key whatever it keeps between jobs by everything a job depends on.
   */
  reuse?: boolean;
}

/** A worker's heap limits in MB: its old generation, and optionally its young one (V8's default otherwise). */
export interface HeapLimits {
  oldMb: number;
  youngMb?: number;
}

/** Workers known to be up: a worker started early may come online before the pool listens to it. */
const up = new WeakSet<Worker>();

/**
 * Workers whose run ended, kept for the next run with the same module and heap limits. They do not keep the
 * process alive, and end after a few idle seconds so that a long-lived process gives their memory back.
 */
const idle = new Map<string, Worker[]>();
const IDLE_MS = 5_000;
/** At most this many idle workers per kind: more than a run on two cores uses gain nothing. */
const IDLE_MAX = 2;
const kinds = new WeakMap<Worker, string>();
const idleEnds = new WeakMap<Worker, () => void>();

const kindOf = (workerFile: URL, heap?: HeapLimits) => `${workerFile.href}\0${heap?.oldMb ?? ''}\0${heap?.youngMb ?? ''}`;

/**
 * Starts a pool worker ahead of `runPool` (see `PoolOptions.started`), or with `reuse` takes a warm one an
 * earlier run of this process left idle.
 */
export function spawnWorker(workerFile: URL, heap?: HeapLimits, reuse = false): Worker {
  const kind = kindOf(workerFile, heap);
  const warm = reuse ? idle.get(kind)?.pop() : undefined;
  if (warm) {
    idleEnds.get(warm)?.();
    warm.ref();
    return warm;
  }
  // A worker module in TypeScript (the tests run from source) needs the same loader as its parent.
  const execArgv = workerFile.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const resourceLimits = heap && { maxOldGenerationSizeMb: heap.oldMb, ...(heap.youngMb ? { maxYoungGenerationSizeMb: heap.youngMb } : {}) };
  const worker = new Worker(workerFile, { execArgv, ...(resourceLimits ? { resourceLimits } : {}) });
  kinds.set(worker, kind);
  worker.once('online', () => up.add(worker));
  return worker;
}

/** Ends a worker that has no job in flight, or with `reuse` keeps it idle for the next run. */
export function releaseWorker(worker: Worker, reuse = false): void {
  const kind = kinds.get(worker);
  const list = kind === undefined ? undefined : (idle.get(kind) ?? []);
  // Only a worker that is up can be trusted to be idle: one still starting may yet fail to load.
  if (!reuse || !list || !up.has(worker) || list.length >= IDLE_MAX) {
    void worker.terminate();
    return;
  }
  worker.unref();
  list.push(worker);
  idle.set(kind!, list);
  const leave = () => {
    clearTimeout(timer);
    worker.off('exit', leave);
    worker.off('error', leave);
    idleEnds.delete(worker);
    const at = list.indexOf(worker);
    if (at >= 0) list.splice(at, 1);
  };
  const timer = setTimeout(() => {
    leave();
    void worker.terminate();
  }, IDLE_MS).unref();
  // An idle worker that dies is dropped; its error has no run to go to.
  worker.on('exit', leave);
  worker.on('error', leave);
  idleEnds.set(worker, leave);
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
      for (const w of started) releaseWorker(w, options.reuse);
      return resolvePool();
    }
    const live = new Set<Worker>();
    const detach = new Map<Worker, () => void>();
    const finishIfDone = () => {
      if (remaining > 0) return;
      // Every job is answered, so no worker has one in flight.
      for (const w of live) {
        detach.get(w)?.();
        releaseWorker(w, options.reuse);
      }
      live.clear();
      resolvePool();
    };

    const start = () => {
      const worker = started.shift() ?? spawnWorker(options.workerFile, options.heap, options.reuse);
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

      const onMessage = (result: R) => {
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
      };
      const onOnline = () => {
        online = true;
        arm();
      };
      // An error can overtake the answers the worker sent just before it: blaming the first page in flight
      // then would blame a page that was done. Node delivers every pending answer before 'exit', so the page
      // is only lost there, with the error as the reason.
      let failure: string | undefined;
      const onError = (e: Error) => {
        failure ??= `its worker failed: ${e.message.split('\n')[0]}`;
      };
      const onExit = (code: number) => {
        if (!gone && (inflight.length > 0 || queue.length > 0)) lose(failure ?? `its worker exited with code ${code}`);
      };
      worker.on('message', onMessage);
      worker.once('online', onOnline);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // A worker kept warm for the next run must not carry this run's listeners into it.
      detach.set(worker, () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('online', onOnline);
        worker.off('error', onError);
        worker.off('exit', onExit);
      });
      feed();
    };

    for (let i = 0; i < Math.min(options.size, jobs.length); i++) start();
    // Early workers the jobs do not need.
    for (const w of started.splice(0)) releaseWorker(w, options.reuse);
  });
}
