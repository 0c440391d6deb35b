/**
 * `docspec generate --docs` on a small docs tree (the fixture pages plus 30 generated ones, enough for the
 * worker threads): what it writes, what the coverage report says, which pages a re-run redoes after each kind
 * of change, and the one-line errors for bad input.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import type { CoverageReport } from '../generator/corpus/coverage.js';
import { ROOT } from './support/pages.js';

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const work = mkdtempSync(join(tmpdir(), 'docspec-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[], cwd = work) => runCli(args, { cwd, env: { CI: 'true' } });

// With the fixture's three, just over the 32 pages from which a run spreads over worker threads.
const GADGETS = 30;
const tree = join(work, 'docs');
const api = join(tree, 'v1.0/api');
cpSync(join(ROOT, 'tests/fixtures/docs-tree'), tree, { recursive: true });
for (let i = 1; i <= GADGETS; i++) {
  writeFileSync(
    join(api, `gadget${i}-update.md`),
    [
      '---',
      `title: "Update gadget${i}"`,
      '---',
      '',
      `# Update gadget${i}`,
      '',
      '## HTTP request',
      '',
      '```http',
      `PATCH /gadgets${i}/{id}`,
      '```',
      '',
      '## Request body',
      '',
      '| Property | Type | Description |',
      '|:--|:--|:--|',
      `| label | String | The label. The maximum length is ${i} characters. |`,
      '| part | [gizmoPart](../resources/gizmopart.md) | The part it is built around. |',
      '',
      '## Response',
      '',
      'If successful, this method returns a `204 No Content` response code.',
      '',
    ].join('\n'),
  );
}
const PAGES = GADGETS + 3;
const out = join(work, 'out');
const coverage = () => JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8')) as CoverageReport;
/**
 * Re-runs of the tree: one worker, since what they test is the cache and each worker loads the emitter anew.
 * The first run and the fresh run below use two, and `--jobs 1` is compared with them.
 */
const generate = (...extra: string[]) => run(['generate', '--docs', 'docs', '--out', 'out', '--jobs', '1', ...extra]);

