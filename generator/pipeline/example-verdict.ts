/**
 * Why the page's own validator refuses one of its examples. The page contradicts itself, so one of the two is
 * wrong: a `doc-bug` when a second source agrees with the rule (the resource page states the same, the
 * example leaves a placeholder where the type column states a type, two lists of values agree); otherwise a
 * `rule-suspect`, a reading of the page that its own example does not bear out. `example-readings.ts` keeps
 * such a rule as advice where it can; the ones it cannot (a value of another JSON type than the table's) stay
 * refused, listed in the coverage report.
 */
import type { ValidationIssue } from '../emit/runtime.js';
import { allowedValues } from '../ir/enum-values.js';
import type { Example, OperationSpec } from '../ir/ir.js';
import { keyLine, pointerSegments, propertyAt, topProperty, valueAt } from '../ir/json-pointer.js';
import { formatTypeRef } from '../ir/type-expression.js';

export type ExampleVerdict = 'doc-bug' | 'rule-suspect';

export interface RefusedExample {
  file: string;
  line: number;
  example: string;
  verdict: ExampleVerdict;
  /** The first issue that decided the verdict: every issue must be a doc bug for the example to be one. */
  rule: string;
  path: string;
  why: string;
  /**
   * Each of the example's issues no second source on the page explains, the decisive one first: a source the
   * coverage report adds (another version, the metadata) makes the example a doc bug only by explaining all.
   */
  unexplained: UnexplainedIssue[];
}

export interface UnexplainedIssue {
  rule: string;
  path: string;
  line: number;
  why: string;
}

/**
 * A value the page left for the reader to replace: a type name, "Mail value", "position-value", `{id}`,
 * `<value>`, or the choices themselves ("notRecording | recording | failed").
 */
const PLACEHOLDER =
  /^(?:String|Boolean|Int(?:16|32|64)?|Double|DateTimeOffset|Guid|Binary|.+[ -]value(?:[ -]\d+)?|\{[^{}]+\}|<[^<>]+>|[^|]+(?:\s\|\s[^|]+)+)$/i;

/**
 * The resource's own page states the rule too: its type in the spec (the one the request table's rows fill
 * from, and the response is typed by) gives the property a constraint from the same rule, from another file.
 * A generated stub page (Intune's) copies its resource page's sentences; both saying it is two sources.
 */
function statedOnResource(spec: OperationSpec, name: string, rule: string, file: string): string | undefined {
  const def = spec.requestBody.resource ? spec.types[spec.requestBody.resource] : undefined;
  if (def?.kind !== 'complex') return undefined;
  const p = def.properties.find((x) => x.name.toLowerCase() === name.toLowerCase());
  const c = p?.constraints.find((x) => x.rule === rule && x.source.file !== file && x.condition === undefined);
  return c ? `the table and the ${def.name} resource page both state it ("${c.sentence}")` : undefined;
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

export function exampleVerdict(spec: OperationSpec, ex: Example, errors: readonly ValidationIssue[]): RefusedExample {
  const req = ex.request!;
  const verdicts = errors.map((e) => issueVerdict(spec, req.body as Record<string, unknown>, e));
  const decisive = verdicts.find((v) => v.verdict === 'rule-suspect') ?? verdicts[0]!;
  const suspects = verdicts.filter((v) => v.verdict === 'rule-suspect');
  return {
    file: req.source.file,
    line: keyLine(req, decisive.issue.path).line,
    example: ex.name,
    verdict: decisive.verdict,
    rule: decisive.issue.rule,
    path: decisive.issue.path,
    why: decisive.why,
    unexplained: suspects.map((v) => ({ rule: v.issue.rule, path: v.issue.path, line: keyLine(req, v.issue.path).line, why: v.why })),
  };
}

export function issueVerdict(
  spec: OperationSpec,
  body: Record<string, unknown>,
  e: ValidationIssue,
): { issue: ValidationIssue; verdict: ExampleVerdict; why: string } {
  const doc = (why: string) => ({ issue: e, verdict: 'doc-bug' as const, why });
  const suspect = (why: string) => ({ issue: e, verdict: 'rule-suspect' as const, why });
  const segments = pointerSegments(e.path);
  const value = valueAt(body, e.path);
  if (typeof value === 'string' && PLACEHOLDER.test(value.trim())) return doc(`the example leaves the placeholder "${value}" where the page states a value`);
  if (value === '' && (e.rule === 'allowed-values' || e.rule === 'enum-type')) return doc('the example leaves empty a value the page lists the choices of');
  // The workbook pages' generated examples write `"index": {}` for a number: an empty object is no value of a
  // primitive type (an object-typed row would not refuse it for its type).
  if (e.rule === 'type' && isEmptyObject(value)) return doc('the example leaves an empty object `{}` where the page states a value of a primitive type');
  // Only a top-level property has a row on the resource page to compare with.
  const top = topProperty(e.path) !== undefined;
  const name = segments[0] ?? '';
  const row = spec.requestBody.properties.find((p) => p.name === name);
  const resource = spec.requestBody.resource ?? 'resource';
  const listed = spec.requestBody.resourceProperties?.map((n) => n.toLowerCase());
  const onResource = listed?.includes(name.toLowerCase());
  const readOnlyThere = spec.requestBody.resourceReadOnly?.some((r) => r.property.toLowerCase() === name.toLowerCase());
  const errorFile = e.source.replace(/:\d+$/, '');
  const onResourcePage = top && e.rule !== 'unknown-property' && e.rule !== 'type' ? statedOnResource(spec, name, e.rule, errorFile) : undefined;
  if (onResourcePage) return doc(onResourcePage);
  switch (e.rule) {
    case 'unknown-property': {
      if (!top) return suspect(`only the nested type's page states its properties`);
      if (readOnlyThere) return doc(`the ${resource} resource page marks \`${name}\` read-only`);
      if (!listed) return suspect('no resource page to confirm the body is closed');
      if (onResource) return suspect(`the ${resource} resource page lists \`${name}\`: the body may hold more than its table`);
      if (!spec.requestBody.fromResource) return doc(`neither the table nor the ${resource} resource page lists \`${name}\``);
      return suspect(`only the ${resource} resource page states the body`);
    }
    case 'type':
      // A row whose resource page gives another JSON shape carries `resourceType`: without it, the two agree.
      if (top && row && row.via === undefined && onResource && !row.resourceType)
        return doc(`the table and the ${resource} resource page both type \`${name}\` ${formatTypeRef(row.type)}`);
      return suspect('one source states the type');
    case 'read-only':
      if (top && readOnlyThere && row?.via === undefined) return doc(`the table and the ${resource} resource page both mark \`${name}\` read-only`);
      return suspect('one source marks it read-only');
    case 'allowed-values':
    case 'enum-type': {
      // Nested too: a physicalAddress's `type` has its description's list and its enum type page's.
      const target = top ? row : propertyAt(spec, e.path);
      const described = target?.constraints.find((c) => c.kind === 'enum');
      const def = target?.type.kind === 'named' ? spec.types[target.type.name] : undefined;
      if (target && described && def?.kind === 'enum' && def.values.length) {
        const all = allowedValues(target, spec.types)?.values ?? [];
        const folded = all.some((v) => typeof v === 'string' && typeof value === 'string' && v.toLowerCase() === value.trim().toLowerCase());
        return doc(folded ? 'both lists of values write it in another letter case' : 'neither list of values has it');
      }
      return suspect('one list of values');
    }
    default:
      return suspect('one sentence states the rule');
  }
}
