/**
 * The coverage report's arithmetic over page statistics, and its markdown: versions in docs-site order,
 * "all rows" allowing for rows listed twice, resolved shares, rankings, and doc text that cannot break tables.
 */
import { describe, expect, it } from 'vitest';
import { buildCoverage } from '../../generator/corpus/coverage.js';
import type { PageStats } from '../../generator/corpus/page-stats.js';
import { readCsdl } from '../../generator/read/csdl.js';
import { formatCoverageMarkdown } from '../../generator/report/coverage-markdown.js';

function stats(file: string, version: string, over: Partial<PageStats> = {}): PageStats {
  return {
    file,
    version,
    operation: file,
    failed: false,
    requestBodySection: true,
    requestTable: true,
    propertyTypeDescriptionTable: true,
    tableRows: 3,
    properties: 3,
    types: { primitive: 2, resolved: 1, unresolved: [] },
    constraints: { 'max-length': 1 },
    constraintKinds: { maxLength: 1 },
    method: 'PATCH',
    examples: { checked: 1, valid: 1, failedRules: {}, refused: [] },
    docBugs: [],
    diagnostics: {},
    tableTypes: {},
    target: {},
    sentences: { binding: 1, advisory: 0, conditional: 0, informational: 2, unrecognised: 0 },
    unrecognised: [],
    ...over,
  };
}

const refused = (verdict: 'doc-bug' | 'rule-suspect') => ({
  file: 'v1.0/api/v3.md',
  line: 9,
  example: verdict,
  verdict,
  rule: 'type',
  path: '/x',
  why: 'because',
  unexplained: verdict === 'rule-suspect' ? [{ rule: 'type', path: '/x', line: 9, why: 'because' }] : [],
});
/** `n` issues no source on the page explains, each a wrongly typed `/x`. */
const issues = (n: number, path = '/x') => Array.from({ length: n }, (_, k) => ({ rule: 'type', path: k ? `/y${k}` : path, line: 9 + k, why: 'because' }));

describe('the metadata as a second source', () => {
  // After v1.0-Prod.csdl's sendMail action and featureRolloutPolicy entity; `event`, an enum-typed property,
  // is printTaskTrigger's there, added here to have one.
  const model = readCsdl({
    file: 'v1.0-Prod.csdl',
    text: `<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EnumType Name="printEvent"><Member Name="jobStarted" Value="0" /></EnumType>
<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
<EntityType Name="featureRolloutPolicy" BaseType="graph.entity">
<Property Name="isAppliedToOrganization" Type="Edm.Boolean" Nullable="false" />
<Property Name="isEnabled" Type="Edm.Boolean" Nullable="false" />
<Property Name="event" Type="graph.printEvent" />
</EntityType>
<Action Name="sendMail" IsBound="true">
<Parameter Name="bindingParameter" Type="graph.user" />
<Parameter Name="SaveToSentItems" Type="Edm.Boolean" />
</Action>
</Schema></edmx:DataServices></edmx:Edmx>`,
  });
  const page = (x: string, type: string, target: PageStats['target'], suspects = 1) =>
    stats('v1.0/api/p.md', 'v1.0', {
      tableTypes: { [x]: type },
      target,
      examples: {
        checked: 1,
        valid: 0,
        failedRules: { type: 1 },
        refused: [{ ...refused('rule-suspect'), path: `/${x}`, unexplained: issues(suspects, `/${x}`) }],
      },
    });
  const verdict = (p: PageStats, version = 'v1.0') => buildCoverage([p], { model, version }).versions[0]!.examples.refused[0]!;

  it("makes a wrong JSON type a doc bug when the action's parameter has the table's type (letter case aside)", () => {
    expect(verdict(page('saveToSentItems', 'Boolean', { action: 'sendMail' }))).toMatchObject({
      verdict: 'doc-bug',
      why: 'the table and the metadata (v1.0-Prod.csdl:12, Edm.Boolean) both type `saveToSentItems` Boolean',
    });
  });

  it("and when the resource's property (its own or a base type's) has it", () => {
    expect(verdict(page('isEnabled', 'Boolean', { resource: 'featureRolloutPolicy' }))).toMatchObject({ verdict: 'doc-bug' });
    expect(verdict(page('id', 'String', { resource: 'featureRolloutPolicy' }))).toMatchObject({ verdict: 'doc-bug' });
  });

  it('makes an example with several wrongly typed values a doc bug only when it explains them all', () => {
    const two = (second: string) =>
      stats('v1.0/api/p.md', 'v1.0', {
        tableTypes: { isEnabled: 'Boolean', [second]: 'Boolean' },
        target: { resource: 'featureRolloutPolicy' },
        examples: {
          checked: 1,
          valid: 0,
          failedRules: { type: 2 },
          refused: [
            {
              ...refused('rule-suspect'),
              path: '/isEnabled',
              unexplained: [
                { rule: 'type', path: '/isEnabled', line: 9, why: 'because' },
                { rule: 'type', path: `/${second}`, line: 10, why: 'one source states the type' },
              ],
            },
          ],
        },
      });
    expect(verdict(two('isAppliedToOrganization'))).toMatchObject({ verdict: 'doc-bug', unexplained: [] });
    // The one left unexplained becomes the decisive issue, at its own line.
    expect(verdict(two('unknown'))).toMatchObject({ verdict: 'rule-suspect', path: '/unknown', line: 10, why: 'one source states the type' });
  });

  it('keeps it suspect where the metadata types it otherwise, is silent, describes another version, or more is unexplained', () => {
    expect(verdict(page('event', 'Boolean', { resource: 'featureRolloutPolicy' })).verdict).toBe('rule-suspect');
    expect(verdict(page('other', 'Boolean', { resource: 'featureRolloutPolicy' })).verdict).toBe('rule-suspect');
    expect(verdict(page('isEnabled', 'Boolean', { resource: 'featureRolloutPolicy' }), 'beta').verdict).toBe('rule-suspect');
    expect(verdict(page('isEnabled', 'Boolean', { resource: 'featureRolloutPolicy' }, 2)).verdict).toBe('rule-suspect');
  });
});

