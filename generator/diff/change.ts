/**
 * The drift model: what changed between two descriptions of one operation (A, the baseline, and B, the
 * candidate), each change classified and marked breaking from the side of a client and of a server.
 * Plain data, so CI can read the JSON and every renderer works from the same list.
 */
import type { SourceRef } from '../ir/ir.js';

import type { ChangeKind } from './change-kinds.js';

export type { ChangeKind };

/**
 * Who a change breaks, reading B as the new contract and A as the one implementations were built on.
 * `client`: a caller written against A sends something B refuses (a property removed, a constraint tightened).
 * `server`: a server written against A refuses something B allows (a property added, an enum value added).
 */
export interface Breaking {
  client: boolean;
  server: boolean;
}

export interface DriftChange {
  kind: ChangeKind;
  /**
   * Identifies the change across runs and unrelated edits (never a line number): the kind plus what it is
   * about beyond the subject, e.g. `constraint-added.maxLength`, `permission-changed.application`. An ignore
   * entry names it with the operation and the subject.
   */
  id?: string;
  /** What changed: a property path (`passwordProfile.password`), `status`, `path /me`, `header Accept`, … */
  subject: string;
  message: string;
  /** The value on each side, as short text (`maxLength 64`, `String collection`); absent when missing there. */
  before?: string;
  after?: string;
  breaking: Breaking;
  /** Why this change breaks the audience it does, or nobody, when that is not the kind's general rule. */
  reason?: string;
  /** Set when an ignore entry accepts the change: its reason and expiry. */
  accepted?: { reason: string; expires?: string; source: SourceRef };
  /** Where each side states it. */
  a?: SourceRef;
  b?: SourceRef;
}

export interface DriftSide {
  file: string;
  operation?: string;
  variant?: string;
  /** `docs` for a spec or page, `metadata` for CSDL. */
  kind: 'docs' | 'metadata';
  /** Where to point at a change this side does not state (the property table, else the request line). */
  anchor?: SourceRef;
}

export interface DriftReport {
  a: DriftSide;
  b: DriftSide;
  changes: DriftChange[];
  summary: { total: number; breaking: number; client: number; server: number; accepted: number };
}

export function isBreaking(c: DriftChange): boolean {
  return c.breaking.client || c.breaking.server;
}

export function report(a: DriftSide, b: DriftSide, changes: DriftChange[]): DriftReport {
  const withIds = changes.map((c) => (c.id ? c : { ...c, id: c.kind }));
  return summarise({ a, b, changes: withIds, summary: { total: 0, breaking: 0, client: 0, server: 0, accepted: 0 } });
}

/** The report with its summary recomputed (after ignore entries were applied). */
export function summarise(r: DriftReport): DriftReport {
  const changes = r.changes;
  return {
    ...r,
    summary: {
      total: changes.length,
      breaking: changes.filter(isBreaking).length,
      client: changes.filter((c) => c.breaking.client).length,
      server: changes.filter((c) => c.breaking.server).length,
      accepted: changes.filter((c) => c.accepted).length,
    },
  };
}

export const NONE: Breaking = { client: false, server: false };
export const CLIENT: Breaking = { client: true, server: false };
export const SERVER: Breaking = { client: false, server: true };
export const BOTH: Breaking = { client: true, server: true };

/**
 * Which changes fail the gate: `client` / `server` those that break the side you own, `breaking` either,
 * `any` every change, `none` nothing. Accepted changes never fail it.
 */
export const FAIL_ON = ['client', 'server', 'breaking', 'any', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function failsGate(c: DriftChange, failOn: FailOn): boolean {
  if (c.accepted) return false;
  switch (failOn) {
    case 'client':
      return c.breaking.client;
    case 'server':
      return c.breaking.server;
    case 'breaking':
      return isBreaking(c);
    case 'any':
      return true;
    case 'none':
      return false;
  }
}

/** The changes that fail a CI gate set to `failOn`. */
export function failingChanges(r: DriftReport, failOn: FailOn): DriftChange[] {
  return r.changes.filter((c) => failsGate(c, failOn));
}

/** The key an ignore entry matches: operation, change id and subject. */
export function changeKey(operation: string | undefined, c: DriftChange): string {
  return `${operation ?? '-'} | ${c.id ?? c.kind} | ${c.subject}`;
}

/** `client`, `server`, `client, server` or `none`. */
export function breakingText(b: Breaking): string {
  return [b.client && 'client', b.server && 'server'].filter(Boolean).join(', ') || 'none';
}

/** The operation a report is about (B's name, or A's when B has none). */
export function operationOf(r: DriftReport): string {
  return r.b.operation ?? r.a.operation ?? '-';
}
