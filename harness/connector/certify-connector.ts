/**
 * Certifies a connector's action description against the docs of the operation: which fields map to which
 * property, fields with no updatable property in this variant (and the variants where they are updatable),
 * type mismatches, enum values that differ in case or spelling, documented properties the connector lacks,
 * the expected status code, and descriptions that describe another property. Pure: specs in, report out.
 */
import type { ConnectorField, ConnectorSpec, OperationSpec, Property } from '../../generator/spec/ir.js';
import { jsonKind } from '../../generator/spec/primitives.js';
import type { CertifyReport, CheckResult } from '../report/report.js';
import type { ConnectorFinding } from './finding.js';
import { mapField, type Mapped } from './field-map.js';
import { similarity } from '../../generator/spec/similarity.js';
import { diffSpecs } from '../../generator/spec/diff/diff-specs.js';
import { isEnforced } from '../../generator/spec/enforced.js';

export interface ConnectorReport extends CertifyReport {
  findings: ConnectorFinding[];
}

const at = (s: { file: string; line: number } | undefined) => (s ? `${s.file}:${s.line}` : undefined);

/** `boolean`, `string`, `number`, `object` or `array` as JSON sees a field or a property. */
function shape(t: Property['type'] | ConnectorField['type']): string {
  if (t.collection) return 'array';
  if (t.kind === 'primitive') {
    const k = jsonKind(t.name);
    return k === 'integer' ? 'number' : k;
  }
  return t.resolution === 'enum' ? 'string' : 'object';
}

/**
 * A field that maps to a property of another variant or an older version, which this variant's docs call
 * by another name: the rename drift finds between the two (`hireDate` → `employeeHireDate`).
 */
function renameFinder(spec: OperationSpec, others: OperationSpec[]): (field: ConnectorField) => { old: string; where: string; now: Property } | undefined {
  // One diff per other variant, made when a field first needs it.
  const renames = new Map<OperationSpec, Map<string, string>>();
  const renamesFrom = (other: OperationSpec) => {
    let found = renames.get(other);
    if (!found) {
      found = new Map(diffSpecs(other, spec).changes.flatMap((c) => (c.kind === 'property-renamed' && c.before && c.after ? [[c.before, c.after]] : [])));
      renames.set(other, found);
    }
    return found;
  };
  return (field) => {
    for (const other of others) {
      const m = mapField(field, other);
      if (!m || m.path.includes('.')) continue;
      const after = renamesFrom(other).get(m.path);
      const now = after && spec.requestBody.properties.find((p) => p.name === after);
      if (now) return { old: m.path, where: `${other.variant} (${at(m.property.source)})`, now };
    }
    return undefined;
  };
}

