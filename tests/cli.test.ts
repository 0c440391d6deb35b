/**
 * The command-line contract: exit codes, one-line errors naming the file, byte-identical output on re-runs,
 * `--check` listing what would change, and no temporary files left behind.
 */
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliProcess } from './support/cli.js';
import { ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI; generate runs write their code under the temp folder, never into the repository. */
const run = (args: string[], cwd?: string) => {
  const extra = args[0] === 'generate' && !args.includes('--generated-dir') ? ['--generated-dir', join(work, 'generated', String(Math.random()).slice(2))] : [];
  return runCli([...args, ...extra], { cwd });
};

describe('docspec generate', () => {
  it('the committed spec/ and generated/ are what the bundled pages give (generate --check)', async () => {
    const r = await runCli(['generate', '--check']);
    expect(r.stderr).toMatch(/^docspec: 11 files up to date/m);
    expect(r.code, r.stderr).toBe(0);
  });

  it('runs of one process in different working folders each read their own files (the worker stays warm)', async () => {
    const specOf = async (dir: string) => {
      const r = await run(['generate', 'v1.0/api/widget-update.md', '--base', 'v1.0/api', '--spec-dir', 'out', '--quiet'], dir);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(readFileSync(join(dir, 'out/widget-update.v1.0.json'), 'utf8')) as { types: Record<string, { values?: string[] }> };
    };
    const [a, b, bare] = ['a', 'b', 'bare'].map((name) => join(work, 'warm', name));
    for (const dir of [a!, b!, bare!]) cpSync(join(ROOT, 'tests/fixtures/docs-tree'), dir, { recursive: true });
    rmSync(join(bare!, 'v1.0/resources'), { recursive: true });
    const colours = join(b!, 'v1.0/resources/widgetcolor.md');
    writeFileSync(colours, `${readFileSync(colours, 'utf8')}| green | 2 | Green. |\n`);
    // The same relative paths name other files in each folder (or none); a worker that kept what the first
    // folder had, or read relative to it, would give every folder the same colours.
    expect((await specOf(bare!)).types.widgetColor).toBeUndefined();
    expect((await specOf(a!)).types.widgetColor?.values).toEqual(['red', 'blue']);
    expect((await specOf(b!)).types.widgetColor?.values).toEqual(['red', 'blue', 'green']);
    expect((await specOf(a!)).types.widgetColor?.values).toEqual(['red', 'blue']);
  });

  it('a missing page exits 2 with one line naming it', async () => {
    const r = await run(['generate', 'no/such/page.md']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['docspec: cannot read no/such/page.md: no such file']);
  });

  it('a directory, an unknown option and an unknown command exit 2 with one line', async () => {
    for (const args of [['generate', 'spec'], ['generate', '--frob'], ['frobnicate']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a file that is not a docs page exits 2 with one line saying what it is or lacks, and writes nothing', async () => {
    const files: [string, string, RegExp][] = [
      ['hello.txt', 'hello world\n', /^docspec: .*hello\.txt: not a docs page: no HTTP request .*no property table, no example/],
      [
        'openapi.json',
        '{ "openapi": "3.1.0", "info": { "title": "x", "version": "1" }, "paths": {} }',
        /^docspec: .*openapi\.json: this is an OpenAPI document \(JSON\)/,
      ],
      ['openapi.yaml', 'openapi: 3.0.3\ninfo:\n  title: x\n', /^docspec: .*openapi\.yaml: this is an OpenAPI document \(YAML\)/],
      ['data.json', '[1, 2, 3]', /^docspec: .*data\.json: this is a JSON file, not a docs page$/],
      ['empty.md', '  \n', /^docspec: .*empty\.md: the file is empty$/],
    ];
    for (const [name, text, message] of files) {
      const dir = join(work, `not-a-page-${name}`);
      writeFileSync(join(work, name), text);
      const r = await run(['generate', join(work, name), '--spec-dir', dir, '--generated-dir', dir]);
      expect(r.code, name).toBe(2);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(r.stderr.trim(), name).toMatch(message);
      expect(() => readdirSync(dir), name).toThrow();
    }
    const spec = await run(['generate', 'spec/user-update.v1.0.json']);
    expect(spec.code).toBe(2);
    expect(spec.stderr.trim()).toBe(
      'docspec: spec/user-update.v1.0.json: this is a docspec spec (JSON), not a docs page: give it to drift, certify or openapi',
    );
  });

  it("an unknown option names the command's help, and suggests a close match", async () => {
    const cases: [string[], string][] = [
      [['generate', '--frob'], 'docspec: unknown option --frob (see docspec generate --help)'],
      [['generate', '--chek'], 'docspec: unknown option --chek (did you mean --check? see docspec generate --help)'],
      [['certify', 'server', '--sped', 'x'], 'docspec: unknown option --sped (did you mean --spec? see docspec certify server --help)'],
      [['drift', '--formt', 'md'], 'docspec: unknown option --formt (did you mean --format? see docspec drift --help)'],
      [['json-schema', '-x'], 'docspec: unknown option -x (see docspec json-schema --help)'],
      [['certify', 'client', '--spec'], "docspec: Option '--spec <value>' argument missing (see docspec certify client --help)"],
    ];
    for (const [args, line] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(`${line}\n`);
    }
  });

  it("prints each diagnostic's hint on the line under it", async () => {
    const r = await run(['generate', 'spec/sources/localtest/user-update.md', '--base', 'spec/sources/graph-docs/v1.0/api', '--spec-dir', join(work, 'hints')]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => /unresolved-type$/.test(l) && l.includes('`assignedPlan`'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe('    hint: No resource page for `assignedPlan` was found');
  });

  it('writes byte-identical specs and code on every run, atomically', async () => {
    const out = join(work, 'det');
    const gen = join(work, 'det-generated');
    const page = 'spec/sources/beta/user-update.md';
    const args = ['generate', page, '--variant', 'beta', '--spec-dir', out, '--generated-dir', gen];
    const first = await run(args);
    expect(first.code, first.stderr).toBe(0);
    const a = readFileSync(join(out, 'user-update.beta.json'), 'utf8');
    const code = readFileSync(join(gen, 'user-update/beta.ts'), 'utf8');
    expect((await run(args)).code).toBe(0);
    expect(readFileSync(join(out, 'user-update.beta.json'), 'utf8')).toBe(a);
    expect(readFileSync(join(gen, 'user-update/beta.ts'), 'utf8')).toBe(code);
    expect(readdirSync(out)).toEqual(['user-update.beta.json']);
    expect(readdirSync(gen).sort()).toEqual(['index.ts', 'runtime.ts', 'user-update']);
  });

  it('--check exits 1 and names a stale file, 0 when up to date, and writes nothing', async () => {
    const out = join(work, 'check');
    const page = 'spec/sources/intune/user-update.md';
    const dirs = ['--spec-dir', out, '--generated-dir', join(work, 'check-generated')];
    expect((await run(['generate', page, ...dirs])).code).toBe(0);
    expect((await run(['generate', page, ...dirs, '--check'])).code).toBe(0);
    const file = join(out, 'user-update.intune.json');
    const stale = readFileSync(file, 'utf8').replace('"Update user"', '"Update usr"');
    writeFileSync(file, stale);
    const r = await run(['generate', page, ...dirs, '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('user-update.intune.json');
    expect(r.stderr).toContain('- ');
    expect(readFileSync(file, 'utf8')).toBe(stale);
  });

  it('prints diagnostics as file:line:column severity message rule', async () => {
    const r = await run(['generate', 'spec/sources/beta/user-update.md', '--variant', 'beta', '--spec-dir', join(work, 'diag')]);
    expect(r.stderr).toMatch(
      /^spec\/sources\/beta\/user-update\.md:216:1 warning Example "update_other_user" sends `authorizationInfo`.* {2}example-unknown-property$/m,
    );
  });

  it('works from a copy of a page outside the project, with includes left unresolved', async () => {
    const page = join(work, 'page.md');
    copyFileSync(join(ROOT, 'spec/sources/beta/user-update.md'), page);
    const r = await run(['generate', page, '--spec-dir', join(work, 'outside'), '--verbose'], work);
    expect(r.code, r.stderr).toBe(0);
    const spec = JSON.parse(readFileSync(join(work, 'outside/user-update.beta.json'), 'utf8'));
    // The table's 44 rows; without the user resource page beside it nothing closes the body against the
    // example's `authorizationInfo`, so it is taken from the example (with the resource page it is a doc bug).
    const properties = spec.requestBody.properties as { name: string; via?: string }[];
    expect(properties.filter((p) => p.via === undefined)).toHaveLength(44);
    expect(properties.filter((p) => p.via === 'example').map((p) => p.name)).toEqual(['authorizationInfo']);
    expect(r.stderr).toMatch(/`authorizationInfo` is not a documented property of the request body; no other source lists it.* {2}example-contradicts-rule$/m);
    expect(spec.page.includes.every((i: { resolved: boolean }) => !i.resolved)).toBe(true);
    expect(r.stderr).toMatch(/unresolved-type/);
  });
});

describe('known findings of the config', () => {
  const config = (known: unknown) => {
    const file = join(work, `config-${String(Math.random()).slice(2)}.json`);
    const page = { file: join(ROOT, 'spec/sources/intune/user-update.md'), variant: 'intune', base: join(ROOT, 'spec/sources/graph-docs/v1.0/api'), known };
    writeFileSync(file, JSON.stringify({ specDir: join(work, 'known-spec'), generatedDir: join(work, 'known-gen'), pages: [page] }));
    return file;
  };

  it("are listed only with --verbose and counted apart; the page's other warnings still print", async () => {
    const file = config(['read-only-in-request']);
    const quiet = await run(['generate', '--config', file]);
    expect(quiet.stderr).not.toMatch(/read-only-in-request/);
    expect(quiet.stderr).toMatch(/warning Unknown type .*unresolved-type/);
    expect(quiet.stderr).toMatch(/1 of 1 pages → 4 files \(6 warnings; 1 known, listed with --verbose\)/);
    const verbose = await run(['generate', '--config', file, '--verbose']);
    expect(verbose.stderr).toMatch(/intune\/user-update\.md:49:1 warning The request table lists `id`.*read-only-in-request/);
  });

  it('must name diagnostic rules: anything else is one line, exit 2', async () => {
    for (const bad of [['read-only'], 'read-only-in-request']) {
      const r = await run(['generate', '--config', config(bad), '--check']);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/"known" must list diagnostic rule ids/);
    }
  });
});

// The cases above run the command line inside the test's process; these run the binary itself, so that its
// exit codes and streams are what a shell sees.
describe('the docspec binary', () => {
  it('exits 0 with the version, 2 with one line on a missing page, 1 on breaking drift', async () => {
    const version = await runCliProcess(['--version']);
    // The binary's version is the package's.
    const { version: packaged } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect([version.code, version.stdout]).toEqual([0, `${packaged}\n`]);
    const missing = await runCliProcess(['generate', 'no/such/page.md']);
    expect([missing.code, missing.stderr]).toEqual([2, 'docspec: cannot read no/such/page.md: no such file\n']);
    const drift = await runCliProcess(['drift', 'spec/user-update.v1.0.json', 'spec/user-update.beta.json', '--format', 'json']);
    expect(drift.code, drift.stderr).toBe(1);
    expect(JSON.parse(drift.stdout).changes.length).toBeGreaterThan(0);
  });
});