describe('generate --docs', () => {
  it('writes a spec and a generated file per page, the coverage report and a summary by rule', async () => {
    const r = await run(['generate', '--docs', 'docs', '--out', 'out', '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`docspec: ${PAGES} api pages (v1.0 ${PAGES}): ${PAGES} generated, 0 from the cache, 0 failed`);
    expect(r.stderr).toContain('on 2 threads');
    // Not a terminal: no progress bar redraws in the log.
    expect(r.stderr).not.toContain('\r');
    // One per gadget page; the odd page's Type cell is no type at all: any value, with its own `type-unparsed`.
    expect(r.stderr).toMatch(new RegExp(`diagnostics by rule:\\n\\s+${GADGETS} {2}warning {2}unresolved-type`));
    expect(r.stderr).toMatch(/\n\s+1 {2}warning {2}type-unparsed/);
    for (const f of [
      'spec/widget-update.v1.0.json',
      'generated/widget-update/v1.0.ts',
      'spec/gadget7-update.v1.0.json',
      'generated/index.ts',
      'generated/runtime.ts',
      'coverage.md',
      'diagnostics.txt',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const index = readFileSync(join(out, 'generated/index.ts'), 'utf8');
    expect(index.match(/^export \* as /gm)).toHaveLength(PAGES);

    const c = coverage().versions[0]!;
    expect(c).toMatchObject({ version: 'v1.0', pages: PAGES, failedPages: [], pagesWithRequestTable: PAGES - 1, pagesWithAllRowsExtracted: PAGES - 1 });
    // widget-update: 5 rows; odd-update: 4; each gadget: 2.
    expect(c.tableRows).toBe(5 + 4 + 2 * GADGETS);
    expect(c.properties).toBe(c.tableRows);
    expect(c.types.topUnresolved[0]).toEqual({ name: 'gizmoPart', count: GADGETS });
    expect(c.constraintsByRule.find((x) => x.rule === 'max-length')?.count).toBe(1 + GADGETS);
    expect(c.examples).toMatchObject({ checked: 1, valid: 0, invalid: 1 });
    expect(c.docBugs.list.map((b) => `${b.rule} ${b.line}`)).toEqual(['example-type-mismatch 56', 'example-unknown-property 57', 'example-type-mismatch 58']);
    // Named by its path inside the tree: the same from any working folder.
    expect(c.docBugs.list[0]!.file).toBe('v1.0/api/widget-update.md');

    const spec = JSON.parse(readFileSync(join(out, 'spec/widget-update.v1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const valid = ajv.validate(JSON.parse(readFileSync(join(ROOT, 'spec/spec.schema.json'), 'utf8')), spec);
    expect(valid, JSON.stringify(ajv.errors)).toBe(true);
    expect(spec).toMatchObject({ operation: 'widget-update', variant: 'v1.0' });
    expect(spec.types.widgetColor).toMatchObject({ kind: 'enum', values: ['red', 'blue'] });
  });

  it('emits code that type-checks with tsc -p OUT, whatever the page text (the odd page)', async () => {
    const odd = readFileSync(join(out, 'generated/odd-update/v1.0.ts'), 'utf8');
    expect(odd).toContain('"__proto__"?: string | null;');
    expect(odd).toContain('*\\/ and opens a template');
    const r = await promisify(execFile)(process.execPath, [TSC, '-p', out], { encoding: 'utf8' }).then(
      () => ({ code: 0, out: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('a run of few pages keeps the TypeScript of a page whose spec did not change, and emits the rest as workers would', async () => {
    // A blank line appended changes neither spec: both pages are redone, and their files stay as the
    // workers of the first run (43 pages) wrote them.
    const files = ['generated/odd-update/v1.0.ts', 'generated/widget-update/v1.0.ts', 'spec/widget-update.v1.0.json'];
    const byWorkers = files.map((f) => readFileSync(join(out, f), 'utf8'));
    for (const page of ['odd-update.md', 'widget-update.md']) appendFileSync(join(api, page), '\n');
    // A resolve hook records every time a thread of the run resolves ts-morph.
    const loads = join(work, 'ts-morph-loads.txt');
    const recording = {
      cwd: work,
      nodeArgs: ['--import', join(ROOT, 'tests/fixtures/loads/record-ts-morph.mjs')],
      env: { CI: 'true', DOCSPEC_TEST_RECORD: loads },
    };
    let r = await runCli(['generate', '--docs', 'docs', '--out', 'out', '--jobs', '2'], recording);
    expect(r.stderr).toContain(`2 generated, ${PAGES - 2} from the cache`);
    expect(files.map((f) => readFileSync(join(out, f), 'utf8'))).toEqual(byWorkers);
    // Kept: nothing was emitted, so ts-morph was never loaded.
    expect(existsSync(loads)).toBe(false);

    // A rule edited changes the spec: the main thread emits the page, byte for byte what the workers of a
    // whole run from scratch write for the same text.
    const widget = join(api, 'widget-update.md');
    writeFileSync(widget, readFileSync(widget, 'utf8').replace('maximum length is 64', 'maximum length is 48'));
    r = await runCli(['generate', '--docs', 'docs', '--out', 'out', '--jobs', '2'], recording);
    expect(r.stderr).toContain(`1 generated, ${PAGES - 1} from the cache`);
    // The hook itself works: this run emitted, and loaded ts-morph to do it.
    expect(readFileSync(loads, 'utf8')).toContain('ts-morph');
    const fresh = await run(['generate', '--docs', 'docs', '--out', 'out-fresh', '--jobs', '2', '--no-cache']);
    expect(fresh.code, fresh.stderr).toBe(0);
    for (const f of files) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(work, 'out-fresh', f), 'utf8'));
    expect(readFileSync(join(out, 'generated/widget-update/v1.0.ts'), 'utf8')).toContain('48');
    writeFileSync(widget, readFileSync(widget, 'utf8').replace('maximum length is 48', 'maximum length is 64'));
    r = await generate();
    expect(files.map((f) => readFileSync(join(out, f), 'utf8'))).toEqual(byWorkers);
  });

  it('keeps parsed resource pages between runs, one model per page text, pruned when no page reads it', async () => {
    const models = join(out, '.docspec-models');
    const names = () => readdirSync(models).sort();
    // The fixture's three resource pages and the gadgets' missing one (looked for, never parsed).
    expect(names()).toHaveLength(3);
    // A model that cannot be read is parsed again: the outputs do not change.
    const before = readFileSync(join(out, 'spec/widget-update.v1.0.json'), 'utf8');
    for (const name of names()) writeFileSync(join(models, name), '{ not json');
    appendFileSync(join(api, 'widget-update.md'), '\n');
    let r = await generate();
    expect(r.stderr).toContain(`1 generated, ${PAGES - 1} from the cache`);
    expect(readFileSync(join(out, 'spec/widget-update.v1.0.json'), 'utf8')).toBe(before);
    // The next run reads the kept model instead of parsing the page: a member added to the model (and only
    // there) shows in the spec of a page redone.
    const colourModel = names().find((n) => readFileSync(join(models, n), 'utf8').includes('widgetColor enum type'))!;
    const model = readFileSync(join(models, colourModel), 'utf8');
    writeFileSync(join(models, colourModel), model.replace('"text":"blue"', '"text":"green"'));
    appendFileSync(join(api, 'widget-update.md'), '\n');
    r = await generate();
    expect(readFileSync(join(out, 'spec/widget-update.v1.0.json'), 'utf8')).toContain('"green"');
    writeFileSync(join(models, colourModel), model);
    appendFileSync(join(api, 'widget-update.md'), '\n');
    r = await generate();
    expect(readFileSync(join(out, 'spec/widget-update.v1.0.json'), 'utf8')).toBe(before);
    // A resource page edited gets a model of its new text; the old one goes.
    const colour = join(tree, 'v1.0/resources/widgetcolor.md');
    const old = names();
    appendFileSync(colour, '\nA note.\n');
    r = await generate();
    expect(r.code, r.stderr).toBe(0);
    expect(names()).toHaveLength(3);
    expect(names().filter((n) => !old.includes(n))).toHaveLength(1);
    // --no-cache neither reads nor keeps models.
    rmSync(models, { recursive: true });
    r = await generate('--no-cache');
    expect(existsSync(models)).toBe(false);
  });

  it('re-runs from the cache, redoing only the pages whose text or dependencies changed', async () => {
    const specFile = join(out, 'spec/widget-update.v1.0.json');
    const before = statSync(specFile).mtimeMs;
    let r = await generate();
    expect(r.stderr).toContain(`0 generated, ${PAGES} from the cache`);
    expect(statSync(specFile).mtimeMs).toBe(before);

    // The page itself.
    writeFileSync(join(api, 'widget-update.md'), readFileSync(join(api, 'widget-update.md'), 'utf8').replace('maximum length is 64', 'maximum length is 32'));
    r = await generate();
    expect(r.stderr).toContain(`1 generated, ${PAGES - 1} from the cache`);
    expect(readFileSync(specFile, 'utf8')).toContain('"max": 32');

    // A resource page it read: the owner type gains `team`, so the example's `owner.team` is no longer a bug.
    appendFileSync(join(tree, 'v1.0/resources/widgetowner.md'), "| team | String | The owner's team. |\n");
    r = await generate();
    expect(r.stderr).toContain(`1 generated, ${PAGES - 1} from the cache`);
    expect(coverage().versions[0]!.docBugs.count).toBe(2);

    // A resource page that was missing appears: every page that looked for it is redone.
    writeFileSync(
      join(tree, 'v1.0/resources/gizmopart.md'),
      '---\ntitle: "gizmoPart resource type"\n---\n\n# gizmoPart resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| serial | String | The serial number. |\n',
    );
    r = await generate();
    expect(r.stderr).toContain(`${GADGETS} generated, 3 from the cache`);
    expect(coverage().versions[0]!.types.topUnresolved.map((t) => t.name)).toEqual(['odd*/Type']);

    // A page that is gone takes its outputs with it.
    rmSync(join(api, 'gadget3-update.md'));
    r = await generate();
    expect(r.stderr).toContain(`0 generated, ${PAGES - 1} from the cache, 0 failed, 1 removed`);
    expect(existsSync(join(out, 'spec/gadget3-update.v1.0.json'))).toBe(false);
    expect(existsSync(join(out, 'generated/gadget3-update/v1.0.ts'))).toBe(false);
    expect(readFileSync(join(out, 'generated/index.ts'), 'utf8')).not.toContain('./gadget3-update/');

    // A deleted output is written again.
    rmSync(join(out, 'generated/gadget4-update/v1.0.ts'));
    r = await generate();
    expect(r.stderr).toContain(`1 generated, ${PAGES - 2} from the cache`);

    r = await generate('--no-cache');
    expect(r.stderr).toContain(`${PAGES - 1} generated, 0 from the cache`);
  });

  it('runs on one worker with --jobs 1 and gives the same outputs', async () => {
    const threaded = readFileSync(join(out, 'spec/gadget9-update.v1.0.json'), 'utf8');
    const r = await run(['generate', '--docs', 'docs', '--out', 'out1', '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('threads');
    expect(readFileSync(join(work, 'out1/spec/gadget9-update.v1.0.json'), 'utf8')).toBe(threaded);
    expect(readFileSync(join(work, 'out1/coverage.json'), 'utf8')).toBe(readFileSync(join(out, 'coverage.json'), 'utf8'));
  });

  it.each([
    [['generate', '--docs', 'nowhere'], /^docspec: --docs nowhere: no such directory\n$/],
    [['generate', '--docs', 'docs/v1.0/resources'], /^docspec: --docs docs\/v1\.0\/resources: no api\/ folder in it or in its subfolders .*\n$/],
    [['generate', 'page.md', '--docs', 'docs'], /^docspec: --docs reads a whole docs tree: drop page\.md\n$/],
    [['generate', '--docs', 'docs', '--check'], /^docspec: --docs reads a whole docs tree: drop --check\n$/],
    [['generate', '--out', 'x'], /^docspec: --out applies to a docs tree: give --docs DIR\n$/],
    [['generate', '--docs', 'docs', '--jobs', '0'], /^docspec: --jobs must be an integer ≥ 1 .*\n$/],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('takes a version folder itself as the tree', async () => {
    const r = await run(['generate', '--docs', 'docs/v1.0', '--out', 'out2', '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/api pages \(v1\.0 \d+\)/);
  });

  it('reads Microsoft metadata with --metadata, naming the version; refuses it unnamed or without --docs', async () => {
    // An action page whose example sends `"isOn": "true"` where its table says Boolean: with only the page, the
    // table's type is suspect; the metadata declaring the action's parameter Edm.Boolean makes it a doc bug.
    const meta = join(work, 'meta/v1.0/api');
    mkdirSync(meta, { recursive: true });
    writeFileSync(
      join(meta, 'widget-switch.md'),
      [
        '# widget: switch',
        '',
        '## HTTP request',
        '',
        '```http',
        'POST /widgets/{id}/switch',
        '```',
        '',
        '## Request body',
        '',
        '| Parameter | Type | Description |',
        '|:--|:--|:--|',
        '| isOn | Boolean | Whether the widget is on. |',
        '',
        '## Example',
        '',
        '<!-- { "blockType": "request", "name": "switch_widget" } -->',
        '```http',
        'POST https://graph.microsoft.com/v1.0/widgets/1/switch',
        'Content-type: application/json',
        '',
        '{ "isOn": "true" }',
        '```',
        '',
      ].join('\n'),
    );
    const csdl = join(work, 'tiny.csdl');
    writeFileSync(
      csdl,
      '<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices><Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="widget"><Property Name="name" Type="Edm.String" /></EntityType><Action Name="switch" IsBound="true"><Parameter Name="bindingParameter" Type="microsoft.graph.widget" /><Parameter Name="isOn" Type="Edm.Boolean" /></Action></Schema></edmx:DataServices></edmx:Edmx>\n',
    );
    const verdicts = (dir: string) =>
      (JSON.parse(readFileSync(join(work, dir, 'coverage.json'), 'utf8')) as CoverageReport).versions[0]!.examples.refused.map((r) => [r.verdict, r.why]);
    const alone = await run(['generate', '--docs', 'meta', '--out', 'out3', '--jobs', '1']);
    expect(alone.code, alone.stderr).toBe(0);
    expect(verdicts('out3')).toEqual([['rule-suspect', 'one source states the type']]);
    const ok = await run(['generate', '--docs', 'meta', '--out', 'out4', '--jobs', '1', '--metadata', `v1.0=${csdl}`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(verdicts('out4')).toEqual([['doc-bug', 'the table and the metadata (tiny.csdl:1, Edm.Boolean) both type `isOn` Boolean']]);
    const unnamed = await run(['generate', '--docs', 'meta', '--out', 'out5', '--metadata', csdl]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr.trim()).toMatch(/^docspec: --metadata .*tiny\.csdl: say which version it describes, e\.g\. --metadata v1\.0=/);
    const pages = await run(['generate', join(api, 'gadget1-update.md'), '--metadata', `v1.0=${csdl}`]);
    expect(pages.code).toBe(2);
    expect(pages.stderr).toContain('--metadata applies to a docs tree: give --docs DIR');
  });
});
