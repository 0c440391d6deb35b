/**
 * A page's own example is a reading of the page. When it breaks a rule that no second source states (see
 * `example-verdict.ts`), the rule is not one the docs state beyond any reading, so it stops binding:
 * - a constraint becomes advice: valid bodies still keep to it, a strict validation enforces it, and a plain
 *   validation (a client's request, a certified server's answer) no longer refuses what the page shows;
 * - a property no source lists is accepted: at the top as a property of its own (`via: 'example'`), nested by
 *   reading its type as open.
 * Each change is a diagnostic at the example's line, so nothing is relaxed silently, and the list of them is
 * where a rule that reads its sentence wrongly is found. A rule a second source confirms stays binding: the
 * example is then the doc bug.
 */
import { buildContract } from '../emit/contract.js';
import { type ValidationIssue, validateWith } from '../emit/runtime.js';
import { diagnostic, sortDiagnostics } from '../ir/diagnostic.js';
import { checkedBodies } from '../ir/example-bodies.js';
import { isEnforced } from '../ir/enforced.js';
import { allowedValues } from '../ir/enum-values.js';
import type { Constraint, Diagnostic, Example, OperationSpec, Property } from '../ir/ir.js';
import { keyLine, pointerSegments, propertyAt, valueAt } from '../ir/json-pointer.js';
import { sourceRef } from '../ir/source-ref.js';
import { typeProblem } from '../extract/example-check.js';
import { formatTypeRef } from '../ir/type-expression.js';
import { issueVerdict } from './example-verdict.js';

/** Every property of the body and of its types, where the constraint an issue cites may sit. */
function allProperties(spec: OperationSpec): Property[] {
  return [...spec.requestBody.properties, ...Object.values(spec.types).flatMap((t) => (t.kind === 'complex' ? t.properties : []))];
}

export function adviseFromExamples(spec: OperationSpec): OperationSpec {
  const bodies = checkedBodies(spec);
  if (bodies.length === 0) return spec;
  const contract = buildContract(spec);
  const suspects = bodies.flatMap(({ ex, body }) => {
    const r = validateWith(contract, body);
    return r.valid ? [] : r.errors.flatMap((e) => (issueVerdict(spec, body, e).verdict === 'rule-suspect' ? [{ ex, e }] : []));
  });
  if (suspects.length === 0) return spec;
  const out = structuredClone(spec);
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  for (const { ex, e } of suspects) {
    const key = `${e.rule} ${e.source} ${e.rule === 'unknown-property' ? e.path : ''}`;
    if (done.has(key)) continue;
    done.add(key);
    const said = advise(out, ex, e);
    if (said) diagnostics.push(diagnostic('example-contradicts-rule', 'warning', said, keyLine(ex.request!, e.path)));
  }
  out.diagnostics = sortDiagnostics([...out.diagnostics, ...diagnostics]);
  return out;
}

