/**
 * How a request that runs longer than the timeout ends. Giving undici's fetch an AbortSignal costs about 8%
 * of a loopback request (it registers a listener and a finalizer for every request), so a request goes
 * without one where it can:
 * - the watchdog stops waiting for it: one interval, running only while requests are in flight, looks at
 *   them a few times a second, whatever answers them (a socket, or msw in this process); client
 *   certification uses the same watchdog for its adapter calls;
 * - on a socket, an undici `Agent` with header and body timeouts closes the connection of a request that
 *   hangs, so nothing is left open behind it. The Agent is used where it is the same major version as the
 *   undici inside this Node's fetch; elsewhere each request gets a signal the watchdog aborts.
 */
import { type LookupAddress, type LookupOptions, lookup } from 'node:dns';
import { createRequire } from 'node:module';
import type { Agent } from 'undici';

/** A request (or a client adapter call) in flight: when it began, how to stop waiting for it, and whether it ran out of time. */
export interface Flight {
  sentAt: number;
  timedOut: boolean;
  /** Ends the wait for the request (see `Watchdog.race`). */
  expire: () => void;
  /** The signal of the request, when it needs one (see `agentFor`). */
  controller?: AbortController;
}

/** What `Watchdog.race` gives for work that ran out of time. */
export const EXPIRED: unique symbol = Symbol('expired');

/** Requests that share one AbortController (fetch leaves a listener on its signal until it is collected). */
const SHARED_BY = 32;

export class Watchdog {
  private controller: AbortController | undefined;
  private uses = 0;
  private readonly flights = new Set<Flight>();
  private timer: NodeJS.Timeout | undefined;
  private idleSince = 0;

  constructor(private readonly timeoutMs: number) {}

  /** Starts watching a request; `withSignal` gives it an AbortController, shared by SHARED_BY in a row. */
  start(withSignal: boolean): Flight {
    const flight: Flight = { sentAt: performance.now(), timedOut: false, expire: () => undefined };
    if (withSignal) {
      if (!this.controller || this.controller.signal.aborted || ++this.uses > SHARED_BY) {
        this.controller = new AbortController();
        this.uses = 1;
      }
      flight.controller = this.controller;
    }
    this.flights.add(flight);
    if (!this.timer) {
      this.timer = setInterval(() => this.check(), Math.max(5, Math.min(this.timeoutMs / 4, 250)));
      // Requests in flight keep the process alive; the watchdog alone does not.
      this.timer.unref();
    }
    return flight;
  }

  /**
   * What `work` settles to, or EXPIRED once `flight` has run longer than the timeout: the caller stops
   * waiting then, and `work` is left to end on its own (its connection closed by the Agent, or aborted).
   */
  race<T>(flight: Flight, work: Promise<T>): Promise<T | typeof EXPIRED> {
    return new Promise((resolve, reject) => {
      flight.expire = () => resolve(EXPIRED);
      work.then(resolve, reject);
    });
  }

  end(flight: Flight): void {
    this.flights.delete(flight);
  }

  private check(): void {
    const now = performance.now();
    if (this.flights.size === 0) {
      // Idle for a second: stop until the next request. Idleness is seen here, not timed at every end.
      if (this.idleSince === 0) this.idleSince = now;
      else if (now - this.idleSince > 1000) {
        clearInterval(this.timer);
        this.timer = undefined;
        this.idleSince = 0;
      }
      return;
    }
    this.idleSince = 0;
    for (const f of this.flights) {
      if (f.timedOut || now - f.sentAt < this.timeoutMs) continue;
      // Aborting a shared controller ends every request on it: certification sends one at a time, and
      // another would be retried.
      const ended = f.controller ? [...this.flights].filter((g) => g.controller === f.controller) : [f];
      for (const g of ended) {
        g.timedOut = true;
        g.expire();
      }
      f.controller?.abort();
    }
  }
}

const require = createRequire(import.meta.url);
const bundledMajor = process.versions.undici?.split('.')[0];
const ownMajor = (require('undici/package.json') as { version: string }).version.split('.')[0];
const agents = new Map<number, Agent>();

/**
 * An Agent that closes a connection whose answer has not begun, or has stalled, for `timeoutMs`, for the
 * global fetch to send on; undefined where this Node's fetch carries another major version of undici, whose
 * dispatchers it may not drive.
 */
export function agentFor(timeoutMs: number): Agent | undefined {
  return bundledMajor === ownMajor ? ownAgent(timeoutMs) : undefined;
}

/**
 * The Agent of `agentFor`, for undici's own dispatcher API, which drives it whatever undici this Node's fetch
 * carries. One per timeout for the process: idle connections do not keep it alive.
 */
export function ownAgent(timeoutMs: number): Agent {
  let agent = agents.get(timeoutMs);
  if (!agent) {
    // Loaded on first use: a program that imports docspec and certifies nothing never loads it.
    const { Agent } = require('undici') as typeof import('undici');
    agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connect: { timeout: timeoutMs, lookup: loopbackLookup } });
    agents.set(timeoutMs, agent);
  }
  return agent;
}

/**
 * Name resolution for the run's connections: a `*.localhost` name is loopback by definition (RFC 6761), so it
 * is never asked of DNS, where a resolver could send it, and the token with it, anywhere. Other names
 * resolve as usual.
 */
function loopbackLookup(
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  if (!/\.localhost\.?$/i.test(hostname)) {
    lookup(hostname, options, callback);
    return;
  }
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}

/** Whether a request failed because the Agent's timeout closed its connection (fetch gives that as the cause). */
export function agentTimedOut(e: unknown): boolean {
  const error = e as { code?: string; cause?: { code?: string } } | undefined;
  const code = error?.cause?.code ?? error?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}
