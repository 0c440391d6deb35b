/**
 * Adds up page statistics into the coverage report of a docs tree: per version, what docspec saw, what it
 * extracted and resolved, what it mined, and which doc bugs the example check found.
 */
import { diagnosticRule } from '../ir/diagnostic-rules.js';
import { noSentences, type SentenceClass, wordingOf } from '../extract/sentence-account.js';
import type { RefusedExample } from '../pipeline/example-verdict.js';
import type { CsdlModel } from '../read/csdl.js';
import { withMetadata } from './metadata-source.js';
import { explainWith } from './second-source.js';
import type { DocBug, PageStats, UnrecognisedSentence } from './page-stats.js';

export interface VersionCoverage {
  version: string;
  pages: number;
  /** Pages that could not be processed (each has a `page-failed` diagnostic). */
  failedPages: string[];
  pagesWithRequestBody: number;
  pagesWithRequestTable: number;
  pagesWithPropertyTypeDescriptionTable: number;
  /**
   * Pages with a request table where every row became a property (a row listed twice counts once; a line
   * continuing the row above is joined to it, not counted as a row).
   */
  pagesWithAllRowsExtracted: number;
  /** The pages with a request table where some row did not become a property. */
  pagesMissingRows: { file: string; rows: number; properties: number }[];
  tableRows: number;
  properties: number;
  types: {
    primitive: number;
    resolved: number;
    unresolved: number;
    /** (primitive + resolved) / all property types; 1 when there are none. */
    resolvedShare: number;
    /** resolved / (resolved + unresolved): how many named types had a resource page. */
    namedResolvedShare: number;
    topUnresolved: { name: string; count: number }[];
  };
  constraintsByRule: { rule: string; count: number }[];
  constraintsByKind: { kind: string; count: number }[];
  /** Operations (pages that were processed) by HTTP method. */
  operationsByMethod: { method: string; count: number }[];
  /**
   * The docs' own example bodies against their own validators: each refused one is a `doc-bug` (a second
   * source agrees with the rule) or a `rule-suspect` (listed: the rules' backlog).
   */
  examples: {
    checked: number;
    valid: number;
    invalid: number;
    failedRules: { rule: string; count: number }[];
    docBug: number;
    ruleSuspect: number;
    /** (valid + doc-bug) / checked; 1 when none were checked. */
    acceptedOrDocBugShare: number;
    refused: RefusedExample[];
  };
  docBugs: { count: number; byRule: { rule: string; count: number }[]; list: DocBug[] };
  diagnosticsByRule: { rule: string; severity: string; count: number }[];
  /**
   * Every sentence of the request tables' description cells, by class. `ruleLike` counts those that stated a
   * rule or have a rule's vocabulary; `unrecognisedShare` is unrecognised / ruleLike; `unrecognisedGroups`
   * lists every unrecognised sentence grouped by wording, most frequent first.
   */
  sentences: {
    byClass: Record<SentenceClass, number>;
    ruleLike: number;
    unrecognisedShare: number;
    unrecognisedGroups: { wording: string; count: number; examples: UnrecognisedSentence[] }[];
  };
}

export interface CoverageReport {
  versions: VersionCoverage[];
}

const TOP_UNRESOLVED = 20;
/** Sentences kept per unrecognised group (its count says how many there are). */
const EXAMPLES_PER_GROUP = 3;

/**
 * `metadata`: Microsoft's CSDL for the tree, a second source for the example verdicts (`metadata-source.ts`).
 * It describes one version; pages of the others are not compared with it.
 */
export function buildCoverage(stats: Iterable<PageStats>, metadata?: { model: CsdlModel; version: string }): CoverageReport {
  const byVersion = new Map<string, PageStats[]>();
  for (const s of stats) {
    const list = byVersion.get(s.version) ?? [];
    list.push(s);
    byVersion.set(s.version, list);
  }
  const versions = [...byVersion.keys()].sort(compareVersions);
  return {
    versions: versions.map((v) => {
      const pages = withOtherVersions(byVersion.get(v)!, byVersion);
      return versionCoverage(v, metadata?.version === v ? withMetadata(pages, metadata.model) : pages);
    }),
  };
}

/**
 * The other version is a second source: an example refused for a value of another JSON type than its table
 * row states is a doc bug when the same page of another version types the property the same way (both
 * tables say `Boolean`; the example sends `"false"`).
 */
function withOtherVersions(pages: PageStats[], byVersion: Map<string, PageStats[]>): PageStats[] {
  const base = (file: string) => file.slice(file.indexOf('/') + 1);
  const others = [...byVersion.values()].filter((list) => list !== pages);
  const index = new Map<string, PageStats[]>();
  for (const list of others) for (const p of list) index.set(base(p.file), [...(index.get(base(p.file)) ?? []), p]);
  return explainWith(pages, (p, name, stated) => {
    const agreeing = (index.get(base(p.file)) ?? []).find((o) => o.tableTypes[name] === stated);
    return agreeing ? `the table and the ${agreeing.version} page's table (${agreeing.file}) both type \`${name}\` ${stated}` : undefined;
  });
}

