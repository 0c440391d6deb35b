/**
 * Sources name files by their path inside the docs root (`v1.0/api/widget-update.md:30`), so the same page
 * gives the same bytes whatever folder docspec runs from, on any machine: a spec committed by one team member
 * is not rewritten by the next, and a drift report never cites someone's checkout folder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { filesUnder } from './support/files.js';
import { ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-portable-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tree = join(work, 'tree');
cpSync(join(ROOT, 'tests/fixtures/docs-tree'), tree, { recursive: true });
/** A second working folder, deeper than the first, so that any path taken from the working folder differs. */
const elsewhere = join(work, 'a/b/c');
mkdirSync(elsewhere, { recursive: true });

/** The file of every source a spec records. */
const sourceFiles = (text: string) => new Set([...text.matchAll(/"file": "([^"]+)"/g)].map((m) => m[1]!));

describe('portable sources', () => {
  it('a page given alone: the same spec and code from two working folders, every source a path inside its tree', async () => {
    const page = join(tree, 'v1.0/api/widget-update.md');
    const args = ['generate', page, '--spec-dir', join(work, 'one/spec'), '--generated-dir', join(work, 'one/generated')];
    const outputs: Record<string, string>[] = [];
    for (const cwd of [ROOT, elsewhere]) {
      const r = await runCli(args, { cwd });
      expect(r.code, r.stderr).toBe(0);
      outputs.push(filesUnder(join(work, 'one')));
    }
    expect(outputs[1]).toEqual(outputs[0]);
    const spec = outputs[0]!['spec/widget-update.v1.0.json']!;
    expect(JSON.parse(spec).page).toMatchObject({ file: 'v1.0/api/widget-update.md', root: '../../tree' });
    const files = sourceFiles(spec);
    expect([...files].sort()).toEqual([
      'v1.0/api/widget-update.md',
      'v1.0/resources/widget.md',
      'v1.0/resources/widgetcolor.md',
      'v1.0/resources/widgetowner.md',
    ]);
    for (const f of files) expect(existsSync(join(tree, f)), f).toBe(true);
    expect(outputs[0]!['generated/widget-update/v1.0.ts']).toContain('@see v1.0/api/widget-update.md:');
  });

  it('a docs tree: the same outputs from two working folders', async () => {
    const args = ['generate', '--docs', tree, '--out', join(work, 'corpus'), '--no-cache', '--quiet'];
    const outputs: Record<string, string>[] = [];
    for (const cwd of [ROOT, elsewhere]) {
      const r = await runCli(args, { cwd, env: { CI: 'true' } });
      expect(r.code, r.stderr).toBe(0);
      outputs.push(filesUnder(join(work, 'corpus')));
    }
    expect(Object.keys(outputs[0]!)).toContain('spec/widget-update.v1.0.json');
    expect(outputs[1]).toEqual(outputs[0]);
    const spec = JSON.parse(outputs[0]!['spec/widget-update.v1.0.json']!);
    expect(spec.page).toMatchObject({ file: 'v1.0/api/widget-update.md', root: '../../tree' });
    expect(outputs[0]!['coverage.md']).not.toContain(work);
  });
});
