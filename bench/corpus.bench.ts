/**
 * Corpus mode on the 2021 Graph api-reference, in one run, each phase its own process (so its peak memory is
 * its own): the bare unified + remark-gfm parse of every page (the floor), `docspec generate --docs` cold,
 * warm after touching one api page, warm after touching a resource page many pages read, and a re-run with
 * nothing changed; then the v1.0 tree alone, cold and warm after touching one page. The trees are copied to
 * a temporary folder first, so the source stays untouched.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TREE = join(ROOT, '../shared/corpus/graph-docs-2021-07/api-reference');

interface Phase {
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
  summary?: string;
}

function measure(args: string[], work: string): Phase {
  const rusage = join(work, 'rusage.json');
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/rusage.mjs'), ...args], {
    cwd: work,
    env: { ...process.env, DOCSPEC_BENCH_RUSAGE: rusage, CI: 'true' },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const stderr = r.stderr;
  const phase = JSON.parse(readFileSync(rusage, 'utf8')) as Phase;
  const summary = stderr.split('\n').find((l) => l.startsWith('docspec: ') && l.includes('api pages'));
  return summary ? { ...phase, summary } : phase;
}

export function runCorpusBench(): Record<string, unknown> {
  if (!existsSync(TREE)) return { skipped: `no docs tree at ${TREE}` };
  const work = mkdtempSync(join(tmpdir(), 'docspec-corpus-bench-'));
  try {
    cpSync(TREE, join(work, 'api-reference'), { recursive: true });
    const generate = [join(ROOT, 'bin/docspec.js'), 'generate', '--docs', 'api-reference', '--out', 'out'];
    const bare = measure([join(ROOT, 'bench/bare-parse.mjs'), 'api-reference'], work);
    const cold = measure(generate, work);
    appendFileSync(join(work, 'api-reference/v1.0/api/user-update.md'), '\nOne more line.\n');
    const warm = measure(generate, work);
    appendFileSync(join(work, 'api-reference/v1.0/resources/identityset.md'), '\nOne more line.\n');
    const warmResource = measure(generate, work);
    const unchanged = measure(generate, work);
    // The v1.0 tree alone, on its own: a smaller tree, so a warm run's fixed costs weigh more.
    cpSync(join(TREE, 'v1.0'), join(work, 'v1-only/v1.0'), { recursive: true });
    const v1Generate = [join(ROOT, 'bin/docspec.js'), 'generate', '--docs', 'v1-only', '--out', 'v1-out'];
    const v1Bare = measure([join(ROOT, 'bench/bare-parse.mjs'), 'v1-only'], work);
    const v1Cold = measure(v1Generate, work);
    appendFileSync(join(work, 'v1-only/v1.0/api/user-update.md'), '\nOne more line.\n');
    const v1Warm = measure(v1Generate, work);
    // A line appended changes no rule, so the page's TypeScript is kept; an edited rule is emitted anew.
    const v1Page = join(work, 'v1-only/v1.0/api/user-update.md');
    const edited = readFileSync(v1Page, 'utf8').replace('maximum length of the company name is 64', 'maximum length of the company name is 48');
    if (!edited.includes('is 48')) throw new Error('the v1.0 user-update page no longer states the company name length');
    writeFileSync(v1Page, edited);
    const v1Rule = measure(v1Generate, work);
    const s = (ms: number) => Math.round(ms / 100) / 10;
    return {
      threads: availableParallelism(),
      'bare parse, one thread (floor)': { s: s(bare.wallMs), cpuS: s(bare.cpuMs), peakMB: Math.round(bare.maxRssMB) },
      'generate cold': { s: s(cold.wallMs), cpuS: s(cold.cpuMs), peakMB: Math.round(cold.maxRssMB), summary: cold.summary },
      'generate warm, one api page touched': { s: s(warm.wallMs), peakMB: Math.round(warm.maxRssMB), summary: warm.summary },
      'generate warm, resources/identityset.md touched': {
        s: s(warmResource.wallMs),
        peakMB: Math.round(warmResource.maxRssMB),
        summary: warmResource.summary,
      },
      'generate, nothing changed': { s: s(unchanged.wallMs), summary: unchanged.summary },
      'cold / bare (goal ≤ 2)': Math.round((cold.wallMs / bare.wallMs) * 100) / 100,
      'cold CPU / bare CPU': Math.round((cold.cpuMs / bare.cpuMs) * 100) / 100,
      'cold peak memory / bare (goal ≤ 2)': Math.round((cold.maxRssMB / bare.maxRssMB) * 100) / 100,
      'warm / cold (goal ≤ 0.05)': Math.round((warm.wallMs / cold.wallMs) * 1000) / 1000,
      'v1.0 alone': {
        'bare parse': { s: s(v1Bare.wallMs), peakMB: Math.round(v1Bare.maxRssMB) },
        cold: { s: s(v1Cold.wallMs), peakMB: Math.round(v1Cold.maxRssMB) },
        'warm, one api page touched': { s: s(v1Warm.wallMs), peakMB: Math.round(v1Warm.maxRssMB), summary: v1Warm.summary },
        'warm, a rule of one api page edited': { s: s(v1Rule.wallMs), peakMB: Math.round(v1Rule.maxRssMB), summary: v1Rule.summary },
        'cold peak memory / bare (goal ≤ 2)': Math.round((v1Cold.maxRssMB / v1Bare.maxRssMB) * 100) / 100,
        'warm / cold (goal ≤ 0.03)': Math.round((v1Warm.wallMs / v1Cold.wallMs) * 1000) / 1000,
        'warm after a rule edit / cold': Math.round((v1Rule.wallMs / v1Cold.wallMs) * 1000) / 1000,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
