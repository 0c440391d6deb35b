/**
 * The drift model: what changed between two descriptions of one operation (A, the baseline, and B, the
 * candidate), each change classified and marked breaking from the side of a client and of a server.
 * Plain data, so CI can read the JSON and every renderer works from the same list.
 */
import type { SourceRef } from '../ir.js';

export type ChangeKind =
  | 'property-added'
  | 'property-removed'
  | 'property-renamed'
  | 'type-changed'
  | 'collection-changed'
  | 'enum-values-added'
  | 'enum-values-removed'
  | 'enum-values-recased'
  | 'constraint-added'
  | 'constraint-removed'
  | 'constraint-tightened'
  | 'constraint-loosened'
  | 'constraint-changed'
  | 'nullability-changed'
  | 'status-changed'
  | 'response-body-changed'
  | 'method-changed'
  | 'path-added'
  | 'path-changed'
  | 'path-removed'
  | 'header-added'
  | 'header-removed'
  | 'header-changed'
  | 'permission-changed'
  | 'group-changed'
  | 'extensions-changed'
  | 'partial-update-changed'
  // Docs vs metadata: the two sides are not versions, so these name what disagrees.
  | 'docs-only'
  | 'metadata-only'
  | 'type-disagrees'
  | 'nullability-disagrees';

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
  /** What changed: a property path (`passwordProfile.password`), `status`, `path /me`, `header Accept`, … */
  subject: string;
  message: string;
  /** The value on each side, as short text (`maxLength 64`, `String collection`); absent when missing there. */
  before?: string;
  after?: string;
  breaking: Breaking;
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
}

export interface DriftReport {
  a: DriftSide;
  b: DriftSide;
  changes: DriftChange[];
  summary: { total: number; breaking: number; client: number; server: number };
}

export function isBreaking(c: DriftChange): boolean {
  return c.breaking.client || c.breaking.server;
}

export function report(a: DriftSide, b: DriftSide, changes: DriftChange[]): DriftReport {
  return {
    a,
    b,
    changes,
    summary: {
      total: changes.length,
      breaking: changes.filter(isBreaking).length,
      client: changes.filter((c) => c.breaking.client).length,
      server: changes.filter((c) => c.breaking.server).length,
    },
  };
}

export const NONE: Breaking = { client: false, server: false };
export const CLIENT: Breaking = { client: true, server: false };
export const SERVER: Breaking = { client: false, server: true };
export const BOTH: Breaking = { client: true, server: true };

export type FailOn = 'breaking' | 'any' | 'none';

/** The changes that fail a CI gate set to `failOn`. */
export function failingChanges(r: DriftReport, failOn: FailOn): DriftChange[] {
  if (failOn === 'none') return [];
  return failOn === 'any' ? r.changes : r.changes.filter(isBreaking);
}

/** `client`, `server`, `client, server` or `none`. */
export function breakingText(b: Breaking): string {
  return [b.client && 'client', b.server && 'server'].filter(Boolean).join(', ') || 'none';
}
