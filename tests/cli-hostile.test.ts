/**
 * Hostile and careless input: names that try to climb out of the output folders, includes that reach for
 * files outside the docs tree, pages in odd encodings and line endings. Every case ends with exit 0 and
 * output where it belongs, or exit 2 and one line naming the file; never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/pages.js';

const BIN = join(ROOT, 'bin/docspec.js');
const work = mkdtempSync(join(tmpdir(), 'docspec-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[], cwd = work) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A small but real page: a title, an HTTP request and a one-row table. */
const page = (title: string, extra = '') =>
  `# ${title}\n\n## HTTP request\n\n\`\`\`http\nPATCH /things/{id}\n\`\`\`\n\n## Request body\n\n| Property | Type | Description |\n|:--|:--|:--|\n| name | String | The name. The maximum length is 64 characters. |\n${extra}`;

/** Every file under a folder, as paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe('names cannot leave the output folders', () => {
  it('a title of ../../ is cleaned into a plain name, and everything lands inside the folders', () => {
    const dir = join(work, 'escape/a/b');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.md'), page('../../TITLE-ESCAPED'));
    const r = run(['generate', 'page.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(files(join(work, 'escape'))).toEqual([
      'a/b/gen/index.ts',
      'a/b/gen/runtime.ts',
      'a/b/gen/title-escaped/default.ts',
      'a/b/page.md',
      'a/b/spec/title-escaped.default.json',
    ]);
  });

  it('a title in another script still names a spec that docspec loads back', () => {
    const dir = join(work, 'script');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.md'), page('Mettre à jour l’utilisateur'));
    const r = run(['generate', 'page.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir);
    expect(r.code, r.stderr).toBe(0);
    const [spec] = readdirSync(join(dir, 'spec'));
    expect(spec).toBe('jour-lutilisateur-mettre.default.json');
    expect(run(['drift', `spec/${spec}`, `spec/${spec}`], dir).code).toBe(0);
  });

  it.each([
    ['--operation', '../../x'],
    ['--operation', 'A/B'],
    ['--variant', '../x'],
    ['--variant', '/tmp/x'],
  ])('%s %s is refused with one line, and nothing is written', (option, value) => {
    const dir = join(work, `opt-${option}-${value.replace(/\W/g, '_')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.md'), page('Update thing'));
    const r = run(['generate', 'page.md', option, value, '--spec-dir', 'spec', '--generated-dir', 'gen'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${option} must be`);
    expect(files(dir)).toEqual(['page.md']);
  });

  it('a config entry with a climbing variant is refused, naming the config and the page', () => {
    const dir = join(work, 'config');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.md'), page('Update thing'));
    writeFileSync(join(dir, 'docspec.config.json'), JSON.stringify({ pages: [{ file: 'page.md', variant: '../../up' }] }));
    const r = run(['generate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'docspec: docspec.config.json: page page.md: --variant must be letters, digits, dots, dashes and underscores (e.g. v1.0), not "../../up"',
    );
  });
});

describe('includes stay inside the docs tree', () => {
  it('an absolute or climbing [!INCLUDE] is left unresolved and its text never reaches the spec', () => {
    const tree = join(work, 'tree');
    const api = join(tree, 'docs/v1.0/api');
    mkdirSync(api, { recursive: true });
    mkdirSync(join(tree, 'docs/includes'), { recursive: true });
    writeFileSync(join(tree, 'secret.md'), '| Property | Type | Description |\n|:--|:--|:--|\n| SECRET_OUTSIDE | String | stolen |\n');
    writeFileSync(join(tree, 'docs/includes/inside.md'), 'INSIDE_TEXT is fine.\n');
    const includes = ['[!INCLUDE [a](../../includes/inside.md)]', `[!INCLUDE [b](${join(tree, 'secret.md')})]`, '[!INCLUDE [c](../../../secret.md)]'].join(
      '\n\n',
    );
    writeFileSync(join(api, 'page.md'), page('Update thing', `\n${includes}\n`));
    const r = run(['generate', 'docs/v1.0/api/page.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], tree);
    expect(r.code, r.stderr).toBe(0);
    const spec = readFileSync(join(tree, 'spec/thing-update.default.json'), 'utf8');
    expect(spec).not.toContain('SECRET_OUTSIDE');
    const parsed = JSON.parse(spec) as { page: { includes: { target: string; resolved: boolean }[] } };
    expect(parsed.page.includes.map((i) => i.resolved)).toEqual([true, false, false]);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: the tests edit raw spec JSON the way a person would
type Json = any;

describe('hand-edited specs that pass the schema', () => {
  const edited = (name: string, edit: (spec: Json) => void) => {
    const spec = JSON.parse(readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8'));
    edit(spec);
    const file = join(work, `${name}.json`);
    writeFileSync(file, JSON.stringify(spec, null, 2));
    return file;
  };
  const prop = (spec: Json, name: string) => spec.requestBody.properties.find((p: { name: string }) => p.name === name);

  it.each([
    [
      'empty-enum',
      (s: Json) => (prop(s, 'ageGroup').constraints.find((c: { kind: string }) => c.kind === 'enum').values = []),
      /ageGroup: an enum needs at least one value/,
    ],
    [
      'huge-length',
      (s: Json) => (prop(s, 'companyName').constraints.find((c: { kind: string }) => c.kind === 'maxLength').max = 2e9),
      /companyName: a maximum length must be an integer/,
    ],
    ['bad-method', (s: Json) => (s.http.method = 'FROB'), /\/http\/method "FROB" is not an HTTP method/],
    ['bad-pattern', (s: Json) => (s.requestBody.extensions.namePatterns = ['^(a+)+$']), /can backtrack catastrophically/],
  ])('%s: every command that reads it exits 2 with one line naming the file, line and JSON path', (name, edit, message) => {
    const file = edited(name, edit);
    for (const args of [
      ['certify', 'server', '--spec', file, '--base-url', 'http://127.0.0.1:9/v1.0', '--user-id', 'x', '--runs', '1'],
      ['openapi', '--spec', file],
      ['drift', file, join(ROOT, 'spec/user-update.v1.0.json')],
    ]) {
      const r = run(args);
      expect(r.code, `${name}: ${args[0]}`).toBe(2);
      expect(r.stderr.trim().split('\n'), `${name}: ${args[0]}`).toHaveLength(1);
      expect(r.stderr, `${name}: ${args[0]}`).toMatch(new RegExp(`^docspec: .*${name}\\.json:\\d+:\\d+: not a usable spec: `));
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('outputs that cannot be written', () => {
  // A path under a regular file cannot be written by anyone (root included), unlike a chmod-ed folder.
  const blocked = () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a folder');
    return join(file, 'out');
  };
  const spec = join(ROOT, 'spec/user-update.v1.0.json');

  it.each([
    [['certify', 'server', '--spec', spec, '--base-url', 'http://127.0.0.1:9/v1.0', '--user-id', 'x', '--report', '@/r.json'], '--report'],
    [['certify', 'server', '--spec', spec, '--base-url', 'http://127.0.0.1:9/v1.0', '--user-id', 'x', '--junit', '@/j.xml'], '--junit'],
    [['certify', 'connector', '--spec', spec, '--page', join(ROOT, 'spec/sources/connector/user-update.txt'), '--junit', '@/j.xml'], '--junit'],
    [['drift', spec, spec, '--out', '@/d.md'], '--out'],
    [['openapi', '--spec', spec, '--out', '@/o.json'], '--out'],
    [['matrix', spec, join(ROOT, 'spec/user-update.beta.json'), '--out', '@/m.md'], '--out'],
    [['generate', join(ROOT, 'spec/sources/intune/user-update.md'), '--spec-dir', '@/spec'], '--spec-dir'],
    [['generate', join(ROOT, 'spec/sources/intune/user-update.md'), '--spec-dir', join(work, 'ok-spec'), '--generated-dir', '@/gen'], '--generated-dir'],
    [['generate', '--docs', join(ROOT, 'tests/fixtures/docs-tree'), '--out', '@/tree'], '--out'],
  ])('%j: exit 2 before any work, one line naming the option and the path', (args, option) => {
    const target = blocked();
    const r = run(args.map((a) => a.replace('@', target)));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^docspec: cannot write ${option} .*a-file/out.*: a part of the path is a file, not a folder`));
    // certify never started: no progress header, no verdict.
    expect(r.stdout).toBe('');
  });
});
