/**
 * The starter server a user copies (examples/user-server/) passes `docspec certify server` the way the
 * README shows: started as its own process, certified over loopback with the printed URL and user id.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { ROOT } from './support/pages.js';

describe('the starter server', () => {
  let server: ChildProcess;
  let baseUrl = '';
  let userId = '';

  beforeAll(async () => {
    server = spawn(process.execPath, [join(ROOT, 'examples/user-server/server.mjs'), '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
    [baseUrl = '', userId = ''] = line.split(' ');
  });

  afterAll(async () => {
    if (server.exitCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  });

  /** The README's command, with fewer runs: a pass needs no more to show it. */
  const certify = (id: string) =>
    runCli(['certify', 'server', '--spec', 'spec/user-update.v1.0.json', '--base-url', baseUrl, '--user-id', id, '--runs', '10', '--seed', '1', '--quiet']);

  it('prints its base URL and the id of the user it holds', () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes every check that applies, as the README shows', async () => {
    const r = await certify(userId);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/: pass — \d+ passed, 0 failed, 0 warnings, 2 skipped, 0 inconclusive/);
    expect(r.code).toBe(0);
  });

  it('is not certified at an id it does not hold', async () => {
    const r = await certify('no-such-user');
    // A value that addresses nothing is refused before any case: the run never passes vacuously.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/addresses nothing/);
  });
});
