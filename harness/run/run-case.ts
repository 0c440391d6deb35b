/**
 * Runs one check case as a fast-check async property: generates, sends, shrinks a failure to a minimal
 * counterexample, and turns the outcome into a report entry. Transient failures end the case as
 * `inconclusive` instead of failing it.
 */
import fc from 'fast-check';
import { type CheckCase, caseRuns, type Violation } from '../checks/check.js';
import type { CheckResult } from '../report/report.js';
import { TransientError } from '../transport/transport.js';
import { sourceRef } from '../../generator/ir/source-ref.js';
import { keptExchange } from '../report/kept-body.js';

export interface RunOptions {
  runs: number;
  /**
   * Evaluations allowed for shrinking after the first failure. Shrinking a command sequence against a live
   * server can otherwise run for tens of thousands of requests; past the budget the smallest failure found
   * so far is reported.
   */
  shrinkBudget?: number;
  /** The run's seed; each case derives its own from it and its id, so a case replays alone. */
  seed: number;
  /** Extra reproduction lines for a failure (e.g. the caller's command that replays the case with its seed). */
  reproduce?: (c: CheckCase, violation: Violation) => string[];
  /** A tolerated deviation (a case with `tolerance`) fails the case instead of warning. */
  strict?: boolean;
}

/** FNV-1a: a stable 32-bit hash of a case id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

export const DEFAULT_SHRINK_BUDGET = 400;

/** A counterexample as report data: commands and their sequences by their printed form (they hold the whole spec). */
function shown(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shown);
  if (typeof value === 'object' && value !== null && (Symbol.iterator in value || value.toString !== Object.prototype.toString)) return String(value);
  return value;
}

/** The exchanges of a violation as the report keeps them: bodies cut at 64 KiB (see kept-body.ts). */
const exchangesOf = (v: Violation) => v.exchanges.map(keptExchange);

/** A violation as a result: a failure, or a warning when the case or the violation is a tolerated deviation. */
function deviation(c: CheckCase, v: Violation, options: RunOptions, base: Pick<CheckResult, 'id' | 'check'>): Omit<CheckResult, 'runs'> {
  const source = sourceRef(v.source ?? c.source);
  const warning = (c.tolerance ?? v.tolerance) !== undefined && !options.strict;
  return {
    ...base,
    source,
    sentence: v.sentence ?? c.sentence,
    status: warning ? 'warning' : 'fail',
    message: `${warning ? 'tolerated: ' : ''}received ${v.received}; docs say ${v.expected}${source ? ` (${source})` : ''}`,
    received: v.received,
    expected: v.expected,
    counterexample: { exchanges: exchangesOf(v) },
  };
}

export const caseSeed = (seed: number, id: string) => (seed ^ hash(id)) | 0;

/** A case's result; `also`: its further failures of other kinds, each a result of its own. */
export type CaseOutcome = CheckResult & { also?: CheckResult[] };

export async function runCase(c: CheckCase, options: RunOptions): Promise<CaseOutcome> {
  const started = performance.now();
  const result = await runTimed(c, options);
  return { ...result, durationMs: Math.round(performance.now() - started) };
}

/** Distinct failures a case reports at most: its first, and others of kinds not seen yet. */
const MAX_DISTINCT = 4;

/** One search for a failure of a kind not in `known`: fast-check's check of the case, and what it met. */
async function search(c: CheckCase, options: RunOptions, known: ReadonlySet<string>) {
  let last: Violation | undefined;
  let transient: TransientError | undefined;
  let shrinkEvaluations = 0;
  const budget = options.shrinkBudget ?? DEFAULT_SHRINK_BUDGET;
  const property = fc.asyncProperty(c.arbitrary, async (value) => {
    // Once the implementation stops answering, the remaining runs and shrinks cannot tell anything.
    if (transient) return true;
    // Answering "passes" ends shrinking quickly; the last failure stays the counterexample.
    if (last && ++shrinkEvaluations > budget) return true;
    try {
      const v = await c.run(value, known);
      // A failure of a kind already reported is that failure again: this search looks past it.
      if (v && known.has(v.kind ?? ANY)) return true;
      if (v) last = v;
      return v === undefined;
    } catch (e) {
      if (e instanceof TransientError) {
        transient = e;
        return true;
      }
      throw e;
    }
  });
  const seed = caseSeed(options.seed, c.id);
  // A destructive case (a DELETE) can be sent once: the resource is gone afterwards; so can a `once` case.
  const details = await fc.check(property, { numRuns: caseRuns(c, options.runs), seed });
  return { details, last, transient };
}