describe('another version as a second source', () => {
  const page = (file: string, version: string, x: string, suspects = 1) =>
    stats(file, version, {
      tableTypes: { x },
      examples: { checked: 1, valid: 0, failedRules: { type: 1 }, refused: [{ ...refused('rule-suspect'), file, unexplained: issues(suspects) }] },
    });
  const verdicts = (pages: PageStats[]) => buildCoverage(pages).versions.map((v) => v.examples.refused.map((r) => [r.verdict, r.why]));

  it('makes a wrong JSON type a doc bug when the same page of the other version types the property the same', () => {
    expect(verdicts([page('v1.0/api/p.md', 'v1.0', 'Boolean'), stats('beta/api/p.md', 'beta', { tableTypes: { x: 'Boolean' } })])).toEqual([
      [['doc-bug', "the table and the beta page's table (beta/api/p.md) both type `x` Boolean"]],
      [],
    ]);
  });

  it('not when the other version types it otherwise, lacks the page, or the example has another unexplained issue', () => {
    expect(verdicts([page('v1.0/api/p.md', 'v1.0', 'Boolean'), stats('beta/api/p.md', 'beta', { tableTypes: { x: 'String' } })])[0]).toEqual([
      ['rule-suspect', 'because'],
    ]);
    expect(verdicts([page('v1.0/api/p.md', 'v1.0', 'Boolean'), stats('beta/api/q.md', 'beta', { tableTypes: { x: 'Boolean' } })])[0]).toEqual([
      ['rule-suspect', 'because'],
    ]);
    expect(verdicts([page('v1.0/api/p.md', 'v1.0', 'Boolean', 2), stats('beta/api/p.md', 'beta', { tableTypes: { x: 'Boolean' } })])[0]).toEqual([
      ['rule-suspect', 'because'],
    ]);
  });
});

