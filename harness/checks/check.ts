/**
 * What a registered server check is: an id, the docs line that justifies it, and one or more cases, each a
 * fast-check arbitrary plus a run that sends requests and returns a violation or nothing.
 */
import type fc from 'fast-check';
import type { SourceRef } from '../../generator/ir/ir.js';
import type { Exchange } from '../model/exchange.js';
import type { Target } from '../model/target.js';
import type { Tolerance } from '../arbitraries/values.js';
import type { OperationKind } from '../model/operation-kind.js';

/** How the implementation differs from the docs, with the requests that show it. */
export interface Violation {
  /** What the implementation did, e.g. `204 No Content (no body)`. */
  received: string;
  /** What the docs say, in words. */
  expected: string;
  /** Overrides the case's docs line when one run can break several sentences (stateful checks). */
  source?: SourceRef;
  sentence?: string;
  /** Set when the deviation is one a server may tolerate: a warning, not a failure, unless the run is strict. */
  tolerance?: Tolerance;
  /**
   * Which part of the answer broke (`status`, `body`, `content-type`, …), where a case can tell its failures
   * apart: a failing case then looks on for failures of other kinds, each reported with its own smallest
   * counterexample, so one defect does not hide the next. Violations without a kind are the case's one failure.
   */
  kind?: string;
  exchanges: Exchange[];
}

export interface CheckCase<T = unknown> {
  /** `<check>` or `<check>/<what>`, stable across runs, e.g. `rejects-invalid/companyName/max-length`. */
  id: string;
  check: string;
  title: string;
  source?: SourceRef;
  sentence?: string;
  /** Set when the case cannot run against this spec or server; says why. */
  skip?: string;
  /** The case changes the resource for good (a DELETE): it runs once, after every other case. */
  destructive?: boolean;
  /** Repeating the request is documented to fail (adding a reference again): the case runs once. */
  once?: boolean;
  /** Runs beyond which the case tells nothing new (it draws from a few values): it runs at most this many. */
  maxRuns?: number;
  /**
   * The case's run honours `known`: after a failure it can look past that kind of failure to the next, so the
   * runner searches on for failures of other kinds (see `Violation.kind`).
   */
  distinct?: boolean;
  /** Set when running the case could not tell anything (its address was not shown to exist): not run, reported inconclusive. */
  inconclusive?: string;
  /**
   * Set when the docs' rule is broken only as a server may tolerate: a violation is then a `warning`
   * result, which leaves the verdict `pass` unless the run is strict.
   */
  tolerance?: Tolerance;
  /**
   * Tolerated deviations runs met along the way (a response value in another letter case): the runs go on,
   * and a case that otherwise passes ends as a warning with the first (a failure when the run is strict).
   */
  tolerated?: Violation[];
  arbitrary: fc.Arbitrary<T>;
  /**
   * Sends the requests for one generated value. Throws `TransientError` when no verdict is possible. `known`:
   * kinds of failure already reported for the case, which the run looks past to the next part of the answer.
   */
  run(value: T, known: ReadonlySet<string>): Promise<Violation | undefined>;
}

/** What the harness learnt before the checks: whether GET reads the resource back, and its first state. */
export interface Probe {
  readable: boolean;
  /** The GET's status, when not readable. */
  status?: number;
  /** Why not, when not readable. */
  reason?: string;
  /** The resource as the first GET returned it. */
  initial?: Record<string, unknown>;
}

export interface CheckContext {
  target: Target;
  probe: Probe;
}

export interface ServerCheck {
  id: string;
  title: string;
  /** Per kind of operation: `true` when the check applies, else why not (shown as the skip reason). */
  kinds: { readonly [K in OperationKind]: true | string };
  /**
   * Passes on a refusal (a 4xx): only meaningful where the resource is known to exist, since a 404 for a
   * missing one is "a 4xx" too. Such cases do not run at an address no read or valid update reached.
   */
  negative?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: the registry holds cases of every check, each with its own input type
  cases(ctx: CheckContext): CheckCase<any>[];
}

/** A case that does not run, with the reason in the report. */
export function skipped(check: Pick<ServerCheck, 'id' | 'title'>, reason: string, source?: SourceRef): CheckCase<never> {
  return { id: check.id, check: check.id, title: check.title, source, skip: reason, arbitrary: undefined as never, run: async () => undefined };
}

/** The runs a case makes: one for a destructive or `once` case, else the run's count, up to the case's own cap. */
export function caseRuns(c: Pick<CheckCase, 'destructive' | 'once' | 'maxRuns'>, runs: number): number {
  return c.destructive || c.once ? 1 : Math.min(runs, c.maxRuns ?? runs);
}
