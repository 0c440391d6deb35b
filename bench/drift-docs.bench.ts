/**
 * `docspec drift --docs BASE HEAD` on the 2021 v1.0 tree and a copy with the ten scripted edits of
 * scripts/edit-docs-tree.ts: the first run (both trees read), then a re-run with nothing changed, which
 * should cost only the hashes. Wall time, in one run, each run its own process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTrees } from '../scripts/edit-docs-tree.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TREE = join(ROOT, '../shared/corpus/graph-docs-2021-07/api-reference');

function timed(args: string[], cwd: string): { ms: number; changes: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/docspec.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`drift exited with ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { summary: { total: number } };
  return { ms, changes: report.summary.total };
}

export function runDriftDocsBench(): Record<string, unknown> {
  if (!existsSync(TREE)) return { skipped: `no docs tree at ${TREE}` };
  const work = mkdtempSync(join(tmpdir(), 'docspec-drift-bench-'));
  try {
    const { base, head } = makeTrees(TREE, join(work, 'trees'));
    const args = ['drift', '--docs', base, head, '--work', join(work, 'out'), '--format', 'json', '--fail-on', 'none', '--quiet'];
    const first = timed(args, work);
    const again = timed(args, work);
    const s = (ms: number) => Math.round(ms / 100) / 10;
    return {
      'first run (2 × 2,102 pages read)': { s: s(first.ms), changes: first.changes },
      're-run, nothing changed': { s: s(again.ms), changes: again.changes },
      're-run / first (goal ≤ 0.05)': Math.round((again.ms / first.ms) * 1000) / 1000,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
