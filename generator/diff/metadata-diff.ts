/**
 * Docs vs Microsoft's metadata (CSDL): the request table's properties against the structural properties of
 * the metadata type (base types included), and the complex types both describe, property by property.
 *
 * Breaking flags read the metadata as B against the docs as A, like a version diff: a property only the docs
 * list breaks clients written from the docs; metadata that accepts more than the docs (a free string for a
 * documented enum, null for a "not nullable" property) breaks servers written from the docs. Properties
 * only the metadata has are reported without a flag: the metadata lists read-only ones the table rightly
 * leaves out.
 */
import { allProperties, type CsdlModel, type CsdlProperty, type CsdlType, csdlTypeRef } from '../read/csdl.js';
import type { OperationSpec, Property, SourceRef } from '../ir/ir.js';
import { statedProperties } from '../ir/enforced.js';
import { formatTypeRef } from '../ir/type-expression.js';
import { BOTH, CLIENT, type DriftChange, type DriftReport, NONE, report, SERVER } from './change.js';
import { enumValues } from './property-diff.js';

export function diffDocsVsMetadata(spec: OperationSpec, model: CsdlModel, type: CsdlType): DriftReport {
  const ctx: Ctx = { spec, model, seen: new Set() };
  const changes = diffType(ctx, statedProperties(spec), allProperties(model, type), '', true);
  return report(
    { file: spec.page.file, operation: spec.operation, variant: spec.variant, kind: 'docs' },
    { file: model.file, operation: type.fullName, kind: 'metadata' },
    changes,
  );
}

interface Ctx {
  spec: OperationSpec;
  model: CsdlModel;
  seen: Set<string>;
}

function diffType(ctx: Ctx, docs: Property[], metadata: CsdlProperty[], prefix: string, requestTable: boolean): DriftChange[] {
  const changes: DriftChange[] = [];
  const at = (p: CsdlProperty): SourceRef => ({ file: ctx.model.file, line: p.line, column: p.column });
  const byName = new Map(metadata.map((p) => [p.name.toLowerCase(), p]));
  const matched = new Set<CsdlProperty>();
  for (const d of docs) {
    const m = byName.get(d.name.toLowerCase());
    const subject = prefix + d.name;
    if (!m) {
      changes.push({
        kind: 'docs-only',
        subject,
        message: `${subject} (${formatTypeRef(d.type)}) is in the docs but not in the metadata`,
        before: formatTypeRef(d.type),
        breaking: CLIENT,
        a: d.source,
      });
      continue;
    }
    matched.add(m);
    changes.push(...diffProperty(ctx, d, m, subject, at(m)));
  }
  for (const m of metadata) {
    if (matched.has(m)) continue;
    const subject = prefix + m.name;
    changes.push({
      kind: 'metadata-only',
      subject,
      message: `${subject} (${m.type}) is in the metadata but not in the docs${requestTable ? "' request table" : ''}`,
      after: m.type,
      breaking: NONE,
      b: at(m),
    });
  }
  return changes;
}

/** The docs' type in the metadata's terms: `Edm.String`, `microsoft.graph.passwordProfile`. */
function docsTypeName(p: Property): string {
  return p.type.kind === 'primitive' ? `Edm.${p.type.name}` : `microsoft.graph.${p.type.name}`;
}

function diffProperty(ctx: Ctx, d: Property, m: CsdlProperty, subject: string, mAt: SourceRef): DriftChange[] {
  const changes: DriftChange[] = [];
  const mt = csdlTypeRef(ctx.model, m.type);
  const docsType = formatTypeRef(d.type);
  const values = enumValues(d, ctx.spec.types);
  const metadataEnum = ctx.model.types.get(mt.name)?.kind === 'EnumType';
  const enumVsString = values && !metadataEnum && mt.name === 'Edm.String';
  const typeDiffers = docsTypeName(d).toLowerCase() !== mt.name.toLowerCase() && lastSegment(docsTypeName(d)) !== lastSegment(mt.name);
  if (d.type.collection === mt.collection && enumVsString) {
    changes.push({
      kind: 'type-disagrees',
      subject,
      message: `${subject}: docs give an enum (${values.map(String).join(', ')}), metadata says ${m.type}`,
      before: `${docsType} (enum)`,
      after: m.type,
      breaking: SERVER,
      a: d.constraints.find((c) => c.kind === 'enum')?.source ?? d.source,
      b: mAt,
    });
  } else if (d.type.collection !== mt.collection || typeDiffers) {
    changes.push({
      kind: 'type-disagrees',
      subject,
      message: `${subject}: docs say ${docsType}, metadata says ${m.type}`,
      before: docsType,
      after: m.type,
      breaking: BOTH,
      a: d.source,
      b: mAt,
    });
  }
  const notNullable = d.constraints.find((c) => c.kind === 'notNullable');
  if (notNullable && m.nullable) {
    changes.push({
      kind: 'nullability-disagrees',
      subject,
      message: `${subject}: docs say not nullable, metadata allows null`,
      before: 'not nullable',
      after: 'nullable',
      breaking: SERVER,
      a: notNullable.source,
      b: mAt,
    });
  } else if (!notNullable && !m.nullable) {
    changes.push({
      kind: 'nullability-disagrees',
      subject,
      message: `${subject}: metadata says Nullable="false", the docs do not say it cannot be null`,
      before: 'nullable (not stated)',
      after: 'not nullable',
      breaking: CLIENT,
      a: d.source,
      b: mAt,
    });
  }
  const docsDef = d.type.kind === 'named' ? ctx.spec.types[d.type.name] : undefined;
  const metaDef = ctx.model.types.get(mt.name);
  if (docsDef?.kind === 'complex' && metaDef && metaDef.kind !== 'EnumType' && !ctx.seen.has(metaDef.fullName)) {
    ctx.seen.add(metaDef.fullName);
    changes.push(...diffType(ctx, docsDef.properties, allProperties(ctx.model, metaDef), `${subject}.`, false));
  }
  return changes;
}

function lastSegment(name: string): string {
  return name.split('.').pop()!.toLowerCase();
}
