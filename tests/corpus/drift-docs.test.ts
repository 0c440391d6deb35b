/**
 * `docspec drift --docs BASE HEAD` on the 2021 v1.0 tree and a copy with ten scripted edits (a row removed, a
 * type changed, an enum value dropped, a length tightened, a page deleted, a page added, …): exactly those
 * ten changes are reported, nothing else; a re-run reads no page again.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EDITS, makeTrees } from '../../scripts/edit-docs-tree.js';
import { API_REFERENCE_2021, hasApiReference, ROOT } from '../support/pages.js';

interface TreeReport {
  pages: { base: number; head: number; unchanged: number };
  read: { base: number; head: number };
  failed: { base: number; head: number };
  operations: { changes: { kind: string; subject: string }[] }[];
}

async function drift(args: string[]): Promise<{ code: number; report: TreeReport }> {
  const run = promisify(execFile)(process.execPath, [join(ROOT, 'bin/docspec.js'), 'drift', '--docs', ...args, '--format', 'json', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  try {
    return { code: 0, report: JSON.parse((await run).stdout) as TreeReport };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    if (x.code !== 1) throw new Error(x.stderr);
    return { code: 1, report: JSON.parse(x.stdout) as TreeReport };
  }
}

describe.skipIf(!hasApiReference)('drift --docs on the 2021 v1.0 tree', () => {
  const work = mkdtempSync(join(tmpdir(), 'docspec-drift-docs-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const { base, head } = makeTrees(API_REFERENCE_2021, join(work, 'trees'));
  const args = [base, head, '--work', join(work, 'out')];

  it('reports exactly the ten edits, each once, and nothing else; a re-run reads no page again', async () => {
    const first = await drift(args);
    expect(first.code).toBe(1);
    const reported = first.report.operations.flatMap((r) => r.changes.map((c) => `${c.kind} ${c.subject}`)).sort();
    expect(reported).toEqual(EDITS.map((e) => e.expect).sort());
    expect(first.report.pages).toEqual({ base: 2102, head: 2102, unchanged: 2102 - 9 });
    expect(first.report.failed).toEqual({ base: 0, head: 0 });
    expect(first.report.read).toEqual({ base: 2102, head: 2102 });

    const again = await drift(args);
    expect(again.report.read).toEqual({ base: 0, head: 0 });
    expect(again.report.operations).toEqual(first.report.operations);
  });
});
