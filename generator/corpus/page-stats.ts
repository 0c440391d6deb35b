/**
 * What one api page contributed to a docs tree's coverage: the raw counts the coverage report adds up.
 * Plain data, so a cached page can stand in for a processed one without re-reading it.
 */
import { buildContract } from '../emit/contract.js';
import { validateWith } from '../emit/runtime.js';
import { isPropertyTable } from '../extract/property-table.js';
import { allBlocks, type PageModel, sectionBlocks } from '../read/page-model.js';
import { checkedBodies } from '../ir/example-bodies.js';
import { statedProperties } from '../ir/enforced.js';
import type { Diagnostic, OperationSpec } from '../ir/ir.js';
import { formatTypeRef } from '../ir/type-expression.js';
import { accountSentences, noSentences, type SentenceClass } from '../extract/sentence-account.js';
import { exampleVerdict, type RefusedExample } from '../pipeline/example-verdict.js';

export interface DocBug {
  rule: string;
  file: string;
  line: number;
  message: string;
}

export interface PageStats {
  file: string;
  version: string;
  operation: string;
  /** The page could not be processed at all (a `page-failed` diagnostic says why). */
  failed: boolean;
  /** Has a "Request body" section. */
  requestBodySection: boolean;
  /** Its request body has a property table (first column Property/Name/Parameter, a Type column). */
  requestTable: boolean;
  /** …and that table's header starts Property | Type | Description (more columns may follow). */
  propertyTypeDescriptionTable: boolean;
  /** Data rows in the request body's property tables, as the page model has them. */
  tableRows: number;
  /** Request body properties in the spec (a row listed twice counts once). */
  properties: number;
  /** Request body property types: primitives, named types resolved from a resource page, and the rest. */
  types: { primitive: number; resolved: number; unresolved: string[] };
  /** Mined constraints on request body properties, by rule id. */
  constraints: Record<string, number>;
  /** The same, by constraint kind. */
  constraintKinds: Record<string, number>;
  /** The operation's HTTP method (empty for a page that failed). */
  method: string;
  /**
   * Example request bodies (the page's own method, a JSON object) run through the page's own validator, and
   * each one it refuses with its verdict (see `example-verdict.ts`).
   */
  examples: { checked: number; valid: number; failedRules: Record<string, number>; refused: RefusedExample[] };
  /** Example bodies that contradict the page's table: properties it does not list, values of the wrong JSON type. */
  docBugs: DocBug[];
  /** Diagnostics, by rule id. */
  diagnostics: Record<string, number>;
  /**
   * Each stated body property's type as its row states it (`Boolean`, `String collection`), the request table's
   * or the resource page's a "JSON representation of X" body lends: another version's page and the metadata
   * compare.
   */
  tableTypes: Record<string, string>;
  /**
   * What Microsoft's metadata would declare the body's properties on: the resource the body represents, and the
   * action or function the request path ends in (`/me/sendMail` → `sendMail`).
   */
  target: { resource?: string; action?: string };
  /** The sentences of the request table's description cells, by class (see `sentence-account.ts`). */
  sentences: Record<SentenceClass, number>;
  /** Each sentence with a rule's vocabulary that produced nothing. */
  unrecognised: UnrecognisedSentence[];
}

export interface UnrecognisedSentence {
  text: string;
  file: string;
  line: number;
}

const DOC_BUG_RULES = new Set(['example-unknown-property', 'example-type-mismatch']);

