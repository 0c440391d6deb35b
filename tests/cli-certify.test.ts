import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paramLine } from '../cli/certify-plan.js';
import type { OperationSpec } from '../generator/ir/ir.js';
import { runCli } from './support/cli.js';
import { DEFECTS } from './implementations/servers/defects.js';
import { type Listening, listen } from './implementations/servers/listen.js';
import { lenientSteps } from './implementations/servers/lenient.js';
import { createUserService, REFERENCE_USER_ID } from './implementations/servers/reference.js';
import { ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-certify-'));

const run = (args: string[], nodeArgs: string[] = []) => runCli(args, { nodeArgs });

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

let reference: Listening;
let defective: Listening;
let lenient: Listening;
beforeAll(async () => {
  const service = createUserService();
  reference = await listen((r) => service.handle(r));
  const graphLike = createUserService(lenientSteps(JSON.parse(readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8'))));
  lenient = await listen((r) => graphLike.handle(r));
  const broken = createUserService(DEFECTS.find((d) => d.name === 'accepts-overlong-company-name')!.steps);
  defective = await listen((r) => broken.handle(r));
});
afterAll(async () => {
  await reference.close();
  await defective.close();
  await lenient.close();
  rmSync(work, { recursive: true, force: true });
});

const base = (l: Listening) => ['--spec', 'spec/user-update.v1.0.json', '--base-url', `${l.origin}/v1.0`, '--user-id', REFERENCE_USER_ID];

describe('docspec certify server --dry-run', () => {
  it('plans one operation without a server: each case, its runs and the first request it would send', async () => {
    const r = await run(['certify', 'server', '--spec', 'spec/user-update.v1.0.json', '--dry-run', '--user-id', 'u-1', '--runs', '7', '--seed', '3']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^✓ user-update v1\.0 \(update PATCH \/users\/u-1\): (\d+) cases, about \d+ requests$/);
    const cases = Number(/: (\d+) cases/.exec(lines[0]!)![1]);
    // Each case runs 7 times, but the page's examples: each is sent once.
    expect(lines.filter((l) => / ×7 {2}e\.g\. /.test(l) || /^ {4}examples\/\S+ ×1 {2}e\.g\. /.test(l))).toHaveLength(cases);
    expect(lines.filter((l) => /^ {4}examples\//.test(l))).toHaveLength(5);
    // Every case has its first request; the stateful one starts with a read.
    expect(r.stdout).toMatch(/^ {4}rejects-invalid\/companyName\/max-length ×7 {2}e\.g\. PATCH \/users\/u-1 \{.*"companyName":"/m);
    expect(r.stdout).toMatch(/^ {4}stateful ×7 {2}e\.g\. GET \/users\/u-1\?\$select=/m);
  });

  it('asks for each missing value as a --param that pastes into a shell as is', async () => {
    expect(paramLine('id-2')).toBe('--param id-2=VALUE');
    // `/organization/{tenant id}/branding`: unquoted, the shell would split the name in two.
    expect(paramLine('tenant id')).toBe("--param 'tenant id=VALUE'");
    expect(paramLine("it's")).toBe("--param 'it'\\''s=VALUE'");
    const spec = JSON.parse(readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8')) as OperationSpec;
    const template = '/organization/{tenant id}/users/{id}';
    const params = [
      { name: 'tenant id', alternatives: [] },
      { name: 'id', alternatives: [] },
    ];
    const edited = { ...spec, http: { ...spec.http, paths: [{ ...spec.http.paths[0]!, template, params }] } };
    const file = join(work, 'tenant-spec.json');
    writeFileSync(file, JSON.stringify(edited));
    const planned = await run(['certify', 'server', '--spec', file, '--dry-run', '--runs', '1']);
    expect(planned.stdout.split('\n')[0]).toMatch(/; needs --param 'tenant id=VALUE' --param id=VALUE$/);
    // Given as printed, both are taken.
    const given = await run(['certify', 'server', '--spec', file, '--dry-run', '--runs', '1', '--param', 'tenant id=t1', '--param', 'id=u1']);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout.split('\n')[0]).toMatch(/\(update PATCH \/organization\/t1\/users\/u1\): \d+ cases, about \d+ requests$/);
  });

  it('plans a folder: a line per operation and the share by method, with the plan as JSON', async () => {
    const plan = join(work, 'plan.json');
    const r = await run(['certify', 'server', '--spec', 'spec', '--dry-run', '--report', plan]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^docspec: dry run of 4 operations, nothing sent: 4 planned \(100\.0%\) — PATCH 4\/4$/m);
    const json = JSON.parse(readFileSync(plan, 'utf8')) as { operations: { operation: string; variant: string; cases: unknown[] }[] };
    expect(json.operations.map((o) => o.variant).sort()).toEqual(['beta', 'intune', 'localtest', 'v1.0']);
    // --user-id addresses one operation, not a folder (whose values are --param NAME=VALUE).
    const mixed = await run(['certify', 'server', '--spec', 'spec', '--dry-run', '--user-id', 'x']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^docspec: --user-id addresses one operation; give a run over several operations its values with --param/);
  });
});

describe('docspec certify server', () => {
  it('passes a server lenient where Graph is, listing the warnings; --strict fails it', async () => {
    const args = [...base(lenient), '--runs', '10', '--seed', '5', '--check', 'rejects-invalid/usageLocation', '--quiet'];
    const lax = await run(['certify', 'server', ...args]);
    expect(lax.code, lax.stderr).toBe(0);
    expect(lax.stdout).toContain('! user-update v1.0 · rejects-invalid/usageLocation/country-code/letter-case');
    expect(lax.stdout).toMatch(/: pass — \d+ passed, 0 failed, 2 warnings,/);
    const strict = await run(['certify', 'server', ...args, '--strict']);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stdout).toContain('✗ user-update v1.0 · rejects-invalid/usageLocation/country-code/letter-case');
    expect(strict.stdout).toMatch(/: fail — \d+ passed, 2 failed, 0 warnings,/);
    // The reproduction keeps the strictness that made the case fail.
    expect(strict.stdout).toMatch(/docspec certify server .*--strict --seed/);
  });

  it('passes the reference over loopback, writing the JSON report of DESIGN.md and JUnit XML', async () => {
    const report = join(work, 'pass.json');
    const junit = join(work, 'pass.xml');
    const r = await run(['certify', 'server', ...base(reference), '--runs', '5', '--seed', '3', '--report', report, '--junit', junit]);
    expect(r.stderr).toContain('✓ [1/');
    expect(r.code, r.stdout).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json).toMatchObject({ verdict: 'pass', seed: 3, runs: 5 });
    expect(json.checks.length).toBeGreaterThan(60);
    for (const c of json.checks) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'status', 'message']));
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml.match(/<testcase /g)?.length).toBe(json.checks.length);
    expect(xml).not.toContain('<failure');
  });

  it('fails a seeded defect with exit 1, the docs line, the counterexample and a reproduction', async () => {
    const report = join(work, 'fail.json');
    const r = await run(['certify', 'server', ...base(defective), '--seed', '4', '--check', 'rejects-invalid/companyName', '--report', report, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ user-update v1.0 · rejects-invalid/companyName/max-length');
    expect(r.stdout).toMatch(/received {2}204 No Content/);
    expect(r.stdout).toContain('spec/sources/v1.0/user-update.txt:61  "The maximum length is 64 characters."');
    expect(r.stdout).toMatch(/"companyName":"[^"]{65}"/);
    expect(r.stdout).toContain("--seed 4 --check 'rejects-invalid/companyName/max-length'");
    expect(r.stdout).toContain('curl -i -X PATCH');
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.verdict).toBe('fail');
    expect(json.checks.find((c: { status: string }) => c.status === 'fail')).toMatchObject({ source: 'spec/sources/v1.0/user-update.txt:61', runs: 1 });
  });

  it('masks the token and --header values in every output: the console, curl and docspec lines, JSON and JUnit', async () => {
    const token = "eyJ0eXAiOiJKV1Qi.it's-a-secret";
    const key = 'gw-9f8e7d6c5b4a';
    const report = join(work, 'secret.json');
    const junit = join(work, 'secret.xml');
    const r = await run([
      'certify',
      'server',
      ...base(defective),
      '--seed',
      '4',
      '--check',
      'rejects-invalid/companyName',
      '--token',
      token,
      '--header',
      `X-Api-Key: ${key}`,
      '--report',
      report,
      '--junit',
      junit,
    ]);
    expect(r.code).toBe(1);
    const outputs = { stdout: r.stdout, stderr: r.stderr, report: readFileSync(report, 'utf8'), junit: readFileSync(junit, 'utf8') };
    for (const [name, text] of Object.entries(outputs)) {
      expect(text, name).not.toContain('eyJ0eXAiOiJKV1Qi');
      expect(text, name).not.toContain('secret');
      expect(text, name).not.toContain(key);
    }
    // The failing request is still shown, with the headers it carried masked, and so is the reproduction.
    expect(r.stdout).toContain("-H 'Authorization: Bearer ***'");
    expect(r.stdout).toMatch(/curl .*-H 'X-Api-Key: \*\*\*'/);
    expect(r.stdout).toMatch(/docspec certify server .*--header 'X-Api-Key: \*\*\*'/);
    expect(outputs.report).toContain('"Authorization": "Bearer ***"');
    expect(outputs.report).toContain('"X-Api-Key": "***"');
  });

  it('an id that addresses nothing exits 2 with one line before any case, instead of passing them vacuously', async () => {
    const args = ['certify', 'server', '--spec', 'spec/user-update.v1.0.json', '--base-url', `${reference.origin}/v1.0`, '--user-id', 'no-such-user'];
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^docspec: spec\/user-update\.v1\.0\.json: --user-id "no-such-user" addresses nothing: GET and PATCH \/users\/no-such-user both answered 404, so no case could tell a refused body from a missing resource\n$/,
    );
  });

  it('an unreachable server exits 3 with one line', async () => {
    const r = await run([
      'certify',
      'server',
      '--spec',
      'spec/user-update.v1.0.json',
      '--base-url',
      `http://127.0.0.1:${await closedPort()}/v1.0`,
      '--user-id',
      'x',
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^docspec: cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\.0: .*ECONNREFUSED.* — inconclusive\n$/);
  });

  it('a bad spec file or bad options exit 2 with one line naming the file and line', async () => {
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{\n  "kind": "operation",\n  "formatVersion": 1,\n}\n');
    // A hand edit gone wrong deep inside a real spec: the error names the line of the bad value.
    const notSpec = join(work, 'not-spec.json');
    const edited = readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8').replace('"collection": false', '"collection": "no"');
    writeFileSync(notSpec, edited);
    const badLine = edited.split('\n').findIndex((l) => l.includes('"collection": "no"')) + 1;
    const cases: [string[], RegExp][] = [
      [['--spec', broken, '--base-url', 'http://127.0.0.1:1/v1.0'], /^docspec: .*broken\.json:4:1: not valid JSON/],
      [
        ['--spec', notSpec, '--base-url', 'http://127.0.0.1:1/v1.0'],
        new RegExp(`^docspec: .*not-spec\\.json:${badLine}:\\d+: not a docspec spec: /requestBody/properties/0/type/collection must be boolean`),
      ],
      [['--spec', 'no/such.json', '--base-url', 'http://127.0.0.1:1/v1.0'], /^docspec: cannot read no\/such\.json: no such file/],
      [['--spec', 'spec/user-update.connector.json', '--base-url', 'http://127.0.0.1:1/v1.0'], /a connector spec; this command needs an operation spec/],
      [['--spec', 'spec/user-update.v1.0.json', '--base-url', 'ftp://x'], /--base-url must be an http\(s\) URL/],
      [['--spec', 'spec/user-update.v1.0.json', '--base-url', 'http://127.0.0.1:1/v1.0', '--runs', '0'], /--runs must be an integer ≥ 1/],
      [['--spec', 'spec/user-update.v1.0.json'], /needs --base-url/],
      [['--spec', 'spec/user-update.v1.0.json', '--base-url', 'http://127.0.0.1:1/v1.0', '--param', 'id'], /^docspec: --param must be NAME=VALUE, not "id"\n$/],
      [
        ['--spec', 'spec/user-update.v1.0.json', '--base-url', 'http://127.0.0.1:1/v1.0', '--header', 'Authorization: Bearer x'],
        /--header Authorization: the run sets it itself/,
      ],
      [['--spec', 'spec/user-update.v1.0.json', '--base-url', 'http://127.0.0.1:1/v1.0', '--header', 'no-colon'], /--header must be NAME:VALUE/],
      [
        ['--spec', 'spec/user-update.v1.0.json', '--base-url', 'http://127.0.0.1:1/v1.0', '--param', 'group-id=x'],
        /^docspec: spec\/user-update\.v1\.0\.json: --param group-id: no path or request body of the spec has that parameter \(they have id, userPrincipalName\)\n$/,
      ],
      // Another host is refused before any request, with what the run would have sent.
      [
        ['--spec', 'spec/user-update.v1.0.json', '--base-url', 'https://graph.microsoft.com/v1.0', '--user-id', 'x', '--runs', '10'],
        /^docspec: graph\.microsoft\.com is not this machine: the run would send about \d+ requests \(\d+ cases, up to 10 runs each\), PATCHs with generated bodies among them, to user-update there; give --allow-remote to run it\n$/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(['certify', 'server', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});

/** Adapters in TypeScript load when node runs with a loader, as a user's would. */
const TSX = ['--import', 'tsx'];

describe('docspec certify client', () => {
  // A client that passes exits 0 in cli-certify-sandbox.test.ts, the plain-fetch client passes every check in
  // tests/harness/certify-client.test.ts, and the Kiota SDK's finding is shown there too; this is the command a
  // user runs on an adapter written in TypeScript. The adapter is a light one: loading the Kiota SDK through
  // the loader cost more CPU than the rest of this file.
  it('reports the finding of an adapter in TypeScript with exit 1, loaded as a user would', async () => {
    const adapter = 'tests/fixtures/adapters/drops-nulls.ts';
    const r = await run(['certify', 'client', '--spec', 'spec/user-update.v1.0.json', '--adapter', adapter, '--seed', '1', '--check', 'body', '--quiet'], TSX);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/received {2}\/\w+: dropped \(was null\)/);
    expect(r.stdout).toContain(`docspec certify client --spec spec/user-update.v1.0.json --adapter ${adapter} --seed 1 --check 'body'`);
  });

  it('a missing adapter, one that throws on import or one without a default function exits 2 with one line', async () => {
    const throws = join(work, 'throws.mjs');
    writeFileSync(throws, "throw new Error('no credentials configured');\n");
    const noDefault = join(work, 'no-default.mjs');
    writeFileSync(noDefault, 'export const update = async () => {};\n');
    const cases: [string, RegExp][] = [
      ['no/such/adapter.mjs', /^docspec: cannot load adapter no\/such\/adapter\.mjs: no such file$/],
      [throws, /^docspec: adapter .*throws\.mjs threw on import: no credentials configured$/],
      [noDefault, /^docspec: adapter .*no-default\.mjs must default-export a function/],
    ];
    for (const [adapter, message] of cases) {
      const r = await run(['certify', 'client', '--spec', 'spec/user-update.v1.0.json', '--adapter', adapter]);
      expect(r.code, adapter).toBe(2);
      expect(r.stderr.trim().split('\n'), adapter).toHaveLength(1);
      expect(r.stderr.trim(), adapter).toMatch(message);
    }
  });
});

describe('docspec certify connector', () => {
  it('reports seed 004 against v1.0 with exit 1 and findings in the JSON report', async () => {
    const report = join(work, 'connector.json');
    const r = await run([
      'certify',
      'connector',
      '--spec',
      'spec/user-update.v1.0.json',
      '--page',
      'spec/sources/connector/user-update.txt',
      '--report',
      report,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ not-updatable  Show In Address List: showInAddressList is not an updatable property in v1.0');
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json).toMatchObject({ verdict: 'fail', kind: 'connector' });
    expect(json.findings.find((f: { field: string; rule: string }) => f.field === 'Password' && f.rule === 'description-mismatch')).toMatchObject({
      severity: 'warning',
      property: 'passwordProfile.password',
    });
  });

  it('--junit writes one test per rule, failed by its error findings with their lines', async () => {
    const junit = join(work, 'connector.xml');
    const r = await run(['certify', 'connector', '--spec', 'spec/user-update.v1.0.json', '--page', 'spec/sources/connector/user-update.txt', '--junit', junit]);
    expect(r.code).toBe(1);
    const cases: { name: string; failure?: string }[] = [];
    let inFailure = false;
    const parser = new SaxesParser();
    parser.on('opentag', (t) => {
      if (t.name === 'testcase') cases.push({ name: String(t.attributes.name) });
      if (t.name === 'failure') inFailure = true;
    });
    parser.on('text', (text) => {
      if (inFailure) cases.at(-1)!.failure = (cases.at(-1)!.failure ?? '') + text;
    });
    parser.on('closetag', (t) => {
      if (t.name === 'failure') inFailure = false;
    });
    parser.write(readFileSync(junit, 'utf8')).close();
    expect(cases.map((c) => c.name)).toEqual([
      'field-maps',
      'renamed',
      'not-updatable',
      'type-mismatch',
      'type-weaker',
      'enum-mismatch',
      'description-mismatch',
      'missing-field',
      'status-code',
    ]);
    const notUpdatable = cases.find((c) => c.name === 'not-updatable')?.failure ?? '';
    expect(notUpdatable).toContain('✗ not-updatable  Show In Address List: showInAddressList is not an updatable property in v1.0');
    // A page read on its own is named from the folder above its own, whatever the working folder.
    expect(notUpdatable).toMatch(/connector connector\/user-update\.txt:\d+/);
    // Warnings do not fail a test.
    expect(cases.find((c) => c.name === 'missing-field')?.failure).toBeUndefined();
  });
});