/** Makes the rule an issue cites stop binding in `spec`; says what changed, or undefined when nothing could. */
function advise(spec: OperationSpec, ex: Example, e: ValidationIssue): string | undefined {
  const shown = `Example "${ex.name}"${e.path ? ` at ${e.path}` : ''}: ${e.message}`;
  if (e.rule === 'unknown-property') {
    const segments = pointerSegments(e.path);
    const name = segments.at(-1)!;
    if (segments.length === 1) {
      // The resource page lists it: the table left it out, and the resource's row says what it takes.
      const resource = spec.requestBody.resource ? spec.types[spec.requestBody.resource] : undefined;
      const row = resource?.kind === 'complex' ? resource.properties.find((p) => p.name === name) : undefined;
      if (row) {
        spec.requestBody.properties.push({ ...structuredClone(row), constraints: row.constraints.filter((c) => c.kind !== 'required'), via: 'example' });
        return `${shown}; the ${resource!.name} resource page lists it (${sourceRef(row.source)}), so the body takes it as that page defines it`;
      }
      spec.requestBody.properties.push({
        name,
        type: { kind: 'named', name: 'Json', collection: false, resolution: 'unresolved' },
        description: `Sent by the page's example "${ex.name}"; no table or resource page lists it.`,
        constraints: [],
        source: keyLine(ex.request!, e.path),
        via: 'example',
      });
      return `${shown}; no other source lists it or closes the body, so it is accepted, unchecked`;
    }
    const def = Object.values(spec.types).find((t) => t.kind === 'complex' && sourceRef(t.source) === e.source);
    if (def?.kind !== 'complex') return undefined;
    def.open = true;
    return `${shown}; only ${def.name}'s own page lists its properties (a derived type may hold more), so ${def.name} is read as open on this page`;
  }
  if (e.rule === 'type') {
    const took = resourcePageType(spec, ex, e);
    if (took) return `${shown}; ${took}`;
  }
  if (e.rule === 'enum-type' || e.rule === 'allowed-values') {
    const flags = readAsFlags(spec, ex, e);
    if (flags) return `${shown}; it sends a set of ${flags}'s members separated by commas, so ${flags} is read as a flags enum`;
  }
  const cited = allProperties(spec).flatMap((p) =>
    p.constraints.filter((c: Constraint) => c.rule === e.rule && sourceRef(c.source) === e.source && isEnforced(c)),
  );
  if (cited.length === 0) return undefined;
  for (const c of cited) c.strength = 'advisory';
  const rule = cited[0]!.sentence ? `"${cited[0]!.sentence}"` : 'the type column';
  return `${shown}; no second source agrees with ${rule}, so it is kept as advice`;
}

/**
 * The example sends `"AllowOverrideWithoutJustification,AllowFalsePositiveOverride"` where the property's enum
 * type lists both members: OData writes a flags enum's value so, and nothing else in the page says otherwise.
 * The property takes a set of members (`flagSet`), each still checked against the list.
 */
function readAsFlags(spec: OperationSpec, ex: Example, e: ValidationIssue): string | undefined {
  const value = valueAt(ex.request!.body, e.path);
  if (typeof value !== 'string' || !value.includes(',')) return undefined;
  const members = value.split(',').map((m) => m.trim());
  const p = propertyAt(spec, e.path);
  if (!p || p.constraints.some((c) => c.kind === 'flagSet')) return undefined;
  const listed = allowedValues(p, spec.types)?.values.filter((v): v is string => typeof v === 'string') ?? [];
  if (!members.every((m) => listed.includes(m))) return undefined;
  const def = p.type.kind === 'named' ? spec.types[p.type.name] : undefined;
  const what = p.type.kind === 'named' ? p.type.name : `\`${p.name}\``;
  if (def?.kind === 'enum') def.flags = true;
  p.constraints.push({
    kind: 'flagSet',
    values: listed,
    separator: ',',
    rule: 'flag-set',
    sentence: `The page's example "${ex.name}" sends "${value}": ${what} is read as a flags enum`,
    source: keyLine(ex.request!, e.path),
  });
  return what;
}

/**
 * The table types a property one way, its resource page another, and the example sends the resource page's
 * (featureRolloutPolicy's `isEnabled`: the create page's table says String, the resource page Boolean, the
 * example `true`): two sources against one, so the body takes the resource page's type.
 */
function resourcePageType(spec: OperationSpec, ex: Example, e: ValidationIssue): string | undefined {
  // Only a row of the body's own table has a resource page row to set against it.
  if (pointerSegments(e.path).length !== 1) return undefined;
  const p = propertyAt(spec, e.path);
  if (!p?.resourceType || typeProblem(valueAt(ex.request!.body, e.path), p.resourceType.type, spec.types, e.path) !== undefined) return undefined;
  const table = formatTypeRef(p.type);
  p.tableType = p.type;
  p.type = structuredClone(p.resourceType.type);
  p.typeSource = p.resourceType.source;
  const said = `the ${spec.requestBody.resource ?? 'resource'} resource page types it ${formatTypeRef(p.type)} (${sourceRef(p.resourceType.source)}) as the example sends it, so the body takes that type, not the table's ${table}`;
  delete p.resourceType;
  return said;
}