/** `v1.0` before `beta`, then by name: the order the docs site lists them. */
function compareVersions(a: string, b: string): number {
  const rank = (v: string) => (/^v\d/.test(v) ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function versionCoverage(version: string, pages: PageStats[]): VersionCoverage {
  pages = [...pages].sort((a, b) => a.file.localeCompare(b.file));
  const unresolved = new Map<string, number>();
  const constraints = new Map<string, number>();
  const kinds = new Map<string, number>();
  const methods = new Map<string, number>();
  const failedRules = new Map<string, number>();
  const diagnostics = new Map<string, number>();
  const docBugs: DocBug[] = [];
  const missing: VersionCoverage['pagesMissingRows'] = [];
  let primitive = 0;
  let resolved = 0;
  let checked = 0;
  let valid = 0;
  const refused: RefusedExample[] = [];
  for (const p of pages) {
    primitive += p.types.primitive;
    resolved += p.types.resolved;
    for (const name of p.types.unresolved) add(unresolved, name, 1);
    for (const [rule, n] of Object.entries(p.constraints)) add(constraints, rule, n);
    for (const [kind, n] of Object.entries(p.constraintKinds)) add(kinds, kind, n);
    if (p.method) add(methods, p.method, 1);
    for (const [rule, n] of Object.entries(p.examples.failedRules)) add(failedRules, rule, n);
    for (const [rule, n] of Object.entries(p.diagnostics)) add(diagnostics, rule, n);
    checked += p.examples.checked;
    valid += p.examples.valid;
    refused.push(...p.examples.refused);
    docBugs.push(...p.docBugs);
    // A row listed twice gives one property; a line that continues the row above is not a row.
    const accounted = p.properties + (p.diagnostics['duplicate-property'] ?? 0) + (p.diagnostics['table-row-continued'] ?? 0);
    if (p.requestTable && accounted !== p.tableRows) missing.push({ file: p.file, rows: p.tableRows, properties: p.properties });
  }
  const byClass = noSentences();
  const groups = new Map<string, UnrecognisedSentence[]>();
  for (const p of pages) {
    for (const [k, n] of Object.entries(p.sentences) as [SentenceClass, number][]) byClass[k] += n;
    for (const u of p.unrecognised) {
      const key = wordingOf(u.text);
      const list = groups.get(key) ?? [];
      list.push(u);
      groups.set(key, list);
    }
  }
  const ruleLike = byClass.binding + byClass.advisory + byClass.conditional + byClass.unrecognised;
  const unresolvedCount = [...unresolved.values()].reduce((a, b) => a + b, 0);
  const all = primitive + resolved + unresolvedCount;
  const withTable = pages.filter((p) => p.requestTable).length;
  return {
    version,
    pages: pages.length,
    failedPages: pages.filter((p) => p.failed).map((p) => p.file),
    pagesWithRequestBody: pages.filter((p) => p.requestBodySection).length,
    pagesWithRequestTable: withTable,
    pagesWithPropertyTypeDescriptionTable: pages.filter((p) => p.propertyTypeDescriptionTable).length,
    pagesWithAllRowsExtracted: withTable - missing.length,
    pagesMissingRows: missing,
    tableRows: pages.reduce((n, p) => n + p.tableRows, 0),
    properties: pages.reduce((n, p) => n + p.properties, 0),
    types: {
      primitive,
      resolved,
      unresolved: unresolvedCount,
      resolvedShare: all ? (primitive + resolved) / all : 1,
      namedResolvedShare: resolved + unresolvedCount ? resolved / (resolved + unresolvedCount) : 1,
      topUnresolved: ranked(unresolved)
        .slice(0, TOP_UNRESOLVED)
        .map(({ key, count }) => ({ name: key, count })),
    },
    constraintsByRule: ranked(constraints).map(({ key, count }) => ({ rule: key, count })),
    constraintsByKind: ranked(kinds).map(({ key, count }) => ({ kind: key, count })),
    operationsByMethod: ranked(methods).map(({ key, count }) => ({ method: key, count })),
    examples: {
      checked,
      valid,
      invalid: checked - valid,
      failedRules: ranked(failedRules).map(({ key, count }) => ({ rule: key, count })),
      docBug: refused.filter((r) => r.verdict === 'doc-bug').length,
      ruleSuspect: refused.filter((r) => r.verdict === 'rule-suspect').length,
      acceptedOrDocBugShare: checked ? (valid + refused.filter((r) => r.verdict === 'doc-bug').length) / checked : 1,
      refused,
    },
    docBugs: {
      count: docBugs.length,
      byRule: ranked(countBy(docBugs.map((b) => b.rule))).map(({ key, count }) => ({ rule: key, count })),
      list: docBugs,
    },
    diagnosticsByRule: ranked(diagnostics).map(({ key, count }) => ({
      rule: key,
      severity: diagnosticRule(key)?.severity ?? 'warning',
      count,
    })),
    sentences: {
      byClass,
      ruleLike,
      unrecognisedShare: ruleLike ? byClass.unrecognised / ruleLike : 0,
      unrecognisedGroups: [...groups]
        .map(([wording, list]) => ({ wording, count: list.length, examples: list.slice(0, EXAMPLES_PER_GROUP) }))
        .sort((a, b) => b.count - a.count || a.wording.localeCompare(b.wording)),
    },
  };
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function countBy(keys: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) add(out, k, 1);
  return out;
}

/** Most frequent first; ties by name, so the report is byte-stable. */
function ranked(map: Map<string, number>): { key: string; count: number }[] {
  return [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
