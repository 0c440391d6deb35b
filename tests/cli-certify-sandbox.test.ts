/**
 * Client certification against adapters that try to escape or fool it (tests/fixtures/adapters/): each one is
 * caught by name, none makes the command exit 0, and nothing reaches an open loopback port, a unix socket,
 * a UDP port or a file outside the adapter's scratch folder.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliOptions, runCli } from './support/cli.js';
import { ROOT } from './support/pages.js';

const ADAPTERS = join(ROOT, 'tests/fixtures/adapters');

/** A loopback listener the socket adapter aims at: it must never see a connection. */
let listener: Server;
let connections = 0;
let port = 0;
/** A unix socket and a UDP port on the same watch. */
let unixListener: Server;
let udp: UdpSocket;
let datagrams = 0;
/** Where the adapters' own files (outside their scratch folder) would land. */
let outside = '';
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
  outside = mkdtempSync(join(tmpdir(), 'docspec-sandbox-'));
  unixListener = createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((resolve) => unixListener.listen(join(outside, 'listener.sock'), resolve));
  // The UDP watch listens on the same port number as the TCP listener.
  udp = createSocket('udp4', () => datagrams++);
  await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  await new Promise<void>((resolve) => unixListener.close(() => resolve()));
  await new Promise<void>((resolve) => udp.close(resolve));
  rmSync(outside, { recursive: true, force: true });
});

/** The one check an escape attempt fails: a run of it alone says what every check would (and costs a tenth). */
const CONTAINED = ['--check', 'contained'];

function certify(adapter: string, extra: string[] = [], options: CliOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  // The adapters read where to aim from the environment their process inherits.
  process.env.DOCSPEC_TEST_PORT = String(port);
  process.env.DOCSPEC_TEST_CLOSED_PORT = String(closedPort);
  process.env.DOCSPEC_TEST_SOCKET = join(outside, 'listener.sock');
  process.env.DOCSPEC_TEST_OUTSIDE = join(outside, `${adapter}.written`);
  return runCli(
    ['certify', 'client', '--spec', 'spec/user-update.v1.0.json', '--adapter', join(ADAPTERS, adapter), '--runs', '1', '--seed', '7', '--quiet', ...extra],
    options,
  );
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
    ['udp.mjs', /contained\n\s+received {2}the adapter made a UDP socket to port \d+ \(refused/, CONTAINED],
    ['binding-tcp.mjs', /contained\n\s+received {2}the adapter made process\.binding\('tcp_wrap'\) \(refused: ERR_ACCESS_DENIED\)/, CONTAINED],
    ['binding-pipe.mjs', /contained\n\s+received {2}the adapter made process\.binding\('pipe_wrap'\) \(refused: ERR_ACCESS_DENIED\)/, CONTAINED],
    ['binding-spawn.mjs', /contained\n\s+received {2}the adapter made process\.binding\('spawn_sync'\) \(refused: ERR_ACCESS_DENIED\)/, CONTAINED],
    [
      'writes-outside.mjs',
      /contained\n\s+received {2}the adapter made a file write of \S+writes-outside\.mjs\.written \(refused: the adapter may write only in its scratch folder\)/,
      CONTAINED,
    ],
    ['worker.mjs', /contained\n\s+received {2}the adapter made a worker thread \(refused: the adapter may not start processes or threads\)/, CONTAINED],
    // Every call "resolved" by a forged message sent nothing that reached the recorder.
    ['forges-results.mjs', /· method\n\s+received {2}no request/, ['--check', 'method']],
  ] as [string, RegExp, string[]?][])('%s fails with a line saying what the adapter did', async (adapter, message, only = []) => {
    const r = await certify(adapter, only);
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

  it('an adapter that sends SIGSTOP and SIGTERM to docspec is refused: docspec runs on and fails it', async () => {
    // docspec in a process of its own, so that what reaches it is not the test's process. Either signal
    // delivered would show: a stopped docspec never ends, an ended one exits 143.
    process.env.DOCSPEC_TEST_SIGNAL = 'SIGSTOP,SIGTERM';
    const r = await certify('signals-docspec.mjs', CONTAINED, { process: true });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(
      /contained\n\s+received {2}the adapter made a signal SIGSTOP to docspec's process \(refused: the adapter may signal only itself\)/,
    );
  });

  it('a process left behind cannot rewrite the report: it is never started', async () => {
    const report = join(outside, 'outlives.json');
    process.env.DOCSPEC_TEST_REPORT = report;
    const r = await certify('outlives.mjs', [...CONTAINED, '--report', report]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/the adapter made child_process\.spawn \(refused/);
    expect(JSON.parse(readFileSync(report, 'utf8')).verdict).toBe('fail');
  });

  it("what the adapter prints is shown as its output on stderr, never among docspec's lines on stdout", async () => {
    // Its write into docspec's own stdout (/proc/<docspec>/fd/1) is refused, and fails contained.
    const r = await certify('forges-output.mjs', CONTAINED);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/contained\n\s+received {2}the adapter made a file write of \/proc\/\d+\/fd\/1 \(refused/);
    expect(r.stdout).not.toMatch(/docspec-forged-line/);
    // With --quiet the adapter's output is dropped; without, each line is shown on stderr, marked as the adapter's.
    expect(r.stderr).not.toMatch(/docspec-forged-line/);
    const args = ['certify', 'client', '--spec', 'spec/user-update.v1.0.json', '--adapter', join(ADAPTERS, 'forges-output.mjs'), '--runs', '1', '--seed', '7'];
    const loud = await runCli([...args, ...CONTAINED]);
    expect(loud.code).toBe(1);
    expect(loud.stdout).not.toMatch(/docspec-forged-line/);
    expect(loud.stderr).toMatch(/^adapter\| docspec-forged-line: pass — 9 passed, 0 failed$/m);
    // Its output is masked as reports are.
    expect(loud.stderr).toMatch(/^adapter\| Authorization: Bearer \*\*\*$/m);
    expect(loud.stderr).not.toContain('docspec-certify');
  });

  it('an adapter beyond its memory limit fails the run, whatever it does after', async () => {
    process.env.DOCSPEC_TEST_ALLOCATE_MB = '320';
    const r = await certify('allocates.mjs', [...CONTAINED, '--memory-limit', '256']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/the adapter made use of 3\d\d MiB of memory at its peak \(beyond its limit of 256 MiB\)/);
  });

  it('nothing reached the open loopback port, the unix socket or the UDP port, and no file was written outside', () => {
    expect(connections).toBe(0);
    expect(datagrams).toBe(0);
    expect(existsSync(join(outside, 'writes-outside.mjs.written'))).toBe(false);
    expect(existsSync(join(outside, 'binding-spawn.mjs.written'))).toBe(false);
  });
});