export function pageStats(page: PageModel, spec: OperationSpec, version: string): PageStats {
  const bodySection = page.sections.some((s) => /^Request body$/i.test(s.title.trim()));
  const tables = allBlocks(sectionBlocks(page, /^Request body$/i)).filter(isPropertyTable);
  const types = { primitive: 0, resolved: 0, unresolved: [] as string[] };
  const constraints: Record<string, number> = {};
  const constraintKinds: Record<string, number> = {};
  // Properties read from an example, from the resource page the body refers to, or from the page's example
  // alone (`via`) are not the table's.
  const tableProperties = spec.requestBody.fromExample ? [] : spec.requestBody.properties.filter((p) => p.via === undefined);
  const sentences = noSentences();
  const unrecognised: UnrecognisedSentence[] = [];
  for (const p of tableProperties) {
    for (const s of accountSentences(p)) {
      sentences[s.class]++;
      if (s.class === 'unrecognised') unrecognised.push({ text: s.text, file: p.source.file, line: s.line });
    }
    if (p.type.kind === 'primitive') types.primitive++;
    // A Type cell that is no type expression reads as any value (`Json`): still a type docspec did not resolve.
    else if (p.type.written !== undefined) types.unresolved.push(p.type.written || '(empty)');
    else if (p.type.resolution === 'unresolved') types.unresolved.push(p.type.name);
    else types.resolved++;
    for (const c of p.constraints) {
      bump(constraints, c.rule);
      bump(constraintKinds, c.kind);
    }
  }
  return {
    file: spec.page.file,
    version,
    operation: spec.operation,
    failed: false,
    requestBodySection: bodySection,
    requestTable: tables.length > 0,
    propertyTypeDescriptionTable: tables.some(
      (t) =>
        t.header
          .slice(0, 3)
          .map((h) => h.trim().toLowerCase())
          .join('|') === 'property|type|description',
    ),
    tableRows: tables.reduce((n, t) => n + t.rows.length, 0),
    properties: tableProperties.length,
    types,
    constraints,
    constraintKinds,
    method: spec.http.method,
    examples: checkExampleBodies(spec),
    docBugs: spec.diagnostics.filter((d) => DOC_BUG_RULES.has(d.rule)).map((d) => ({ rule: d.rule, file: d.file, line: d.line, message: d.message })),
    diagnostics: countRules(spec.diagnostics),
    tableTypes: Object.fromEntries((spec.requestBody.fromExample ? [] : statedProperties(spec)).map((p) => [p.name, formatTypeRef(p.type)])),
    target: {
      ...(spec.requestBody.resource ? { resource: spec.requestBody.resource } : {}),
      ...(actionOf(spec) ? { action: actionOf(spec) } : {}),
    },
    sentences,
    unrecognised,
  };
}

/** The last segment of the request path when it names an operation, not a key: `sendMail`, `microsoft.graph.clone`. */
function actionOf(spec: OperationSpec): string | undefined {
  const template = spec.http.paths[0]?.template ?? '';
  const last = template.replace(/\?.*$/, '').split('/').at(-1) ?? '';
  const name = last.replace(/^microsoft\.graph\./, '').replace(/\(.*$/, '');
  return /^[A-Za-z]\w*$/.test(name) ? name : undefined;
}

/** Stats for a page that failed: it counts as seen, with its diagnostics, and nothing else. */
export function failedPageStats(file: string, version: string, operation: string, diagnostics: Diagnostic[]): PageStats {
  return {
    file,
    version,
    operation,
    failed: true,
    requestBodySection: false,
    requestTable: false,
    propertyTypeDescriptionTable: false,
    tableRows: 0,
    properties: 0,
    types: { primitive: 0, resolved: 0, unresolved: [] },
    constraints: {},
    constraintKinds: {},
    method: '',
    examples: { checked: 0, valid: 0, failedRules: {}, refused: [] },
    docBugs: [],
    diagnostics: countRules(diagnostics),
    tableTypes: {},
    target: {},
    sentences: noSentences(),
    unrecognised: [],
  };
}

function checkExampleBodies(spec: OperationSpec): PageStats['examples'] {
  const out: PageStats['examples'] = { checked: 0, valid: 0, failedRules: {}, refused: [] };
  const examples = checkedBodies(spec);
  if (examples.length === 0) return out;
  const contract = buildContract(spec);
  for (const { ex, body } of examples) {
    out.checked++;
    const result = validateWith(contract, body);
    if (result.valid) {
      out.valid++;
      continue;
    }
    for (const rule of new Set(result.errors.map((e) => e.rule))) bump(out.failedRules, rule);
    out.refused.push(exampleVerdict(spec, ex, result.errors));
  }
  return out;
}

function countRules(list: Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of list) bump(out, d.rule);
  return out;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
