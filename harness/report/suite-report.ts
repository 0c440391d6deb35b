/** The suite report: one verdict per operation of a `certify server` run over several pages, and overall. */
import type { OperationKind } from '../model/operation-kind.js';
import type { UsageProblem } from '../model/usage-problem.js';
import type { CertifyReport, CheckResult, Verdict } from './report.js';

/** An operation's outcome: a verdict, or why it was not certified. */
export type OperationStatus = Verdict | 'not-implemented' | 'not-run';

export interface OperationResult {
  operation: string;
  variant: string;
  method: string;
  kind?: OperationKind;
  status: OperationStatus;
  /** For `not-run` and `not-implemented`: why, in one line. */
  reason?: string;
  /** For `not-run` because of the values given or missing: the problem as data (its words are `reason`). */
  problem?: UsageProblem;
  /** Where the values the run made came from: `group-id: created by group-post-groups (id …)`. */
  values?: string[];
  report?: CertifyReport;
}

export interface SuiteReport {
  verdict: Verdict;
  kind: 'server-suite';
  seed: number;
  runs: number;
  target: string;
  strict?: boolean;
  requireAll?: boolean;
  operations: OperationResult[];
  /**
   * A value the caller gave that addresses nothing stops the whole run (it is wrong for every operation):
   * the problem, with the verdict `inconclusive`.
   */
  problem?: UsageProblem;
  /** Checks across operations (the resource model of each created resource). */
  checks: CheckResult[];
  stats: { requests: number; retries: number; durationMs: number };
}
