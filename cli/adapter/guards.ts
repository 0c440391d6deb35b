/**
 * What the adapter's process closes before the adapter module is imported, beside Node's permission model
 * (adapter-process.ts starts it with one: no child processes, workers, addons or file writes outside a
 * scratch folder). The permission model refuses; these guards also say what was tried, so an attempt fails the
 * run even when the adapter swallows the refusal. Network access is not covered by Node 20's permission
 * model: every connection but the one to the recorder in docspec's process is refused here, and UDP too.
 */
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import workerThreads from 'node:worker_threads';

/** Where the process may connect: the recorder's loopback address. */
export interface Allowed {
  host: string;
  port: number;
}

const define = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, writable: true, configurable: true });

const refusedError = (what: string, code = 'ECONNREFUSED') => Object.assign(new Error(`docspec refused ${what}`), { code });

export function closeTheWayOut(allowed: Allowed, incident: (what: string) => void): void {
  guardSockets(allowed, incident);
  guardLookups(incident);
  guardStarts(incident);
  guardSignals(incident);
  guardDenials(incident);
  // Named imports (`import { lookup } from 'node:dns'`) see the patched functions too.
  syncBuiltinESMExports();
}

function guardSockets(allowed: Allowed, incident: (what: string) => void): void {
  // Raw sockets (net, and tls and http agents over it): nothing leaves the process but what goes to the recorder.
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect() hands over its arguments normalised: [options, callback].
    const [first, second] = (Array.isArray(args[0]) ? args[0] : args) as [unknown, unknown];
    const options = typeof first === 'object' && first !== null ? (first as { host?: string; port?: number; path?: string }) : undefined;
    const host = options ? (options.host ?? (options.path === undefined ? 'localhost' : undefined)) : typeof second === 'string' ? second : 'localhost';
    const port = options ? options.port : Number(first);
    if (host === allowed.host && Number(port) === allowed.port && options?.path === undefined) return connect.apply(this, args as Parameters<typeof connect>);
    const where = options?.path ?? `${host}:${port ?? ''}`;
    incident(`a socket to ${where} (refused: only the documented HTTP request may leave)`);
    process.nextTick(() => this.destroy(refusedError(`a connection to ${where}`)));
    return this;
  } as typeof connect;
  // UDP is not HTTP at all: every datagram socket is refused before it binds or sends.
  for (const method of ['bind', 'connect', 'send'] as const) {
    define(dgram.Socket.prototype, method, function (this: dgram.Socket, ...args: unknown[]) {
      const port = method === 'bind' ? '' : ` to port ${String(args.find((a) => typeof a === 'number') ?? '')}`;
      incident(`a UDP socket${port} (refused: only the documented HTTP request may leave)`);
      throw refusedError('a UDP socket', 'EPERM');
    });
  }
}

function guardLookups(incident: (what: string) => void): void {
  const refuseLookup = (name: string) =>
    function (this: unknown, host: unknown, ...rest: unknown[]) {
      incident(`a DNS look-up of ${String(host)} (refused)`);
      const callback = rest.find((r) => typeof r === 'function') as ((e: Error) => void) | undefined;
      const error = refusedError(`${name} ${String(host)}`);
      if (callback) process.nextTick(() => callback(error));
      else return Promise.reject(error);
    };
  for (const fn of [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveTxt',
    'resolveSrv',
    'resolveNs',
    'reverse',
  ] as const) {
    define(dns, fn, refuseLookup(`dns.${fn}`));
    if (fn in dns.promises) define(dns.promises, fn, refuseLookup(`dns.promises.${fn}`));
  }
}

function guardStarts(incident: (what: string) => void): void {
  // The permission model refuses these too; here the attempt is also told.
  // A function, not an arrow: `new Worker(…)` must reach the body (an arrow throws "not a constructor" first).
  const refuseStart = (what: string) =>
    function refused() {
      incident(`${what} (refused: the adapter may not start processes or threads)`);
      throw refusedError(what, 'EPERM');
    };
  for (const fn of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
    define(childProcess, fn, refuseStart(`child_process.${fn}`));
  }
  // A loader (tsx) needs the permission to start its own hooks thread: the adapter still may not start one.
  define(workerThreads, 'Worker', refuseStart('a worker thread'));
  // Not in Node's types (deprecated), still there: the way to the raw handles behind net, dgram and spawn.
  const binding = (process as unknown as { binding: (name: string) => unknown }).binding;
  define(process, 'binding', function (this: unknown, name: string) {
    try {
      return binding.call(process, name);
    } catch (e) {
      incident(`process.binding('${String(name)}') (refused: ${(e as { code?: string }).code ?? 'denied'})`);
      throw e;
    }
  });
  const dlopen = process.dlopen;
  define(process, 'dlopen', function (this: unknown, ...args: Parameters<typeof process.dlopen>) {
    incident(`a native addon ${String(args[1])} (refused)`);
    return dlopen.apply(process, args);
  });
}

function guardSignals(incident: (what: string) => void): void {
  // Signals to docspec (ending or stopping it) or to any other process: the adapter may signal itself only.
  const own = (pid: unknown) => pid === process.pid || pid === 0 || pid === -process.pid;
  for (const name of ['kill', '_kill'] as const) {
    const original = (process as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    if (typeof original !== 'function') continue;
    define(process, name, function (this: unknown, pid: unknown, signal?: unknown) {
      if (own(Number(pid))) return original.call(process, pid, signal);
      const whose = Number(pid) === process.ppid ? "docspec's process" : `process ${String(pid)}`;
      incident(`a signal ${String(signal ?? 'SIGTERM')} to ${whose} (refused: the adapter may signal only itself)`);
      throw refusedError(`a signal to ${whose}`, 'EPERM');
    });
  }
}

/**
 * Every file operation the permission model refuses (a write outside the scratch folder) is told, whether
 * the adapter awaits it, passes a callback or calls the synchronous form, and still refused.
 */
function guardDenials(incident: (what: string) => void): void {
  const told = (e: unknown) => {
    const error = e as { code?: string; resource?: string; permission?: string } | undefined;
    if (error?.code === 'ERR_ACCESS_DENIED') {
      incident(
        `a file ${error.permission === 'FileSystemRead' ? 'read' : 'write'} of ${error.resource || 'a path'} (refused: the adapter may write only in its scratch folder)`,
      );
    }
  };
  const wrap = (target: Record<string, unknown>, key: string, promised: boolean) => {
    const original = target[key];
    // Classes (fs.Dirent, fs.Stats, ReadStream) are constructed, not called: left as they are.
    if (typeof original !== 'function' || /^[A-Z]/.test(key)) return;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      const last = args.length - 1;
      const callback = args[last];
      if (!promised && !key.endsWith('Sync') && typeof callback === 'function') {
        args[last] = function (this: unknown, error: unknown, ...rest: unknown[]) {
          told(error);
          return (callback as (...a: unknown[]) => unknown).call(this, error, ...rest);
        };
      }
      try {
        const result = (original as (...a: unknown[]) => unknown).apply(this, args);
        if (promised && result instanceof Promise) {
          return result.catch((e: unknown) => {
            told(e);
            throw e;
          });
        }
        return result;
      } catch (e) {
        told(e);
        throw e;
      }
    };
    // Properties such as realpathSync.native and promisify's custom form stay reachable.
    Object.assign(wrapped, original);
    define(target, key, wrapped);
  };
  for (const key of Object.keys(fs)) if (key !== 'promises') wrap(fs as unknown as Record<string, unknown>, key, false);
  for (const key of Object.keys(fs.promises)) wrap(fs.promises as unknown as Record<string, unknown>, key, true);
}