export function certifyConnector(spec: OperationSpec, connector: ConnectorSpec, otherVariants: OperationSpec[] = []): ConnectorReport {
  const findings: ConnectorFinding[] = [];
  const add = (f: ConnectorFinding) => findings.push(f);
  const inputs = connector.fields.filter((f) => f.direction === 'input');
  const mapped = new Map<ConnectorField, Mapped>();
  const renamedIn = renameFinder(spec, otherVariants);

  for (const field of inputs) {
    const source = at(field.source);
    if (field.pathParameter) {
      const path = spec.http.paths.find((p) => p.params.length === 1);
      add({
        rule: 'field-maps',
        field: field.label,
        severity: 'info',
        message: `addresses the user in the path (${path?.template ?? 'no documented path parameter'})`,
        source,
        docs: at(path?.source),
      });
      continue;
    }
    const m = mapField(field, spec);
    const renamed = m ? undefined : renamedIn(field);
    if (renamed) {
      add({
        rule: 'renamed',
        field: field.label,
        property: renamed.now.name,
        severity: 'error',
        message: `maps to ${renamed.old} in ${renamed.where}, which ${spec.variant} calls ${renamed.now.name}: map the field to ${renamed.now.name}`,
        source,
        docs: at(renamed.now.source),
      });
      continue;
    }
    if (!m) {
      const elsewhere = otherVariants.filter((v) => mapField(field, v)).map((v) => v.variant);
      const onResource = field.graphPath ? ` (the ${connector.resource ?? 'resource'} has ${field.graphPath}, but the update page does not list it)` : '';
      add({
        rule: 'not-updatable',
        field: field.label,
        severity: 'error',
        message: `${field.normalizedName} is not an updatable property in ${spec.variant}${onResource}${elsewhere.length ? `; it is updatable in ${elsewhere.join(', ')}` : ''}`,
        source,
      });
      continue;
    }
    mapped.set(field, m);
    const docs = at(m.property.source);
    add({
      rule: 'field-maps',
      field: field.label,
      property: m.path,
      severity: 'info',
      message: `maps to ${m.path} (${m.property.type.name}${m.property.type.collection ? ' collection' : ''})`,
      source,
      docs,
    });

    const fs = shape(field.type);
    const ps = shape(m.property.type);
    if (fs !== ps) {
      add({
        rule: 'type-mismatch',
        field: field.label,
        property: m.path,
        severity: 'error',
        message: `the connector takes ${field.typeHintStated ? `"${field.typeHint}"` : `${field.typeHint} (the page's default)`} (${fs}); the docs type ${m.path} as ${m.property.type.name}${m.property.type.collection ? ' collection' : ''} (${ps})`,
        source,
        docs,
      });
    }
    const country = m.property.constraints.find((c) => c.kind === 'countryCode' && isEnforced(c));
    const fieldSays = (kind: string) => field.constraints?.find((c) => c.kind === kind);
    if (country && !fieldSays('countryCode')) {
      add({
        rule: 'type-weaker',
        field: field.label,
        property: m.path,
        severity: 'warning',
        message: `"${field.typeHint}" admits any value; the docs require a two-letter ISO 3166 country code`,
        source,
        docs: at(country.source),
      });
    } else if (country && /^\d+\s*char/i.test(field.typeHint)) {
      add({
        rule: 'type-weaker',
        field: field.label,
        property: m.path,
        severity: 'warning',
        message: `"${field.typeHint}" admits any two characters; the docs require an ISO 3166 two-letter country code ("${country.sentence}")`,
        source,
        docs: at(country.source),
      });
    }

    const docEnum = m.property.constraints.find((c) => c.kind === 'enum' && isEnforced(c));
    const fieldEnumConstraint = fieldSays('enum');
    const fieldEnum = fieldEnumConstraint?.kind === 'enum' ? fieldEnumConstraint.values.filter((v): v is string | null => typeof v !== 'number') : undefined;
    if (docEnum && docEnum.kind === 'enum' && fieldEnum) {
      const docValues = docEnum.values.filter((v): v is string | null => typeof v !== 'number');
      const differ: string[] = [];
      for (const v of fieldEnum) {
        if (docValues.includes(v)) continue;
        const sameLetters = docValues.find((d) => typeof d === 'string' && typeof v === 'string' && d.toLowerCase() === v.toLowerCase());
        differ.push(sameLetters ? `${v} (docs: ${sameLetters}, differs in case)` : `${v} (not a documented value)`);
      }
      for (const d of docValues)
        if (!fieldEnum.some((v) => v === d || (typeof v === 'string' && typeof d === 'string' && v.toLowerCase() === d.toLowerCase())))
          differ.push(`${d} missing`);
      if (differ.length) {
        add({
          rule: 'enum-mismatch',
          field: field.label,
          property: m.path,
          severity: 'error',
          message: `allowed values differ from the docs: ${differ.join(', ')}`,
          source,
          docs: at(docEnum.source),
        });
      }
    }
  }

  // A description closer to another field's property than to its own describes that other property.
  for (const [field, m] of mapped) {
    const own = similarity(field.description, m.property.description);
    let best: { other: Mapped; score: number } | undefined;
    for (const [otherField, other] of mapped) {
      if (otherField === field || other.path === m.path) continue;
      const score = similarity(field.description, other.property.description);
      if (!best || score > best.score) best = { other, score };
    }
    if (best && best.score >= 0.3 && best.score > 2 * own) {
      add({
        rule: 'description-mismatch',
        field: field.label,
        property: m.path,
        severity: 'warning',
        message: `the description reads like ${best.other.path} (word overlap ${best.score.toFixed(2)}), not ${m.path} (${own.toFixed(2)}): "${field.description.slice(0, 100)}…"`,
        source: at(field.source),
        docs: at(best.other.property.source),
      });
    }
  }

  const covered = new Set([...mapped.values()].map((m) => m.path.split('.')[0]));
  // A renamed field stands for the new name; it is reported once, as renamed, not again as missing.
  for (const f of findings) if (f.rule === 'renamed' && f.property) covered.add(f.property);
  for (const p of spec.requestBody.properties) {
    if (!covered.has(p.name))
      add({
        rule: 'missing-field',
        field: '',
        property: p.name,
        severity: 'warning',
        message: `the docs list ${p.name}, the connector has no field for it`,
        docs: at(p.source),
      });
  }

  const success = spec.responses.find((r) => r.status >= 200 && r.status < 300);
  for (const out of connector.fields.filter((f) => f.direction === 'output' && /status/i.test(f.label))) {
    const stated = /\b([1-5]\d\d)\b/.exec(out.description)?.[1];
    if (!success) continue;
    if (!stated)
      add({
        rule: 'status-code',
        field: out.label,
        severity: 'info',
        message: `states no success code; the docs say ${success.status}`,
        source: at(out.source),
        docs: at(success.source),
      });
    else if (Number(stated) === success.status)
      add({
        rule: 'status-code',
        field: out.label,
        severity: 'info',
        message: `agrees with the docs: success is ${stated} ${success.statusText}`,
        source: at(out.source),
        docs: at(success.source),
      });
    else
      add({
        rule: 'status-code',
        field: out.label,
        severity: 'error',
        message: `says success is ${stated}; the docs say ${success.status} ${success.statusText}`,
        source: at(out.source),
        docs: at(success.source),
      });
  }

  const rules = [
    'field-maps',
    'renamed',
    'not-updatable',
    'type-mismatch',
    'type-weaker',
    'enum-mismatch',
    'description-mismatch',
    'missing-field',
    'status-code',
  ];
  const checks: CheckResult[] = rules.map((rule) => {
    const of = findings.filter((f) => f.rule === rule);
    const errors = of.filter((f) => f.severity === 'error').length;
    return { id: rule, check: rule, status: errors ? 'fail' : 'pass', message: `${of.length} findings${errors ? `, ${errors} errors` : ''}`, runs: 0 };
  });
  return {
    verdict: checks.some((c) => c.status === 'fail') ? 'fail' : 'pass',
    seed: 0,
    runs: 0,
    kind: 'connector',
    operation: spec.operation,
    variant: spec.variant,
    target: connector.page.file,
    checks,
    findings,
    stats: { requests: 0, retries: 0, durationMs: 0 },
  };
}
