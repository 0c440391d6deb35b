/** The drift ignore file read and applied as pure functions: wildcard operations, comments, expiry by date. */
import { describe, expect, it } from 'vitest';
import { report } from '../../generator/diff/change.js';
import { applyIgnores, parseIgnoreFile } from '../../generator/diff/ignore.js';

const side = (operation: string) => ({ file: `${operation}.md`, operation, variant: 'v1.0', kind: 'docs' as const });
const removed = (operation: string) =>
  report(side(operation), side(operation), [
    { kind: 'property-removed', id: 'property-removed', subject: 'jobTitle', message: 'jobTitle is only in A', breaking: { client: true, server: false } },
  ]);

describe('ignore file', () => {
  it("skips comments and blank lines, reads CRLF, keeps each entry's line", () => {
    const entries = parseIgnoreFile('ignore', '# header\r\n\r\n*  | property-removed | jobTitle | moved | 2030-01-01\r\n');
    expect(entries).toEqual([
      { operation: '*', id: 'property-removed', subject: 'jobTitle', reason: 'moved', expires: '2030-01-01', source: { file: 'ignore', line: 3, column: 1 } },
    ]);
  });

  it('`*` accepts the change in every operation; a named operation only in its own', () => {
    const reports = [removed('user-update'), removed('group-update')];
    const any = applyIgnores(reports, parseIgnoreFile('i', '* | property-removed | jobTitle | moved'), '2026-01-01');
    expect(any.reports.map((r) => r.summary.accepted)).toEqual([1, 1]);
    const one = applyIgnores(reports, parseIgnoreFile('i', 'group-update | property-removed | jobTitle | moved'), '2026-01-01');
    expect(one.reports.map((r) => r.summary.accepted)).toEqual([0, 1]);
    expect(one.unused).toEqual([]);
  });

  it('an entry applies through its expiry day and not after', () => {
    const entries = parseIgnoreFile('i', 'user-update | property-removed | jobTitle | moved | 2026-03-31');
    expect(applyIgnores([removed('user-update')], entries, '2026-03-31').reports[0]!.summary.accepted).toBe(1);
    const late = applyIgnores([removed('user-update')], entries, '2026-04-01');
    expect(late.reports[0]!.summary.accepted).toBe(0);
    expect(late.expired).toHaveLength(1);
  });

  it('a change of another id or subject is not accepted, and the entry is listed as unused', () => {
    const r = applyIgnores([removed('user-update')], parseIgnoreFile('i', 'user-update | property-added | jobTitle | moved'), '2026-01-01');
    expect(r.reports[0]!.summary.accepted).toBe(0);
    expect(r.unused.map((e) => e.id)).toEqual(['property-added']);
  });
});
