/**
 * Drift between specs: a hand-edited page gives exactly its edits; the bundled variants and the 2021 →
 * current pages give the differences the docs really have; breaking flags mirror when A and B swap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DriftChange, type DriftReport, isBreaking } from '../../generator/diff/change.js';
import { CHANGE_KINDS } from '../../generator/diff/change-kinds.js';
import { diffSpecs } from '../../generator/diff/diff-specs.js';
import type { OperationSpec, SourceRef } from '../../generator/ir/ir.js';
import { bundled, generateFile, generateText, GRAPH_DOCS, hasCorpus, lineOf, ROOT } from '../support/pages.js';

const BETA = 'spec/sources/beta/user-update.md';

function only(r: DriftReport, kind: DriftChange['kind'], subject: string): DriftChange {
  const found = r.changes.filter((c) => c.kind === kind && c.subject === subject);
  expect(found, `${kind} ${subject} in:\n${r.changes.map((c) => `${c.kind} ${c.subject}`).join('\n')}`).toHaveLength(1);
  return found[0]!;
}

const line = (s: SourceRef | undefined) => (s ? lineOf(s.file, s.line) : '');

describe('a hand-edited copy of a page', () => {
  const original = readFileSync(join(ROOT, BETA), 'utf8');
  const edit = (from: string, to: string, text: string) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  };
  let edited = edit('The maximum length is 64 characters. |', 'The maximum length is 32 characters. |', original);
  edited = edit("|jobTitle|String|The user's job title.|\n", '', edited);
  edited = edit('|postalCode|String|The postal code', '|postalCode|Int32|The postal code', edited);
  edited = edit(
    "|state|String|The state or province in the user's address.|\n",
    "|state|String|The state or province in the user's address.|\n|nickname|String|A short name the user goes by.|\n",
    edited,
  );

  const a = generateText(BETA, original, undefined, 'beta') as OperationSpec;
  const b = generateText('spec/sources/beta/user-update.edited.md', edited, join(ROOT, 'spec/sources/beta'), 'beta') as OperationSpec;
  const r = diffSpecs(a, b);

  it('gives exactly the four edits, each breaking the side it should', () => {
    expect(r.changes.map((c) => [c.kind, c.subject, c.breaking])).toEqual([
      ['constraint-tightened', 'companyName', { client: true, server: false }],
      ['type-changed', 'postalCode', { client: true, server: true }],
      ['property-removed', 'jobTitle', { client: true, server: false }],
      ['property-added', 'nickname', { client: false, server: true }],
    ]);
    expect(only(r, 'constraint-tightened', 'companyName')).toMatchObject({ before: 'maxLength 64', after: 'maxLength 32' });
    expect(only(r, 'type-changed', 'postalCode')).toMatchObject({ before: 'String', after: 'Int32' });
  });

  it('cites the line on both sides', () => {
    const tightened = only(r, 'constraint-tightened', 'companyName');
    expect(line(tightened.a)).toContain('The maximum length is 64 characters.');
    expect(edited.split('\n')[tightened.b!.line - 1]).toContain('The maximum length is 32 characters.');
    expect(line(only(r, 'property-removed', 'jobTitle').a)).toContain('|jobTitle|');
    expect(edited.split('\n')[only(r, 'property-added', 'nickname').b!.line - 1]).toContain('|nickname|');
    const typed = only(r, 'type-changed', 'postalCode');
    expect(line(typed.a)).toContain('|postalCode|String|');
    expect(edited.split('\n')[typed.b!.line - 1]).toContain('|postalCode|Int32|');
  });

  it('finds nothing between a page and itself', () => {
    expect(diffSpecs(a, generateText(BETA, original, undefined, 'beta') as OperationSpec).changes).toEqual([]);
  });
});

describe('the bundled variants', () => {
  const v1 = bundled('v1.0');
  const beta = bundled('beta');
  const localtest = bundled('localtest');

  it('v1.0 → beta: assignedLicenses and identities are beta-only, and so are the otherMails limits', () => {
    const r = diffSpecs(v1, beta);
    expect(only(r, 'property-added', 'assignedLicenses').after).toBe('assignedLicense collection');
    expect(only(r, 'property-added', 'identities').after).toBe('objectIdentity collection');
    const otherMails = r.changes.filter((c) => c.subject === 'otherMails' && c.kind === 'constraint-added').map((c) => c.after);
    expect(otherMails).toEqual(expect.arrayContaining(['maxItems 250', 'itemMaxLength 250']));
    for (const c of r.changes.filter((x) => x.subject === 'otherMails' && x.kind === 'constraint-added')) expect(line(c.b)).toContain('otherMails');
  });

  it('localtest → v1.0: 200 vs 204, ageGroup String vs enum, and the read-only properties the stub lists', () => {
    const r = diffSpecs(localtest, v1);
    expect(only(r, 'status-changed', 'status')).toMatchObject({ before: '200 OK', after: '204 No Content', breaking: { client: true, server: true } });
    expect(only(r, 'type-changed', 'ageGroup')).toMatchObject({ before: 'String', after: 'ageGroup (enum)', breaking: { client: true, server: false } });
    const readOnly = r.changes.filter((c) => c.kind === 'property-removed' && /marks it read-only/.test(c.message));
    expect(readOnly.map((c) => c.subject)).toEqual(expect.arrayContaining(['id', 'assignedPlans', 'provisionedPlans', 'proxyAddresses', 'imAddresses']));
    for (const c of readOnly) {
      expect(line(c.a)).toContain(`|${c.subject}|`);
      // The B side cites the resource page's own "Read-only" sentence.
      expect(line(c.b)).toMatch(/Read-only/);
    }
  });

  it.skipIf(!hasCorpus)('2021 → current v1.0 page: hireDate renamed employeeHireDate, otherMails became a collection, new properties', () => {
    const old = generateFile(join(GRAPH_DOCS, '_historic-2021-07/v1.0/api/user-update.md')) as OperationSpec;
    const current = generateFile(join(GRAPH_DOCS, 'v1.0/api/user-update.md')) as OperationSpec;
    const r = diffSpecs(old, current);
    expect(only(r, 'property-renamed', 'hireDate')).toMatchObject({ before: 'hireDate', after: 'employeeHireDate' });
    expect(only(r, 'collection-changed', 'otherMails')).toMatchObject({ before: 'String', after: 'String collection' });
    const added = r.changes.filter((c) => c.kind === 'property-added').map((c) => c.subject);
    expect(added).toEqual(expect.arrayContaining(['customSecurityAttributes', 'employeeLeaveDateTime', 'employeeOrgData']));
    // The current page's permissions sit in an include missing from the corpus: unknown, not removed.
    expect(r.changes.filter((c) => c.kind === 'permission-changed')).toMatchObject([{ subject: 'permissions', breaking: { client: false, server: false } }]);
  });

  it('swapping A and B swaps who each change breaks, except permissions, which only ever break clients', () => {
    const specs = [v1, beta, localtest, bundled('intune')];
    const isPermission = (c: DriftChange) => c.kind === 'permission-changed' || (c.id ?? '').includes('.requiresPermission');
    const count = (r: ReturnType<typeof diffSpecs>, side: 'client' | 'server') => r.changes.filter((c) => !isPermission(c) && c.breaking[side]).length;
    for (const x of specs) {
      for (const y of specs) {
        const forward = diffSpecs(x, y);
        const backward = diffSpecs(y, x);
        expect(backward.summary.total, `${x.variant} ↔ ${y.variant}`).toBe(forward.summary.total);
        expect(count(backward, 'client'), `${x.variant} ↔ ${y.variant}`).toBe(count(forward, 'server'));
        expect(count(backward, 'server'), `${x.variant} ↔ ${y.variant}`).toBe(count(forward, 'client'));
        // A permission newly accepted refuses nobody, so no permission change breaks a server either way.
        expect([...forward.changes, ...backward.changes].filter((c) => isPermission(c) && c.breaking.server)).toEqual([]);
        if (x === y) expect(forward.changes).toEqual([]);
      }
    }
  });

  it('every change cites at least one side, and each cited line exists', () => {
    for (const r of [diffSpecs(v1, beta), diffSpecs(localtest, v1)]) {
      for (const c of r.changes) {
        expect(c.a ?? c.b, `${c.kind} ${c.subject}`).toBeDefined();
        for (const s of [c.a, c.b]) if (s) expect(line(s).trim(), `${c.kind} ${c.subject} ${s.file}:${s.line}`).not.toBe('');
      }
      expect(r.changes.filter(isBreaking).length).toBe(r.summary.breaking);
    }
  });

  it('every change agrees with its kind in the change registry, or its kind says it depends', () => {
    const specs = [v1, beta, localtest, bundled('intune')];
    const audience = (b: DriftChange['breaking']) => (b.client && b.server ? 'both' : b.client ? 'client' : b.server ? 'server' : 'none');
    let checked = 0;
    for (const x of specs) {
      for (const y of specs) {
        for (const c of diffSpecs(x, y).changes) {
          const rule = CHANGE_KINDS[c.kind];
          expect(rule, c.kind).toBeDefined();
          if (rule.breaks === 'depends') continue;
          expect(audience(c.breaking), `${c.kind} ${c.subject}`).toBe(rule.breaks);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
