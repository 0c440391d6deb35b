/**
 * A drift run as the renderers see it: one report per operation (one for `drift A B`, one per page pair for
 * two docs trees), the gate, and what the ignore file did.
 */
import { type DriftChange, type DriftReport, type FailOn, failsGate, isBreaking } from './change.js';
import type { IgnoreEntry } from './ignore.js';

export interface DriftRun {
  reports: DriftReport[];
  failOn: FailOn;
  /** Set for a docs-tree run. */
  tree?: {
    base: string;
    head: string;
    pages: { base: number; head: number; unchanged: number };
    /** Pages read this run rather than reused from the cache, and pages that could not be read. */
    read: { base: number; head: number };
    failed: { base: number; head: number };
    /** Changed page pairs that could not be compared: the run fails (exit 2) rather than pass them. */
    uncompared?: { page: string; why: string }[];
  };
  ignore?: { file: string; unused: IgnoreEntry[]; expired: IgnoreEntry[] };
  /** How reports name the gate, as its caller sets it (the CLI names its flag); see `gateName`. */
  gateName?: string;
  /**
   * Sources are relative to their docs root; annotations on a repository's files prefix this path (the docs
   * root's folder in the repository, e.g. `api-reference/`).
   */
  pathPrefix?: string;
}

/** The gate as reports name it: the caller's words, or `the breaking gate`. */
export function gateName(run: DriftRun): string {
  return run.gateName ?? `the ${run.failOn} gate`;
}

export interface RunSummary {
  operations: number;
  total: number;
  breaking: number;
  client: number;
  server: number;
  accepted: number;
  failing: number;
}

export function runSummary(run: DriftRun): RunSummary {
  const all = run.reports.flatMap((r) => r.changes);
  return {
    operations: run.reports.filter((r) => r.changes.length).length,
    total: all.length,
    breaking: all.filter(isBreaking).length,
    client: all.filter((c) => c.breaking.client).length,
    server: all.filter((c) => c.breaking.server).length,
    accepted: all.filter((c) => c.accepted).length,
    failing: all.filter((c) => failsGate(c, run.failOn)).length,
  };
}

/** How a change stands in the run: failing the gate, accepted, breaking but not gated, or informational. */
export type Standing = 'fails' | 'accepted' | 'breaking' | 'info';

export function standing(c: DriftChange, failOn: FailOn): Standing {
  if (c.accepted) return 'accepted';
  if (failsGate(c, failOn)) return 'fails';
  return isBreaking(c) ? 'breaking' : 'info';
}
