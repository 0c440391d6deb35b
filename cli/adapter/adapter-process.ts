/**
 * Runs a client adapter module in a child process (adapter-child.ts) and supervises it, so that whatever the
 * adapter does, the run ends with a verdict: an adapter that exits, crashes or leaves an unhandled error is
 * a failed call saying so, and the process is started anew for the next call; one that hangs past the
 * per-call timeout is stopped, and every later call fails at once instead of waiting a timeout each.
 *
 * The verdict comes from what this process observes, never from what the adapter's process reports: its
 * requests are judged as they reach the recorder (recorder.ts), and its memory is read from outside. The
 * process runs under Node's permission model (no child processes, workers, addons, inspector or file writes
 * outside a scratch folder that is removed afterwards) and a heap limit, in a process group of its own that
 * is ended whole; its stdout and stderr are captured and handed to `onOutput`, never written to ours.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientHost, Observation } from '../../harness/checks/client/client-check.js';
import type { Intent, Scenario } from '../../harness/model/intent.js';
import type { CallEnd, ChildMessage, ParentMessage } from './adapter-child.js';
import { Recorder } from './recorder.js';

export interface AdapterProcessOptions {
  /** Absolute path of the adapter module. */
  module: string;
  baseUrl: string;
  success: { status: number; body: boolean };
  /** A call that has not settled by then ends the adapter (default 10 s). */
  timeoutMs: number;
  /**
   * Loading the adapter (an SDK, perhaps through a TypeScript loader) that has not finished by then counts as
   * hung. Apart from the call timeout and generous, since a busy machine loads slowly: only a real hang may
   * reach it, never load.
   */
  loadTimeoutMs: number;
  /** Node options for the child (`--import tsx` for adapters in TypeScript); default: this process's. */
  execArgv?: string[];
  /** Memory the adapter's process may use at its peak, in MiB: its heap limit, and its resident size read from outside (default 1024). */
  memoryLimitMb?: number;
  /** Each line the adapter's process writes to its stdout or stderr (default: dropped). */
  onOutput?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export const DEFAULT_MEMORY_LIMIT_MB = 1024;

/** Options that start a module loader: its hooks run on a thread of their own, which the permission model must allow. */
const LOADER = /^--(import|loader|experimental-loader)(=|$)/;

/**
 * The permission model's options for the adapter's process: it reads anything (its modules, its SDK's data)
 * and writes only in `scratch`; no child process, worker, addon, WASI or inspector. A module loader (tsx)
 * needs its hooks thread, and tsx's compiler runs as a process of its own: with a loader Node allows both,
 * and guards.ts refuses them to the adapter (it runs on the main thread, where the loader's thread is not).
 */
export function sandboxArgs(execArgv: string[], scratch: string, memoryLimitMb: number): string[] {
  const loader = execArgv.some((a) => LOADER.test(a));
  return [
    ...execArgv,
    '--experimental-permission',
    '--allow-fs-read=*',
    `--allow-fs-write=${scratch}`,
    ...(loader ? ['--allow-worker', '--allow-child-process', '--disable-warning=SecurityWarning'] : []),
    '--disable-warning=ExperimentalWarning',
    `--max-old-space-size=${memoryLimitMb}`,
  ];
}

/** The adapter could not be loaded: its module is missing, throws on import or exports no function. */
export class AdapterLoadError extends Error {}

/** After this many crashes the adapter is not started again: the remaining calls fail at once. */
const MAX_RESTARTS = 3;

export class AdapterProcess implements ClientHost {
  private child: ChildProcess | undefined;
  private readonly recorder: Recorder;
  /** The adapter's only writable folder (and its TMPDIR), made on first start and removed by `kill`. */
  private scratch: string | undefined;
  private readonly memoryLimitMb: number;
  /** Set once the adapter's process went beyond its memory limit: told once, with the call it happened in. */
  private overMemory = false;
  private ready: Promise<void> | undefined;
  private pending: { id: number; resolve: (o: Observation) => void } | undefined;
  private crashes = 0;
  /** Why no more calls are made (a hang, or too many crashes). */
  private stopped: string | undefined;
  private nextId = 0;
  /** After `finish`: collects what the adapter reports doing after its last call. */
  private late: string[] | undefined;

