/** The certify report: the JSON report (DESIGN.md), and what the console and JUnit writers read. */
import type { UsageProblem } from '../model/usage-problem.js';

export type Verdict = 'pass' | 'fail' | 'inconclusive';
/**
 * `warning`: the implementation breaks the letter of a rule in a way a server may tolerate (see TOLERANCES);
 * listed in every report format, it leaves the verdict `pass` unless the run is strict.
 */
export type CheckStatus = 'pass' | 'fail' | 'warning' | 'skipped' | 'inconclusive';

export interface CheckResult {
  /** Case id, e.g. `rejects-invalid/companyName/max-length`. */
  id: string;
  /** The registered check it belongs to, e.g. `rejects-invalid`. */
  check: string;
  status: CheckStatus;
  /** One line: what passed, why it was skipped, or received vs docs. */
  message: string;
  /** `file:line` of the docs sentence or table row behind the case (for a failure: behind the violation). */
  source?: string;
  sentence?: string;
  /** Runs made; for a failure, the run that found it. */
  runs: number;
  received?: string;
  expected?: string;
  /** The shrunk failing input and the requests and responses that show it. */
  counterexample?: unknown;
  /** fast-check seed and path of the counterexample: replaying them gives the same input. */
  seed?: number;
  path?: string;
  shrinks?: number;
  /** A command that reproduces the failure in one line (curl or docspec). */
  reproduce?: string[];
  durationMs?: number;
}

export interface CertifyReport {
  verdict: Verdict;
  seed: number;
  /** Runs per case. */
  runs: number;
  kind: 'server' | 'client' | 'connector';
  operation: string;
  variant: string;
  /** The base URL certified, or `in-process`. */
  target: string;
  /** Tolerated deviations were failures (a strict run), not warnings. */
  strict?: boolean;
  checks: CheckResult[];
  /**
   * What the run found about the values it was given that keeps any case from telling anything (they
   * address nothing): the verdict is `inconclusive` and no check ran.
   */
  problem?: UsageProblem;
  stats: { requests: number; retries: number; durationMs: number };
}

/** The status the first request of a failed case's counterexample was answered with, if it has one. */
export function firstAnswer(result: CheckResult | undefined): number | undefined {
  return (result?.counterexample as { exchanges?: { response: { status: number } }[] } | undefined)?.exchanges?.[0]?.response.status;
}

/** fail beats inconclusive beats pass: a found nonconformance stands even if the run was cut short. */
export function verdictOf(checks: CheckResult[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'inconclusive')) return 'inconclusive';
  return 'pass';
}