describe('buildCoverage', () => {
  const report = buildCoverage([
    stats('b1', 'beta', { types: { primitive: 1, resolved: 0, unresolved: ['fooType', 'barType', 'fooType'] } }),
    stats('v1', 'v1.0'),
    stats('v2', 'v1.0', { tableRows: 4, properties: 3, diagnostics: { 'duplicate-property': 1 } }),
    stats('v3', 'v1.0', {
      tableRows: 5,
      properties: 3,
      examples: { checked: 2, valid: 0, failedRules: { type: 2 }, refused: [refused('doc-bug'), refused('rule-suspect')] },
    }),
    stats('v4', 'v1.0', {
      requestTable: false,
      propertyTypeDescriptionTable: false,
      tableRows: 0,
      properties: 0,
      types: { primitive: 0, resolved: 0, unresolved: [] },
      constraints: {},
      constraintKinds: {},
      method: 'POST',
    }),
    stats('v5', 'v1.0', {
      failed: true,
      requestTable: false,
      tableRows: 0,
      properties: 0,
      diagnostics: { 'page-failed': 1 },
      method: '',
      docBugs: [{ rule: 'example-unknown-property', file: 'v5', line: 9, message: 'x' }],
    }),
  ]);
  const v1 = report.versions[0]!;
  const beta = report.versions[1]!;

  it('lists v1.0 before beta and counts pages, failures and tables', () => {
    expect(report.versions.map((v) => v.version)).toEqual(['v1.0', 'beta']);
    expect(v1).toMatchObject({ pages: 5, failedPages: ['v5'], pagesWithRequestBody: 5, pagesWithRequestTable: 3 });
  });

  it('counts a table with all rows when only a twice-listed row is missing', () => {
    expect(v1.pagesWithAllRowsExtracted).toBe(2);
    expect(v1.pagesMissingRows).toEqual([{ file: 'v3', rows: 5, properties: 3 }]);
  });

  it('gives resolved shares and the unresolved names, most frequent first', () => {
    expect(beta.types).toMatchObject({ primitive: 1, resolved: 0, unresolved: 3, resolvedShare: 0.25, namedResolvedShare: 0 });
    expect(beta.types.topUnresolved).toEqual([
      { name: 'fooType', count: 2 },
      { name: 'barType', count: 1 },
    ]);
    expect(v1.types.resolvedShare).toBe(1);
  });

  it('adds up constraints, example verdicts, doc bugs and diagnostics', () => {
    expect(v1.constraintsByRule).toEqual([{ rule: 'max-length', count: 4 }]);
    expect(v1.constraintsByKind).toEqual([{ kind: 'maxLength', count: 4 }]);
    // A failed page has no operation to count.
    expect(v1.operationsByMethod).toEqual([
      { method: 'PATCH', count: 3 },
      { method: 'POST', count: 1 },
    ]);
    expect(v1.examples).toEqual({
      checked: 6,
      valid: 4,
      invalid: 2,
      failedRules: [{ rule: 'type', count: 2 }],
      docBug: 1,
      ruleSuspect: 1,
      acceptedOrDocBugShare: 5 / 6,
      refused: [refused('doc-bug'), refused('rule-suspect')],
    });
    const md = formatCoverageMarkdown(report);
    expect(md).toContain('| … refused: doc-bug / rule-suspect | 1 / 1 | 0 / 0 |');
    expect(md).toContain('- `v1.0/api/v3.md:9` `type` at `/x`: because');
    expect(v1.docBugs).toMatchObject({ count: 1, byRule: [{ rule: 'example-unknown-property', count: 1 }] });
    expect(v1.diagnosticsByRule).toEqual([
      { rule: 'duplicate-property', severity: 'warning', count: 1 },
      { rule: 'page-failed', severity: 'error', count: 1 },
    ]);
  });

  it('renders markdown in which doc text cannot break a table', () => {
    const md = formatCoverageMarkdown(
      buildCoverage([stats('a|b.md', 'v1.0', { tableRows: 2, properties: 1, types: { primitive: 0, resolved: 0, unresolved: ['x|`y`'] } })]),
    );
    expect(md).toContain('| pages with a request property table | 1 |');
    expect(md).toContain('| … extracted with all rows | 0 of 1 |');
    expect(md).toContain('| `a\\|b.md` | 2 | 1 |');
    expect(md).toContain('`` x\\|`y` ``');
  });
});

describe('sentence accounting in the coverage report', () => {
  const unrecognised = (text: string, line: number) => ({ text, file: 'v1.0/api/x.md', line });
  const report = buildCoverage([
    stats('v1', 'v1.0', {
      sentences: { binding: 5, advisory: 1, conditional: 1, informational: 9, unrecognised: 3 },
      unrecognised: [
        unrecognised('You can specify up to 20 objects.', 4),
        unrecognised('You can specify up to 5 objects.', 5),
        unrecognised('Must be owner or empty.', 6),
      ],
    }),
  ]);
  const v1 = report.versions[0]!;

  it('counts each class, and the unrecognised share of rule-like sentences', () => {
    expect(v1.sentences.byClass).toEqual({ binding: 5, advisory: 1, conditional: 1, informational: 9, unrecognised: 3 });
    expect(v1.sentences.ruleLike).toBe(10);
    expect(v1.sentences.unrecognisedShare).toBeCloseTo(0.3);
  });

  it('groups unrecognised sentences by wording, most frequent first, numbers folded', () => {
    expect(v1.sentences.unrecognisedGroups.map((g) => [g.wording, g.count])).toEqual([
      ['you can specify up to # objects', 2],
      ['must be owner or empty', 1],
    ]);
    const md = formatCoverageMarkdown(report);
    expect(md).toContain('| unrecognised rule-like sentences | 3 of 10 (30.0%) |');
    expect(md).toContain('| you can specify up to \\# objects | 2 | `v1.0/api/x.md:4` You can specify up to 20 objects. |');
  });
});