  constructor(private readonly options: AdapterProcessOptions) {
    this.recorder = new Recorder({ baseUrl: options.baseUrl, success: options.success });
    this.memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
  }

  /** Starts the child and loads the adapter; rejects with `AdapterLoadError` when the module cannot be used. */
  start(): Promise<void> {
    this.ready ??= this.recorder.origin ? this.spawn() : this.recorder.listen().then(() => this.spawn());
    return this.ready;
  }

  private spawn(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const childFile = new URL(`./adapter-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
      this.scratch ??= mkdtempSync(join(tmpdir(), 'docspec-adapter-'));
      const child = fork(childFile, [], {
        execArgv: sandboxArgs(this.options.execArgv ?? process.execArgv, this.scratch, this.memoryLimitMb),
        // Captured: what the adapter prints is its output, shown as such, never mixed into docspec's.
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'advanced',
        // A process group of its own, ended whole by `kill`.
        detached: true,
        env: { ...process.env, TMPDIR: this.scratch },
      });
      this.child = child;
      for (const stream of ['stdout', 'stderr'] as const) captureLines(child[stream], (line) => this.options.onOutput?.(line, stream));
      // A send to a child that just died fails with EPIPE; its exit, handled below, says what happened.
      child.on('error', () => {});
      let loaded = false;
      // A module whose top-level code never finishes is as hung as a call that never settles.
      const loading = setTimeout(() => {
        reject(new AdapterLoadError(`did not finish loading within ${this.options.loadTimeoutMs / 1000} s`));
        killGroup(child);
      }, this.options.loadTimeoutMs);
      child.on('message', (m: ChildMessage) => {
        if (m.type === 'ready') {
          loaded = true;
          clearTimeout(loading);
          resolve();
        } else if (m.type === 'load-error') {
          clearTimeout(loading);
          reject(new AdapterLoadError(m.message));
          killGroup(child);
        } else if (m.type === 'done' && this.pending?.id === m.id && isCallEnd(m.ended)) {
          const { resolve: settle } = this.pending;
          this.pending = undefined;
          settle(this.observed(m.ended));
        } else if (m.type === 'late' && Array.isArray(m.incidents)) {
          this.late?.push(...m.incidents.map(String));
        }
      });
      child.on('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        this.ready = undefined;
        const how = signal ? `was killed by ${signal}` : `ended its process (exit code ${code})`;
        clearTimeout(loading);
        if (!loaded) reject(new AdapterLoadError(`${how} while loading`));
        if (this.pending) {
          const { resolve: settle } = this.pending;
          this.pending = undefined;
          this.crashes++;
          if (this.crashes >= MAX_RESTARTS) this.stopped = `the adapter crashed ${this.crashes} times (last: it ${how}); no further calls`;
          settle(this.observed({ outcome: 'crashed', error: `the adapter ${how} during the call` }));
        }
      });
      child.send({ type: 'init', module: this.options.module, baseUrl: this.options.baseUrl, recorder: this.recorder.origin } satisfies ParentMessage);
    });
  }

  /**
   * A call as observed from here: its requests as they reached the recorder, how it ended as the adapter's
   * process tells it (what the call returned is the adapter's to say), and memory beyond the limit.
   */
  private observed(ended: Pick<CallEnd, 'outcome' | 'error'> & Partial<CallEnd>): Observation {
    const { exchanges, unhandled } = this.recorder.end();
    const incidents = [...(ended.incidents ?? [])];
    const memory = this.memoryIncident();
    if (memory) incidents.push(memory);
    return { exchanges, unhandled, outcome: ended.outcome, error: ended.error, incidents, ...('returned' in ended ? { returned: ended.returned } : {}) };
  }

  /** The adapter's process beyond its memory limit at its peak (Linux: read from /proc), told once. */
  private memoryIncident(): string | undefined {
    const pid = this.child?.pid;
    if (this.overMemory || pid === undefined) return undefined;
    let peakKb: number;
    try {
      peakKb = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return undefined;
    }
    if (peakKb <= this.memoryLimitMb * 1024) return undefined;
    this.overMemory = true;
    return `use of ${Math.round(peakKb / 1024)} MiB of memory at its peak (beyond its limit of ${this.memoryLimitMb} MiB)`;
  }

  /** Calls the adapter once; never rejects. */
  async call(intent: Intent, scenario: Scenario, token: string): Promise<Observation> {
    if (this.stopped) return crashed(this.stopped);
    try {
      await this.start();
    } catch (e) {
      return crashed(`the adapter could not be started again: ${(e as Error).message}`);
    }
    const child = this.child!;
    if (!child.connected) return crashed('the adapter process ended before the call');
    const id = this.nextId++;
    return new Promise<Observation>((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.pending = undefined;
        this.stopped = `the adapter hung on an earlier call (no answer within ${this.options.timeoutMs / 1000} s); no further calls`;
        killGroup(child);
        resolve(this.observed({ outcome: 'timeout', error: `the call did not settle within ${this.options.timeoutMs / 1000} s` }));
      }, this.options.timeoutMs);
      this.recorder.begin({ intent, scenario });
      this.pending = {
        id,
        resolve: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      };
      child.send({ type: 'call', id, intent, scenario, token } satisfies ParentMessage);
    });
  }

  /**
   * What the adapter did after its last call (late requests, late rejections). The child runs on until the
   * adapter has nothing pending and its process ends by itself; one still busy after the call timeout is
   * ended there. Nothing here waits a fixed time for stragglers, so a slow machine sees the same.
   */
  async finish(): Promise<string[]> {
    const child = this.child;
    if (!child?.connected) return [];
    const late: string[] = [];
    this.late = late;
    // Requests that reach the recorder from now on are late too; so is memory beyond the limit since the last call.
    this.recorder.finishing((what) => late.push(what));
    // The channel closes after the last message the child sent has been read: nothing reported is lost.
    const closed = new Promise<void>((resolve) => child.once('disconnect', resolve));
    child.send({ type: 'finish' } satisfies ParentMessage);
    let grace: NodeJS.Timeout | undefined;
    const overtime = new Promise<void>((resolve) => {
      grace = setTimeout(resolve, this.options.timeoutMs);
    });
    await Promise.race([closed, overtime]);
    clearTimeout(grace);
    const memory = this.memoryIncident();
    if (memory) late.push(memory);
    await this.kill();
    this.late = undefined;
    return late;
  }

  /** Ends the child's process group and the recorder, removes the scratch folder, and waits until all are gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      killGroup(child);
      await gone;
    }
    await this.recorder.close();
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
    this.scratch = undefined;
  }
}

/**
 * A `done` message as the adapter's process sends it. The adapter shares that process and may send its own:
 * one of another shape is ignored, and one of this shape can end a call early but never add a request to it.
 */
function isCallEnd(value: unknown): value is CallEnd {
  const ended = value as Partial<CallEnd> | null;
  return (
    typeof ended === 'object' &&
    ended !== null &&
    ['resolved', 'rejected'].includes(ended.outcome as string) &&
    (ended.incidents === undefined || (Array.isArray(ended.incidents) && ended.incidents.every((i) => typeof i === 'string')))
  );
}

/** Ends the child and anything in its process group (it leads one: `detached`). */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone, or not a group leader after all: the child alone.
    child.kill('SIGKILL');
  }
}

/** Hands over each line of a stream as it completes (the last one at its end). */
function captureLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (partial) onLine(partial);
    partial = '';
  });
}

function crashed(error: string): Observation {
  return { exchanges: [], unhandled: [], outcome: 'crashed', error };
}