/** The kind of a violation that names none: the case's one failure. */
const ANY = '*';

async function runTimed(c: CheckCase, options: RunOptions): Promise<CaseOutcome> {
  const base = { id: c.id, check: c.check, source: sourceRef(c.source), sentence: c.sentence };
  if (c.skip !== undefined) return { ...base, status: 'skipped', message: c.skip, runs: 0 };
  if (c.inconclusive !== undefined) return { ...base, status: 'inconclusive', message: c.inconclusive, runs: 0 };
  const { details, last, transient } = await search(c, options, new Set());
  if (details.failed && last) {
    const failure = (found: typeof details, v: Violation, id: string): CheckResult => ({
      ...deviation(c, v, options, { ...base, id }),
      runs: found.numRuns,
      counterexample: { input: shown(found.counterexample?.[0]), exchanges: exchangesOf(v) },
      seed: found.seed,
      path: found.counterexamplePath ?? undefined,
      shrinks: found.numShrinks,
      reproduce: options.reproduce?.(c, v) ?? [],
    });
    const first = failure(details, last, c.id);
    // One defect must not hide the next: look on for failures of other kinds (a wrong status, then the
    // missing body of that answer), each with its own smallest counterexample. Destructive and once-only
    // cases cannot be sent again.
    const also: CheckResult[] = [];
    const known = new Set([last.kind ?? ANY]);
    while (c.distinct && last.kind !== undefined && !c.destructive && !c.once && known.size < MAX_DISTINCT) {
      const next = await search(c, options, known);
      if (!next.details.failed || !next.last || next.transient) break;
      also.push(failure(next.details, next.last, `${c.id}/${next.last.kind ?? 'other'}`));
      known.add(next.last.kind ?? ANY);
    }
    return also.length ? { ...first, also } : first;
  }
  if (details.failed) {
    // The harness itself threw: reported, never swallowed.
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    return {
      ...base,
      status: 'fail',
      message: `error while checking: ${error.split('\n')[0]}`,
      runs: details.numRuns,
      seed: details.seed,
      path: details.counterexamplePath ?? undefined,
    };
  }
  if (transient) return { ...base, status: 'inconclusive', message: transient.message, runs: details.numRuns };
  const [met] = c.tolerated ?? [];
  if (met) return { ...deviation(c, met, options, base), runs: details.numRuns, reproduce: options.reproduce?.(c, met) ?? [] };
  return { ...base, status: 'pass', message: `${details.numRuns} runs`, runs: details.numRuns };
}

/** Cases whose id equals one of the filters or starts with it plus `/` (all when there are none). */
export function selectCases(cases: CheckCase[], filters: string[] | undefined): CheckCase[] {
  if (!filters?.length) return cases;
  return cases.filter((c) => filters.some((f) => c.id === f || c.id.startsWith(`${f}/`)));
}

/** Runs cases one after another (they share the implementation's state), reporting each as it ends. */
export async function runCases(
  cases: CheckCase[],
  options: RunOptions,
  onResult?: (result: CheckResult, done: number, total: number) => void,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let done = 0;
  for (const c of cases) {
    const { also, ...result } = await runCase(c, options);
    done++;
    // Further distinct failures of a case are results of their own, after it (`success-status/body`).
    for (const r of [result, ...(also ?? [])]) {
      results.push(r);
      onResult?.(r, done, cases.length);
    }
  }
  return results;
}
