import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { GROUP_DEFECTS } from './implementations/servers/groups-defects.js';
import { createGroupService, DIRECTORY_USER_ID } from './implementations/servers/groups.js';
import { type Listening, listen } from './implementations/servers/listen.js';
import { groupSpecs, hasApiReference } from './support/pages.js';

const run = (args: string[]) => runCli(args);

describe.skipIf(!hasApiReference)('docspec certify server, several operations', () => {
  let work: string;
  let specDir: string;
  let reference: Listening;
  let defective: Listening;
  let membersless: Listening;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'docspec-suite-'));
    specDir = join(work, 'spec');
    mkdirSync(specDir);
    for (const s of groupSpecs()) writeFileSync(join(specDir, `${s.operation}.${s.variant}.json`), JSON.stringify(s));
    const service = createGroupService();
    reference = await listen((r) => service.handle(r));
    const broken = createGroupService(GROUP_DEFECTS.find((d) => d.name === 'update-accepts-any-visibility')!.steps);
    defective = await listen((r) => broken.handle(r));
    const partial = createGroupService();
    membersless = await listen(async (r) =>
      /\/members\b/.test(new URL(r.url).pathname) ? Response.json({ error: { code: 'x', message: 'no' } }, { status: 405 }) : partial.handle(r),
    );
  });
  afterAll(async () => {
    await reference.close();
    await defective.close();
    await membersless.close();
    rmSync(work, { recursive: true, force: true });
  });

  const args = (server: Listening, ...more: string[]) => [
    'certify',
    'server',
    '--spec',
    specDir,
    '--base-url',
    `${server.origin}/v1.0`,
    '--param',
    `id=${DIRECTORY_USER_ID}`,
    '--runs',
    '5',
    '--seed',
    '1',
    '--quiet',
    ...more,
  ];

  it('passes the reference: exit 0, one report with a verdict per operation, JUnit with a suite per operation', async () => {
    const report = join(work, 'suite.json');
    const junit = join(work, 'suite.xml');
    const r = await run(args(reference, '--report', report, '--junit', junit, '--token', 'suite-secret-token'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^docspec: certify server, 8 operations at http:\/\/127\.0\.0\.1:\d+\/v1\.0: pass — 8 pass, 0 fail, 0 inconclusive, 0 not implemented, 0 not run; resource model: 1 of 1 passed/m,
    );
    const json = JSON.parse(readFileSync(report, 'utf8')) as { kind: string; verdict: string; operations: { operation: string; status: string }[] };
    expect(json.kind).toBe('server-suite');
    expect(json.operations.map((o) => o.status)).toEqual(Array(8).fill('pass'));
    const xml = readFileSync(junit, 'utf8');
    let suites = 0;
    const parser = new SaxesParser();
    parser.on('opentag', (t) => {
      if (t.name === 'testsuite') suites++;
    });
    parser.write(xml).close();
    expect(suites).toBe(9);
    for (const out of [r.stdout, r.stderr, readFileSync(report, 'utf8'), xml]) expect(out).not.toContain('suite-secret-token');
  });

  it('fails a seeded defect with exit 1, naming the operation and the docs line', async () => {
    const r = await run(args(defective));
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^✗ group-update v1\.0 \(update PATCH\): fail/m);
    expect(r.stdout).toMatch(/✗ group-update v1\.0 · rejects-invalid\/visibility\/allowed-values\n/);
    expect(r.stdout).toMatch(/api-reference\/v1\.0\/api\/group-update\.md:\d+ {2}"The possible values are/);
  });

  it('reports what the server does not implement; --require-all fails it', async () => {
    const lax = await run(args(membersless));
    expect(lax.code, lax.stdout + lax.stderr).toBe(0);
    expect(lax.stdout).toMatch(/^- group-post-members v1\.0 \(link POST\): not-implemented — the documented request answered 405/m);
    const strict = await run(args(membersless, '--require-all'));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/not implemented \(counted as failures\)/);
  });

  it('takes --spec more than once; --require-all with one operation is a usage error', async () => {
    const two = [join(specDir, 'group-post-groups.v1.0.json'), join(specDir, 'group-get.v1.0.json')];
    const r = await run(['certify', 'server', '--spec', two[0]!, '--spec', two[1]!, '--base-url', `${reference.origin}/v1.0`, '--runs', '5', '--quiet']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^docspec: certify server, 2 operations at .*: pass — 2 pass/m);
    const one = await run(['certify', 'server', '--spec', two[0]!, '--base-url', `${reference.origin}/v1.0`, '--require-all']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^docspec: --require-all is for a run over several operations/);
    // --user-id names one operation's resource; a run over several takes --param.
    const user = await run(['certify', 'server', '--spec', two[0]!, '--spec', two[1]!, '--base-url', `${reference.origin}/v1.0`, '--user-id', 'x']);
    expect(user.code).toBe(2);
    expect(user.stderr).toMatch(/^docspec: --user-id addresses one operation; give a run over several operations its values with --param NAME=VALUE\n$/);
  });

  it('a remote base URL is refused with what the run would send to how many operations', async () => {
    const r = await run(['certify', 'server', '--spec', specDir, '--base-url', 'https://graph.example.com/v1.0', '--param', `id=${DIRECTORY_USER_ID}`]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^docspec: graph\.example\.com is not this machine: the run would send about \d+ requests .* to 8 operations there; give --allow-remote/,
    );
  });

  it('the dry run shows which values the create feeds and which --param still needs', async () => {
    const r = await run(['certify', 'server', '--spec', specDir, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ group-get v1\.0 \(read GET \/groups\/\{id\}\): \d+ cases, about \d+ requests; id ← group-post-groups$/m);
    expect(r.stdout).toMatch(/^✓ group-post-members v1\.0 \(link POST .*; group-id ← group-post-groups; needs --param id=VALUE$/m);
  });
});
