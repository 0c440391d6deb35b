/**
 * Client certification against adapters that try to escape or fool it (tests/fixtures/adapters/): each one is
 * caught by name, none makes the command exit 0, and no connection reaches an open loopback port.
 */
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { ROOT } from './support/pages.js';

const ADAPTERS = join(ROOT, 'tests/fixtures/adapters');

/** A loopback listener the socket adapter aims at: it must never see a connection. */
let listener: Server;
let connections = 0;
let port = 0;
/** A port that was free a moment ago: taken by a listener, then released. */
let closedPort = 0;
beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  listener = createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

function certify(adapter: string, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  // The adapters read where to aim from the environment their process inherits.
  process.env.DOCSPEC_TEST_PORT = String(port);
  process.env.DOCSPEC_TEST_CLOSED_PORT = String(closedPort);
  return runCli([
    'certify',
    'client',
    '--spec',
    'spec/user-update.v1.0.json',
    '--adapter',
    join(ADAPTERS, adapter),
    '--runs',
    '1',
    '--seed',
    '7',
    '--quiet',
    ...extra,
  ]);
}

describe('certify client with adapters that misbehave', () => {
  it('a fetch kept from load time is intercepted all the same: the client passes, every request caught', async () => {
    const r = await certify('captured-fetch.mjs');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/pass — 9 passed, 0 failed/);
    expect(r.stdout).toMatch(/\b9 requests\b/);
  });

  it.each([
    [
      'late.mjs',
      /after-the-last-call\n\s+received {2}after its last call the adapter made a request: PATCH https:\/\/graph\.microsoft\.com\/v1\.0\/users\/\S+ \(sent after its call had resolved\)\n.*\n\s+spec\/sources\/v1\.0\/user-update\.txt:\d+/,
    ],
    ['exit-0.mjs', /the adapter (ended its process \(exit code 0\) during the call|crashed 3 times \(last: it ended its process \(exit code 0\)\))/],
    ['exit-1.mjs', /the adapter (ended its process \(exit code 1\) during the call|crashed 3 times \(last: it ended its process \(exit code 1\)\))/],
    ['throws-hostile.mjs', /the call rejected: a value that cannot be read \(its properties throw\)/],
    ['unhandled-rejection.mjs', /contained\n\s+received {2}the adapter made an unhandled rejection: Error: left behind on purpose/],
    ['socket.mjs', /contained\n\s+received {2}the adapter made a socket to 127\.0\.0\.1:\d+ \(refused/],
    ['socket-closed.mjs', /contained\n\s+received {2}the adapter made a socket to 127\.0\.0\.1:\d+ \(refused/],
    ['dns.mjs', /contained\n\s+received {2}the adapter made a DNS look-up of example\.invalid \(refused\)/],
    ['spawns.mjs', /contained\n\s+received {2}the adapter made child_process\.spawn \(refused: the adapter may not start processes or threads\)/],
    ['throws-later.mjs', /the adapter made an uncaught exception: Error: thrown from a timer/],
    ['throws-much-later.mjs', /the adapter made an uncaught exception: Error: thrown from a late timer/],
  ])('%s fails with a line saying what the adapter did', async (adapter, message) => {
    const r = await certify(adapter);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(message);
    expect(r.stdout).toMatch(/: fail — /);
  });

  it('a hung adapter is stopped once: the run ends after one timeout, with every later call failed', async () => {
    const r = await certify('hangs.mjs', ['--call-timeout', '2']);
    expect(r.code).toBe(1);
    // The first check's call is the one that hangs; every check after it is told so instead of waiting.
    expect(r.stdout).toMatch(/· method\n\s+received {2}no request/);
    expect(r.stdout).toMatch(/the adapter hung on an earlier call \(no answer within 2 s\); no further calls/);
  });

  it('an adapter whose module never finishes loading is refused after one timeout, exit 2', async () => {
    const r = await certify('hangs-on-import.mjs', ['--load-timeout', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^docspec: adapter .*hangs-on-import\.mjs did not finish loading within 2 s$/);
  });

  it('no connection ever reached the open loopback port', () => {
    expect(connections).toBe(0);
  });
});
