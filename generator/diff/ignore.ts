/**
 * The drift ignore file: changes a team has accepted, so the gate stops failing on them. One entry per line,
 * fields separated by `|`:
 *
 *     # operation | change id | subject | reason | expires (optional, YYYY-MM-DD)
 *     user-update | constraint-added.maxLength | companyName | HR already caps names at 64 | 2027-06-30
 *
 * `*` as the operation matches every operation. An entry past its expiry date stops applying, so an accepted
 * change fails the gate again until someone looks at it.
 */
import type { SourceRef } from '../ir/ir.js';
import { type DriftChange, type DriftReport, operationOf, summarise } from './change.js';

export interface IgnoreEntry {
  operation: string;
  id: string;
  subject: string;
  reason: string;
  /** `YYYY-MM-DD`, the last day the entry applies. */
  expires?: string;
  source: SourceRef;
}

export class IgnoreFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseIgnoreFile(file: string, text: string): IgnoreEntry[] {
  const out: IgnoreEntry[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split('|').map((f) => f.trim());
    const fail = (message: string) => new IgnoreFileError(file, i + 1, message);
    if (fields.length < 4 || fields.length > 5)
      throw fail(`expected "operation | change id | subject | reason | expires (optional)", got ${fields.length} field${fields.length === 1 ? '' : 's'}`);
    const [operation, id, subject, reason, expires] = fields as [string, string, string, string, string | undefined];
    if (!operation || !id || !subject) throw fail('operation, change id and subject must not be empty');
    if (!reason) throw fail(`an accepted change needs a reason (${id} of ${subject})`);
    if (expires !== undefined && expires !== '') {
      if (!DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) throw fail(`expiry must be a date YYYY-MM-DD, not "${expires}"`);
    }
    out.push({ operation, id, subject, reason, ...(expires ? { expires } : {}), source: { file, line: i + 1, column: 1 } });
  }
  return out;
}

/** The entry as its key (`operation | change id | subject`), the way reports print a change's. */
export function entryKey(e: IgnoreEntry): string {
  return `${e.operation} | ${e.id} | ${e.subject}`;
}

function matches(e: IgnoreEntry, operation: string, c: DriftChange): boolean {
  return (e.operation === '*' || e.operation === operation) && e.id === (c.id ?? c.kind) && e.subject === c.subject;
}

export interface IgnoreResult {
  reports: DriftReport[];
  /** Entries that matched no change: stale, or mistyped. */
  unused: IgnoreEntry[];
  /** Entries past their date that matched a change, which fails again. */
  expired: IgnoreEntry[];
}

/** Marks the changes the entries accept; `today` is `YYYY-MM-DD` (UTC). */
export function applyIgnores(reports: DriftReport[], entries: IgnoreEntry[], today: string): IgnoreResult {
  const used = new Set<IgnoreEntry>();
  const expired = new Set<IgnoreEntry>();
  const out = reports.map((r) =>
    summarise({
      ...r,
      changes: r.changes.map((c) => {
        const entry = entries.find((e) => matches(e, operationOf(r), c));
        if (!entry) return c;
        used.add(entry);
        if (entry.expires && entry.expires < today) {
          expired.add(entry);
          return { ...c, reason: `${c.reason ? `${c.reason}; ` : ''}accepted until ${entry.expires}, which has passed` };
        }
        return { ...c, accepted: { reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}), source: entry.source } };
      }),
    }),
  );
  return { reports: out, unused: entries.filter((e) => !used.has(e)), expired: [...expired] };
}
