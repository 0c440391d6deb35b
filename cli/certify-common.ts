/** What `certify server` and `certify client` share: run options, progress lines, report files, exit code. */
import { DEFAULT_RUNS } from '../harness/run/certify-server.js';
import { formatProgress, type ReportWords } from '../harness/report/console.js';
import type { CertifyReport, CheckResult } from '../harness/report/report.js';
import { ensureWritable, integerOption, stderr, writeAtomic } from './io.js';

export const RUN_OPTIONS = {
  spec: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  check: { type: 'string', multiple: true },
  report: { type: 'string' },
  junit: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function runsAndSeed(values: { runs?: string; seed?: string }): { runs: number; seed: number } {
  return {
    runs: integerOption('--runs', values.runs, 1) ?? DEFAULT_RUNS,
    seed: integerOption('--seed', values.seed, -(2 ** 31)) ?? (Math.random() * 2 ** 31) | 0,
  };
}

/** Progress on stderr; the header waits for the first result, so an unreachable target prints one line only. */
export function progress(quiet: boolean, header: string): ((r: CheckResult, done: number, total: number) => void) | undefined {
  if (quiet) return undefined;
  return (r, done, total) => {
    if (done === 1) stderr(`${header}\n`);
    stderr(`${formatProgress(r, done, total)}\n`);
  };
}

/** Before a run: the report files it will write can be written (a long run must not lose its verdict). */
export function checkReportFiles(values: { report?: string; junit?: string }): void {
  if (values.report) ensureWritable(values.report, 'file', '--report');
  if (values.junit) ensureWritable(values.junit, 'file', '--junit');
}

/** The JSON report and the JUnit file a run was asked for; `junit` renders a report other than one run's. */
export function writeReports<R>(report: R, values: { report?: string; junit?: string }, junit: (report: R) => string): void {
  if (values.report) writeAtomic(values.report, `${JSON.stringify(report, null, 2)}\n`);
  if (values.junit) writeAtomic(values.junit, junit(report));
}

/** 0 pass, 1 fail, 3 inconclusive: the same for one run and a run over several operations. */
export const exitCodeOf = (report: { verdict: CertifyReport['verdict'] }) => (report.verdict === 'pass' ? 0 : report.verdict === 'fail' ? 1 : 3);

/** How reports printed by the CLI name the options they mention. */
export const CLI_WORDS: ReportWords = { strict: '--strict fails it' };
