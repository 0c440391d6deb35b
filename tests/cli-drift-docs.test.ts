/**
 * `docspec drift --docs` as a docs team runs it day to day: one work folder for every comparison, so the
 * cache and the outputs of one pair of trees must never stand in for another's; and a changed page that
 * cannot be compared fails the run instead of passing unseen.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-drift-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIXTURE = join(ROOT, 'tests/fixtures/docs-tree');
function tree(name: string, edit?: (page: string) => string, file = 'widget-update.md'): string {
  const dir = join(work, name);
  cpSync(FIXTURE, dir, { recursive: true });
  if (edit) {
    const page = join(dir, 'v1.0/api', file);
    writeFileSync(page, edit(readFileSync(page, 'utf8')));
  }
  return dir;
}

interface TreeJson {
  pages: { base: number; head: number; unchanged: number };
  uncompared: { page: string; why: string }[];
  operations: { changes: { kind: string; subject: string }[] }[];
}

const drift = async (base: string, head: string) => {
  const r = await runCli(['drift', '--docs', base, head, '--work', join(work, 'out'), '--format', 'json', '--quiet'], { env: { CI: 'true' } });
  return { ...r, report: JSON.parse(r.stdout) as TreeJson };
};
const changes = (t: TreeJson) => t.operations.flatMap((o) => o.changes.map((c) => `${c.kind} ${c.subject}`)).sort();

describe('drift --docs in one work folder', () => {
  const base = tree('base');
  const same = tree('same');
  const head = tree('head', (p) =>
    p
      .replace('| size | Int32 | How big the widget is. |', '| size | String | How big the widget is. |')
      .replace('maximum length is 64', 'maximum length is 32'),
  );

  it('an identical copy: exit 0 and nothing reported', async () => {
    const r = await drift(base, same);
    expect(r.code, r.stderr).toBe(0);
    expect(changes(r.report)).toEqual([]);
    expect(r.report.pages).toEqual({ base: 3, head: 3, unchanged: 3 });
  });

  it('then another head in the same folder: every edit reported, exit 1, every output of the run there', async () => {
    const r = await drift(base, head);
    expect(r.code, r.stderr).toBe(1);
    expect(changes(r.report)).toEqual(['constraint-tightened name', 'type-changed size']);
    expect(r.report.uncompared).toEqual([]);
    expect(readdirSync(join(work, 'out/head/spec')).sort()).toEqual(['odd-update.v1.0.json', 'widget-get.v1.0.json', 'widget-update.v1.0.json']);
    // And back: the first pair still compares as it did.
    const again = await drift(base, same);
    expect([again.code, changes(again.report)]).toEqual([0, []]);
  });

  it('annotates the page by its path inside the tree, with --path-prefix before it; no report names a work folder', async () => {
    const args = ['drift', '--docs', base, head, '--work', join(work, 'out'), '--format', 'github', '--quiet'];
    const plain = await runCli(args, { env: { CI: 'true' } });
    expect(plain.code, plain.stderr).toBe(1);
    const files = (out: string) => [...out.matchAll(/^::\w+ file=([^,]+),line=\d+/gm)].map((m) => m[1]);
    expect(files(plain.stdout)).toEqual(['v1.0/api/widget-update.md', 'v1.0/api/widget-update.md']);
    const prefixed = await runCli([...args, '--path-prefix', 'api-reference'], { env: { CI: 'true' } });
    expect(files(prefixed.stdout)).toEqual(['api-reference/v1.0/api/widget-update.md', 'api-reference/v1.0/api/widget-update.md']);
    // The roots are named once, as given; every source is a path inside the tree.
    const json = await drift(base, head);
    expect(JSON.stringify(json.report.operations)).not.toContain(work);
    expect(JSON.stringify(json.report.operations)).not.toContain('head/');
  });

  it('a page only in HEAD is an operation added, both sides named by its path inside the tree', async () => {
    const grown = tree('grown');
    cpSync(join(grown, 'v1.0/api/widget-update.md'), join(grown, 'v1.0/api/gadget-update.md'));
    const r = await drift(base, grown);
    const report = r.report as TreeJson & { operations: { a: { file: string }; b: { file: string }; changes: { kind: string }[] }[] };
    const added = report.operations.find((o) => o.changes.some((c) => c.kind === 'operation-added'));
    expect(added).toMatchObject({ a: { file: 'v1.0/api/gadget-update.md' }, b: { file: 'v1.0/api/gadget-update.md' } });
  });

  it('a changed page one side cannot read is listed as not compared and fails the run with exit 2', async () => {
    const broken = tree('broken', (p) => `${p}\n${'x'.repeat(1_100_000)}\n`);
    const r = await drift(base, broken);
    expect(r.code).toBe(2);
    expect(r.report.uncompared).toEqual([{ page: 'v1.0/widget-update.md', why: expect.stringMatching(/^HEAD could not read it \(see .*diagnostics\.txt\)$/) }]);
    expect(r.stderr).toMatch(/^docspec: v1\.0\/widget-update\.md changed but could not be compared: HEAD could not read it/m);
  });
});

describe('drift --docs on roots that hold api/ directly', () => {
  /** A checkout of the version folder alone, under a name that is no version. */
  const bare = (name: string, from: string) => {
    const dir = join(work, name);
    cpSync(join(from, 'v1.0'), dir, { recursive: true });
    return dir;
  };
  const base = bare('old', tree('old-src'));
  const head = bare(
    'new',
    tree('new-src', (p) => p.replace('| size | Int32 | How big the widget is. |', '| size | String | How big the widget is. |')),
  );

  it('named with --variant: the same pages pair and the same changes show as with version folders', async () => {
    const args = ['drift', '--docs', base, head, '--variant', 'v1.0', '--work', join(work, 'bare-out'), '--format', 'json', '--quiet'];
    const r = await runCli(args, { env: { CI: 'true' } });
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as TreeJson;
    expect(changes(report)).toEqual(['type-changed size']);
    expect(report.pages).toEqual({ base: 3, head: 3, unchanged: 2 });
  });

  it('unnamed, they would share no page: refused with one line saying what to add, exit 2', async () => {
    const r = await runCli(['drift', '--docs', base, head, '--work', join(work, 'bare-out'), '--quiet'], { env: { CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/both hold api\/ directly; name their variant with --variant \(e\.g\. --variant v1\.0\)$/),
    ]);
  });
});
