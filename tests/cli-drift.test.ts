import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { API_REFERENCE_2021, CORPUS, hasApiReference, ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-drift-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args);

const original = readFileSync(join(ROOT, 'spec/sources/beta/user-update.md'), 'utf8');
const edited = original
  .replace('The maximum length is 64 characters. |', 'The maximum length is 32 characters. |')
  .replace("|jobTitle|String|The user's job title.|\n", '')
  .replace('|postalCode|String|The postal code', '|postalCode|Int32|The postal code')
  .replace("|state|String|The state or province in the user's address.|\n", '$&|nickname|String|A short name the user goes by.|\n');
// Both copies sit in folders of their own, so includes and types resolve (or not) the same way for both.
const A = join(work, 'a/user-update.md');
const B = join(work, 'b/user-update.md');
mkdirSync(join(work, 'a'));
mkdirSync(join(work, 'b'));
writeFileSync(A, original);
writeFileSync(B, edited);

describe('docspec drift', () => {
  it('a hand-edited page: the four changes with their breaking flags, exit 1', async () => {
    expect(edited).not.toBe(original);
    const r = await run(['drift', A, B, '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { changes: { kind: string; subject: string; breaking: object }[]; failing: number; failOn: string };
    expect(report.changes.map((c) => [c.kind, c.subject, c.breaking])).toEqual([
      ['constraint-tightened', 'companyName', { client: true, server: false }],
      ['type-changed', 'postalCode', { client: true, server: true }],
      ['property-removed', 'jobTitle', { client: true, server: false }],
      ['property-added', 'nickname', { client: false, server: true }],
    ]);
    expect(report).toMatchObject({ failOn: 'breaking', failing: 4 });
  });

  it('identical inputs: exit 0 and "no drift", in every format', async () => {
    const text = await run(['drift', A, A]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^no drift$/m);
    const md = await run(['drift', 'spec/user-update.v1.0.json', 'spec/user-update.v1.0.json', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('**no drift**');
    const junit = await run(['drift', A, A, '--format', 'junit']);
    expect(junit.code).toBe(0);
    expect(junit.stdout).toContain('<testcase classname="drift" name="no drift"/>');
  });

  it('text and markdown cite both sides; JUnit is well-formed with one failure per breaking change', async () => {
    const text = await run(['drift', A, B]);
    expect(text.stdout).toContain('BREAKING (client)  constraint-tightened  companyName');
    expect(text.stdout).toMatch(/A .*a\/user-update\.md:\d+ {3}B .*b\/user-update\.md:\d+/);
    expect(text.stdout.trim().split('\n').at(-1)).toBe('4 changes, 4 breaking (3 for clients, 2 for servers); 4 fail --fail-on breaking');
    const md = await run(['drift', A, B, '--format', 'md']);
    expect(md.stdout).toContain('### Failing --fail-on breaking (4)');
    expect(md.stdout).toMatch(/\| constraint-tightened \| `companyName` \| `maxLength 64`<br>.*a\/user-update\.md:\d+ \| `maxLength 32`<br>/);
    const junit = await run(['drift', A, B, '--format', 'junit']);
    const tags: string[] = [];
    const parser = new SaxesParser();
    parser.on('opentag', (t) => tags.push(t.name));
    parser.write(junit.stdout).close();
    expect(tags.filter((t) => t === 'testcase')).toHaveLength(4);
    expect(tags.filter((t) => t === 'failure')).toHaveLength(4);
  });

  it('JUnit test names are unique, and say which change of a property each is', async () => {
    const junit = await run(['drift', 'spec/user-update.v1.0.json', 'spec/user-update.beta.json', '--format', 'junit', '--fail-on', 'none']);
    const names: string[] = [];
    const parser = new SaxesParser();
    parser.on('opentag', (t) => {
      if (t.name === 'testcase') names.push(String(t.attributes.name));
    });
    parser.write(junit.stdout).close();
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['otherMails: — → maxItems 250', 'otherMails: — → itemMaxLength 250']));
  });

  it('--fail-on sets the gate: none passes breaking drift, any fails on any change', async () => {
    expect((await run(['drift', A, B, '--fail-on', 'none'])).code).toBe(0);
    expect((await run(['drift', A, B, '--fail-on', 'any'])).code).toBe(1);
    // Only a non-breaking change (a requiredOnCreate sentence): passes the default gate, fails --fail-on any.
    const C = join(work, 'c/user-update.md');
    mkdirSync(join(work, 'c'), { recursive: true });
    writeFileSync(C, original.replace('This property is required when a user is created and it can', 'It can'));
    expect(readFileSync(C, 'utf8')).not.toBe(original);
    const soft = await run(['drift', A, C, '--format', 'json']);
    const report = JSON.parse(soft.stdout) as { changes: { kind: string; breaking: { client: boolean; server: boolean } }[] };
    expect(report.changes.map((c) => [c.kind, c.breaking])).toEqual([['constraint-removed', { client: false, server: false }]]);
    expect(soft.code).toBe(0);
    expect((await run(['drift', A, C, '--fail-on', 'any'])).code).toBe(1);
  });

  it('--out writes the report atomically and says where on stderr', async () => {
    const out = join(work, 'reports/drift.md');
    const r = await run(['drift', A, B, '--format', 'md', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/4 changes, 4 breaking .* → .*drift\.md/);
    expect(readFileSync(out, 'utf8')).toContain('## docspec drift');
  });

  it.skipIf(!existsSync(join(CORPUS, 'graph-metadata/v1.0-Prod.csdl')))('docs vs CSDL through the CLI, the type named by --type', async () => {
    const csdl = join(CORPUS, 'graph-metadata/v1.0-Prod.csdl');
    const r = await run(['drift', 'spec/user-update.v1.0.json', csdl, '--type', 'microsoft.graph.user', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { b: { kind: string; operation: string }; changes: { kind: string; subject: string }[] };
    expect(report.b).toMatchObject({ kind: 'metadata', operation: 'microsoft.graph.user' });
    expect(report.changes.filter((c) => c.kind === 'type-disagrees').map((c) => c.subject)).toEqual(['ageGroup', 'consentProvidedForMinor']);
    const ambiguous = await run(['drift', 'spec/user-update.v1.0.json', csdl, '--type', 'user']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/^docspec: .*"user" is ambiguous: microsoft\.graph\.user, microsoft\.graph\.security\.user/);
  });

  it('bad input: one line, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['drift', A], /drift needs two inputs/],
      [['drift', A, B, '--format', 'pdf'], /--format must be text, md, json, junit, github, html, not "pdf"/],
      [['drift', A, B, '--fail-on', 'some'], /--fail-on must be client, server, breaking, any, none/],
      [['drift', A, B, '--work', 'x'], /--work applies to --docs/],
      [['drift', A, join(work, 'missing.md')], /cannot read .*missing\.md: no such file/],
      [['drift', 'spec/user-update.connector.json', A], /a connector spec; drift compares operation specs/],
      [['drift', A, B, '--type', 'x'], /--type applies when B is CSDL metadata/],
    ];
    const broken = join(work, 'broken.csdl');
    writeFileSync(broken, '<?xml version="1.0"?>\n<edmx:Edmx>\n  <Schema Namespace="x">\n    <EntityType Name="y">\n  </Schema>\n');
    cases.push([['drift', A, broken], /broken\.csdl:\d+:\d+: not CSDL metadata/]);
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('docspec matrix', () => {
  const specs = ['beta', 'v1.0', 'localtest', 'intune', 'connector'].map((v) => `spec/user-update.${v}.json`);

  it('markdown: one column per variant, differing cells bold', async () => {
    const r = await run(['matrix', ...specs]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| property | beta | v1.0 | localtest | intune | connector |');
    const row = r.stdout.split('\n').find((l) => l.startsWith('| **companyName** |'))!;
    // beta and v1.0 say 64 characters; localtest says nothing: the odd ones out are bold.
    expect(row).toContain('String<br>maxLength 64');
    expect(row.split(' | ').filter((c) => c.startsWith('**String'))).not.toHaveLength(0);
  });

  it('json: rows with cells per variant and a summary', async () => {
    const r = await run(['matrix', ...specs, '--format', 'json']);
    const m = JSON.parse(r.stdout) as { variants: { variant: string }[]; rows: { property: string; cells: ({ type: string } | null)[] }[] };
    expect(m.variants.map((v) => v.variant)).toEqual(['beta', 'v1.0', 'localtest', 'intune', 'connector']);
    const ageGroup = m.rows.find((x) => x.property === 'ageGroup')!;
    expect(ageGroup.cells.map((c) => c?.type ?? null)).toEqual(['ageGroup (enum)', 'ageGroup (enum)', 'String', null, 'String']);
  });

  it.skipIf(!hasApiReference)('pairs the variants of a page by its file name, not its title (channel-patch.md)', async () => {
    // The 2021 v1.0 page is titled "Patch channel", beta's "Update channel".
    const pages = ['v1.0', 'beta'].map((v) => join(API_REFERENCE_2021, v, 'api/channel-patch.md'));
    expect(pages.map((p) => /^# (.*)$/m.exec(readFileSync(p, 'utf8'))?.[1])).toEqual(['Patch channel', 'Update channel']);
    const r = await run(['matrix', ...pages, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout) as { operation: string; variants: { variant: string }[] };
    expect([m.operation, m.variants.map((v) => v.variant)]).toEqual(['channel-patch', ['v1.0', 'beta']]);
  });

  it('bad input: one line, exit 2', async () => {
    const r = await run(['matrix', specs[0]!, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^docspec: --format must be md, json, html, not "pdf"\n$/);
    expect((await run(['matrix', specs[0]!])).stderr).toMatch(/matrix needs at least two specs/);
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('has a GitHub Actions workflow that parses and uses only options docspec has', async () => {
    const { parse } = await import('yaml');
    const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Catch drift')))?.[1];
    expect(block).toBeDefined();
    const workflow = parse(block!) as { jobs: { drift: { steps: { run?: string }[] } } };
    const commands = workflow.jobs.drift.steps
      .flatMap((s) => (s.run ?? '').split('\n'))
      .map((l) => l.trim())
      .filter((l) => l.startsWith('npx docspec'));
    expect(commands.map((c) => c.split(' ')[2])).toEqual(['generate', 'drift', 'drift', 'drift']);
    for (const c of commands) {
      const command = c.split(' ')[2]!;
      const help = (await run([command, '--help'])).stdout + (command === 'generate' ? (await run(['--help'])).stdout : '');
      for (const option of c.match(/--[a-z-]+/g) ?? []) expect(help, `${command} ${option}`).toContain(option);
    }
  });

  it('lists every drift option', async () => {
    const help = (await run(['drift', '--help'])).stdout;
    for (const option of help.match(/^ {2}(--[a-z-]+)/gm) ?? []) expect(readme).toContain(`\`${option.trim()}`);
  });
});
