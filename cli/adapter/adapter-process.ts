/**
 * Runs a client adapter module in a child process (adapter-child.ts) and supervises it, so that whatever the
 * adapter does, the run ends with a verdict: an adapter that exits, crashes or leaves an unhandled error is
 * a failed call saying so, and the process is started anew for the next call; one that hangs past the
 * per-call timeout is stopped, and every later call fails at once instead of waiting a timeout each.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { ClientHost, Observation } from '../../harness/checks/client/client-check.js';
import type { Intent, Scenario } from '../../harness/model/intent.js';
import type { ChildMessage, ParentMessage } from './adapter-child.js';

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
}

/** The adapter could not be loaded: its module is missing, throws on import or exports no function. */
export class AdapterLoadError extends Error {}

/** After this many crashes the adapter is not started again: the remaining calls fail at once. */
const MAX_RESTARTS = 3;

export class AdapterProcess implements ClientHost {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private pending: { id: number; resolve: (o: Observation) => void } | undefined;
  private crashes = 0;
  /** Why no more calls are made (a hang, or too many crashes). */
  private stopped: string | undefined;
  private nextId = 0;
  /** After `finish`: collects what the adapter reports doing after its last call. */
  private late: string[] | undefined;

  constructor(private readonly options: AdapterProcessOptions) {}

  /** Starts the child and loads the adapter; rejects with `AdapterLoadError` when the module cannot be used. */
  start(): Promise<void> {
    this.ready ??= new Promise<void>((resolve, reject) => {
      const childFile = new URL(`./adapter-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
      // The child's stdout goes to our stderr: what an adapter prints must not mix with the report.
      const child = fork(childFile, [], { execArgv: this.options.execArgv ?? process.execArgv, stdio: ['ignore', 2, 2, 'ipc'], serialization: 'advanced' });
      this.child = child;
      // A send to a child that just died fails with EPIPE; its exit, handled below, says what happened.
      child.on('error', () => {});
      let loaded = false;
      // A module whose top-level code never finishes is as hung as a call that never settles.
      const loading = setTimeout(() => {
        reject(new AdapterLoadError(`did not finish loading within ${this.options.loadTimeoutMs / 1000} s`));
        child.kill('SIGKILL');
      }, this.options.loadTimeoutMs);
      child.on('message', (m: ChildMessage) => {
        if (m.type === 'ready') {
          loaded = true;
          clearTimeout(loading);
          resolve();
        } else if (m.type === 'load-error') {
          clearTimeout(loading);
          reject(new AdapterLoadError(m.message));
          child.kill('SIGKILL');
        } else if (m.type === 'done' && this.pending?.id === m.id) {
          const { resolve: settle } = this.pending;
          this.pending = undefined;
          settle(m.observation);
        } else if (m.type === 'late') {
          this.late?.push(...m.incidents);
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
          settle(crashed(`the adapter ${how} during the call`));
        }
      });
      child.send({ type: 'init', module: this.options.module, baseUrl: this.options.baseUrl, success: this.options.success } satisfies ParentMessage);
    });
    return this.ready;
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
        child.kill('SIGKILL');
        resolve({ exchanges: [], unhandled: [], outcome: 'timeout', error: `the call did not settle within ${this.options.timeoutMs / 1000} s` });
      }, this.options.timeoutMs);
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
    // The channel closes after the last message the child sent has been read: nothing reported is lost.
    const closed = new Promise<void>((resolve) => child.once('disconnect', resolve));
    child.send({ type: 'finish' } satisfies ParentMessage);
    let grace: NodeJS.Timeout | undefined;
    const overtime = new Promise<void>((resolve) => {
      grace = setTimeout(resolve, this.options.timeoutMs);
    });
    await Promise.race([closed, overtime]);
    clearTimeout(grace);
    await this.kill();
    this.late = undefined;
    return late;
  }

  /** Ends the child and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }
}

function crashed(error: string): Observation {
  return { exchanges: [], unhandled: [], outcome: 'crashed', error };
}
