/**
 * Hostile and careless input: names that try to climb out of the output folders, includes that reach for
 * files outside the docs tree, pages in odd encodings and line endings. Every case ends with exit 0 and
 * output where it belongs, or exit 2 and one line naming the file; never a stack trace.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[], cwd = work) => runCli(args, { cwd });

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
  it('a title of ../../ is cleaned into a plain name, and everything lands inside the folders', async () => {
    const dir = join(work, 'escape/a/b');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.md'), page('../../TITLE-ESCAPED'));
    const r = await run(['generate', 'page.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(files(join(work, 'escape'))).toEqual([
      'a/b/gen/index.ts',
      'a/b/gen/runtime.ts',
      'a/b/gen/title-escaped/default.ts',
      'a/b/page.md',
      'a/b/spec/title-escaped.default.json',
    ]);
  });

  it('a title in another script still names a spec that docspec loads back', async () => {
    const dir = join(work, 'script');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.md'), page('Mettre à jour l’utilisateur'));
    const r = await run(['generate', 'page.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir);
    expect(r.code, r.stderr).toBe(0);
    const [spec] = readdirSync(join(dir, 'spec'));
    expect(spec).toBe('jour-lutilisateur-mettre.default.json');
    expect((await run(['drift', `spec/${spec}`, `spec/${spec}`], dir)).code).toBe(0);
  });

  it.each([
    ['--operation', '../../x'],
    ['--operation', 'A/B'],
    ['--variant', '../x'],
    ['--variant', '/tmp/x'],
  ])('%s %s is refused with one line, and nothing is written', async (option, value) => {
    const dir = join(work, `opt-${option}-${value.replace(/\W/g, '_')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.md'), page('Update thing'));
    const r = await run(['generate', 'page.md', option, value, '--spec-dir', 'spec', '--generated-dir', 'gen'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${option} must be`);
    expect(files(dir)).toEqual(['page.md']);
  });

  it('a config entry with a climbing variant is refused, naming the config and the page', async () => {
    const dir = join(work, 'config');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.md'), page('Update thing'));
    writeFileSync(join(dir, 'docspec.config.json'), JSON.stringify({ pages: [{ file: 'page.md', variant: '../../up' }] }));
    const r = await run(['generate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'docspec: docspec.config.json: page page.md: --variant must be letters, digits, dots, dashes and underscores (e.g. v1.0), not "../../up"',
    );
  });
});

describe('includes stay inside the docs tree', () => {
  it('an absolute or climbing [!INCLUDE] is left unresolved and its text never reaches the spec', async () => {
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
    const r = await run(['generate', 'docs/v1.0/api/page.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], tree);
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
  ])('%s: certify exits 2 before any request, one line naming the file, line and JSON path', async (name, edit, message) => {
    const file = edited(name, edit);
    const r = await run(['certify', 'server', '--spec', file, '--base-url', 'http://127.0.0.1:9/v1.0', '--user-id', 'x', '--runs', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^docspec: .*${name}\\.json:\\d+:\\d+: not a usable spec: `));
    expect(r.stderr).toMatch(message);
  });

  it('every other command that reads a spec refuses it the same way', async () => {
    const file = edited('bad-method-2', (s: Json) => {
      s.http.method = 'FROB';
    });
    for (const args of [
      ['openapi', '--spec', file],
      ['drift', file, join(ROOT, 'spec/user-update.v1.0.json')],
    ]) {
      const r = await run(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim(), args[0]).toMatch(/^docspec: .*bad-method-2\.json:\d+:\d+: not a usable spec: \/http\/method "FROB" is not an HTTP method/);
    }
  });
});

describe('a spec nested thousands deep', () => {
  it('every command that reads it refuses it in one line at the bracket, instead of overflowing the stack', async () => {
    // Written as text: nothing recursive may build it either.
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const text = readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8').replace('"formatVersion"', `"x": ${deep}, "formatVersion"`);
    const file = join(work, 'deep.json');
    writeFileSync(file, text);
    // The file's own brace is the first level: the 256th bracket is the 257th level, the first too deep.
    const at = `2:${text.split('\n')[1]!.indexOf('[') + 256}`;
    for (const args of [
      ['openapi', '--spec', file],
      ['json-schema', '--spec', file],
      ['drift', file, join(ROOT, 'spec/user-update.v1.0.json')],
      ['certify', 'server', '--spec', file, '--base-url', 'http://127.0.0.1:9/v1.0'],
    ]) {
      const r = await run(args);
      expect([r.code, r.stderr.trim()], args[0]).toEqual([
        2,
        `docspec: ${file.replace(`${process.cwd()}/`, '')}:${at}: not a usable spec: nested deeper than 256 levels`,
      ]);
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
  ])('%j: exit 2 before any work, one line naming the option and the path', async (args, option) => {
    const target = blocked();
    const r = await run(args.map((a) => a.replace('@', target)));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^docspec: cannot write ${option} .*a-file/out.*: a part of the path is a file, not a folder`));
    // certify never started: no progress header, no verdict.
    expect(r.stdout).toBe('');
  });
});

describe('pages that would cost too much, or are not what they seem', () => {
  const write = (name: string, content: string | Buffer) => {
    const file = join(work, name);
    writeFileSync(file, content);
    return file;
  };
  const generate = (file: string) => run(['generate', file, '--spec-dir', join(work, 'budget-spec'), '--generated-dir', join(work, 'budget-gen')]);
  const head = '# Update thing\n\n## HTTP request\n\n```http\nPATCH /things/{id}\n```\n\n';

  it.each([
    ['size', `${page('Update thing')}${'x'.repeat(1_200_000)}\n`, /The page is 1\.1 MB; docspec reads pages up to 1 MB\s+page-too-large/],
    ['blockquotes', `${head}${'>'.repeat(100_000)} x\n`, /Line 9 has blockquotes nested more than 64 deep.*page-too-large/],
    ['a delimiter run', `${head}${'*'.repeat(100_000)}\n`, /Line 9 has a run of 100000 "\*" characters.*page-too-large/],
    [
      'a list 1,000 deep',
      `${head}${Array.from({ length: 1000 }, (_, k) => `${'  '.repeat(k)}- x`).join('\n')}\n`,
      /more than 256 characters of indentation.*page-too-large/,
    ],
    [
      // 1,000 columns in 480 rows: 1.2 GB and a page-failed timeout before this budget.
      'a table of 480,000 cells',
      `${head}## Request body\n\n${Array.from({ length: 482 }, (_, k) => `|${Array.from({ length: 1000 }, () => (k === 1 ? '-' : 'a')).join('|')}|`).join('\n')}\n`,
      /Line 30 takes the page over 20,000 "\|" characters \(table cells\).*page-too-large/,
    ],
  ])('%s over budget: refused at once with a page-too-large error, exit 1', async (name, text, message) => {
    const r = await generate(write(`budget-${name.replace(/\W/g, '_')}.md`, text));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('CR-only line endings read like LF: the table, the path and the permissions are all found', async () => {
    const lf = `${page('Update thing')}\n## Permissions\n\n|Permission type|Permissions|\n|:--|:--|\n|Application|Thing.ReadWrite.All|\n`;
    const dirs = (d: string) => ['--spec-dir', join(work, d), '--generated-dir', join(work, `${d}-gen`)];
    expect((await run(['generate', write('lf.md', lf), ...dirs('lf')])).code).toBe(0);
    expect((await run(['generate', write('cr.md', lf.replace(/\n/g, '\r')), ...dirs('cr')])).code).toBe(0);
    // The same spec but for the file name each cites.
    const read = (d: string) => JSON.parse(readFileSync(join(work, d, 'thing-update.default.json'), 'utf8').replaceAll(`/${d}.md"`, '/page.md"'));
    const [a, b] = [read('lf'), read('cr')];
    expect(b.requestBody.properties.map((p: { name: string }) => p.name)).toEqual(['name']);
    expect(b.http.paths.map((p: { template: string }) => p.template)).toEqual(['/things/{id}']);
    expect(b.permissions.length).toBe(1);
    expect(b).toEqual(a);
  });

  it('invalid UTF-8 is refused with the line of the first bad byte', async () => {
    const r = await generate(
      write('latin1.md', Buffer.concat([Buffer.from('# Update thing\n\nline two\n'), Buffer.from([0xff, 0xfe]), Buffer.from(' bad\n')])),
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^docspec: .*latin1\.md:4: not UTF-8 text/);
  });

  it('certify connector refuses a binary or field-less page instead of passing it', async () => {
    const spec = join(ROOT, 'spec/user-update.v1.0.json');
    const binary = await run(['certify', 'connector', '--spec', spec, '--page', write('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))]);
    expect(binary.code).toBe(2);
    expect(binary.stderr.trim()).toMatch(/bin\.txt(:1)?: (not UTF-8 text|the file is binary)/);
    const empty = await run(['certify', 'connector', '--spec', spec, '--page', write('prose.txt', 'Update User\n\nJust some words about users.\n')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/prose\.txt: not a connector action description/);
  });

  it('example keys constructor and __proto__ are ordinary keys: their lines are right and the spec loads back', async () => {
    const dir = join(work, 'proto');
    mkdirSync(dir, { recursive: true });
    const example =
      '\n## Example\n\n### Request\n\n```http\nPATCH https://graph.microsoft.com/v1.0/things/{id}\nContent-type: application/json\n\n{\n  "constructor": "x",\n  "__proto__": "y",\n  "name": "z"\n}\n```\n';
    writeFileSync(join(dir, 'page.md'), page('Update thing', example));
    const r = await run(['generate', 'page.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'page.md'), 'utf8').split('\n');
    for (const key of ['constructor', '__proto__']) {
      const line = new RegExp(`^page\\.md:(\\d+):\\d+ warning Example .* sends \`${key}\``, 'm').exec(r.stderr)?.[1];
      expect(line, key).toBeDefined();
      expect(lines[Number(line) - 1], key).toContain(`"${key}"`);
    }
    expect((await run(['drift', 'spec/thing-update.v1.0.json', 'spec/thing-update.v1.0.json'], dir)).code).toBe(0);
  });
});

describe('certify setup mistakes are usage errors, and never echo the secret', () => {
  const spec = join(ROOT, 'spec/user-update.v1.0.json');
  it('credentials in --base-url', async () => {
    const r = await run(['certify', 'server', '--spec', spec, '--base-url', 'http://admin:hunter2@127.0.0.1:9/v1.0', '--user-id', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('docspec: --base-url must not carry credentials (user:password@host); give a token with --token or $DOCSPEC_TOKEN');
  });

  it('a token that cannot be a header value, from --token or the environment', async () => {
    const a = await run(['certify', 'server', '--spec', spec, '--base-url', 'http://127.0.0.1:9/v1.0', '--user-id', 'x', '--token', 'sec\nret-zqSECRETzq']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^docspec: the token \(--token\) cannot be sent in an Authorization header/);
    const b = await runCli(['certify', 'server', '--spec', spec, '--base-url', 'http://127.0.0.1:9/v1.0', '--user-id', 'x'], {
      cwd: work,
      env: { DOCSPEC_TOKEN: 'sécret-€-zqSECRETzq' },
    });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^docspec: the token \(\$DOCSPEC_TOKEN\) cannot be sent/);
    for (const out of [a.stderr, a.stdout, b.stderr, b.stdout]) expect(out).not.toContain('zqSECRETzq');
  });
});

describe('no stale output', () => {
  it('a corpus run without a usable cache still removes the outputs of pages that are gone', async () => {
    const tree = join(work, 'stale-tree');
    cpSync(join(ROOT, 'tests/fixtures/docs-tree'), tree, { recursive: true });
    const out = join(work, 'stale-out');
    expect((await run(['generate', '--docs', tree, '--out', out])).code).toBe(0);
    expect(files(join(out, 'spec'))).toEqual(['odd-update.v1.0.json', 'widget-get.v1.0.json', 'widget-update.v1.0.json']);
    rmSync(join(tree, 'v1.0/api/widget-get.md'));
    for (const [how, prepare] of [
      ['--no-cache', () => undefined],
      ['a corrupt cache', () => writeFileSync(join(out, '.docspec-cache.json'), '{ not json')],
    ] as const) {
      // Put the stale outputs back, as an earlier run without this page's removal would have left them.
      writeFileSync(join(out, 'spec/widget-get.v1.0.json'), '{}');
      mkdirSync(join(out, 'generated/widget-get'), { recursive: true });
      writeFileSync(join(out, 'generated/widget-get/v1.0.ts'), 'export {};');
      prepare();
      const r = await run(['generate', '--docs', tree, '--out', out, ...(how === '--no-cache' ? ['--no-cache'] : [])]);
      expect(r.code, `${how}: ${r.stderr}`).toBe(0);
      expect(files(join(out, 'spec')), how).toEqual(['odd-update.v1.0.json', 'widget-update.v1.0.json']);
      expect(files(join(out, 'generated')), how).not.toContain('widget-get/v1.0.ts');
      expect(readFileSync(join(out, 'generated/index.ts'), 'utf8'), how).not.toContain('widget-get');
    }
    // And what is left is exactly what a clean run writes, file for file.
    const clean = join(work, 'stale-clean');
    expect((await run(['generate', '--docs', tree, '--out', clean])).code).toBe(0);
    for (const dir of ['spec', 'generated']) {
      expect(files(join(out, dir))).toEqual(files(join(clean, dir)));
      for (const f of files(join(clean, dir))) expect(readFileSync(join(out, dir, f), 'utf8'), f).toBe(readFileSync(join(clean, dir, f), 'utf8'));
    }
  });

  it('generating one page adds it to generated/index.ts instead of replacing what is there', async () => {
    const dir = join(work, 'index');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.md'), page('Update thing'));
    writeFileSync(join(dir, 'b.md'), page('Update gadget'));
    expect((await run(['generate', 'a.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir)).code).toBe(0);
    expect((await run(['generate', 'b.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir)).code).toBe(0);
    const index = readFileSync(join(dir, 'gen/index.ts'), 'utf8');
    expect(index).toContain('from "./thing-update/default.js"');
    expect(index).toContain('from "./gadget-update/default.js"');
  });
});

describe('control characters in the docs never reach the terminal raw', () => {
  it('diagnostics, drift reports and error lines escape them', async () => {
    const dir = join(work, 'ansi');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.md'), page('Update thing', '| nick | foo\x1b[31mALERT\x1b[0m | The nickname. |\n'));
    const gen = await run(['generate', 'a.md', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir);
    expect(gen.code, gen.stderr).toBe(0);
    writeFileSync(join(dir, 'b.md'), page('Update thing'));
    expect((await run(['generate', 'b.md', '--variant', 'b', '--spec-dir', 'spec', '--generated-dir', 'gen'], dir)).code).toBe(0);
    const drift = await run(['drift', 'spec/thing-update.default.json', 'spec/thing-update.b.json', '--fail-on', 'none'], dir);
    const md = await run(['drift', 'spec/thing-update.default.json', 'spec/thing-update.b.json', '--fail-on', 'none', '--format', 'md'], dir);
    const bad = await run(['generate', `page\x1b[2J.md`], dir);
    for (const out of [gen.stderr, drift.stdout, md.stdout, bad.stderr]) {
      expect(out.includes('\x1b') || out.includes('\r'), out).toBe(false);
    }
    expect(gen.stderr).toContain('foo\\x1b[31mALERT\\x1b[0m');
    expect(bad.stderr).toContain('page\\x1b[2J.md');
  });
});
