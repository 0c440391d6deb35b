/**
 * Differences between two property lists (a request table, or a complex type's properties): added, removed
 * and renamed properties, then type, collection-ness, enum values, nullability and constraints of the ones
 * both sides have. Complex types both sides name the same are compared property by property, once each.
 */
import { similarity } from './similarity.js';
import type { Property, ReadOnlyStatement, TypeDef, TypeRef } from '../ir/ir.js';
import { formatTypeRef } from '../ir/type-expression.js';
import { BOTH, CLIENT, type DriftChange, NONE, SERVER } from './change.js';
import { statedValues } from '../ir/enum-values.js';
import { diffConstraints, type Unjudged } from './constraint-diff.js';

export interface PropertyDiffContext {
  typesA: Record<string, TypeDef>;
  typesB: Record<string, TypeDef>;
  /** Complex types already compared, so recursive types end. */
  seen: Set<string>;
  /** Read-only statements of the resource pages (B's first), by lower-case property name. */
  readOnly: Map<string, ReadOnlyStatement>;
  /** Constraints lent by one side's resource page that the other side could not have stated. */
  unjudged?: Unjudged;
}

/** A rename needs the same type and a name or description this close (0..1, word overlap). */
const RENAME_THRESHOLD = 0.5;

export function diffProperties(ctx: PropertyDiffContext, a: Property[], b: Property[], prefix = ''): DriftChange[] {
  const changes: DriftChange[] = [];
  const byName = new Map(b.map((p) => [p.name.toLowerCase(), p]));
  const matched = new Set<Property>();
  const removed: Property[] = [];
  const pairs: [Property, Property][] = [];
  for (const pa of a) {
    const pb = byName.get(pa.name.toLowerCase());
    if (pb && !matched.has(pb)) {
      matched.add(pb);
      pairs.push([pa, pb]);
    } else removed.push(pa);
  }
  const added = b.filter((p) => !matched.has(p));

  for (const [pa, pb] of renames(removed, added)) {
    removed.splice(removed.indexOf(pa), 1);
    added.splice(added.indexOf(pb), 1);
    changes.push({
      kind: 'property-renamed',
      subject: prefix + pa.name,
      message: `${prefix}${pa.name} is called ${pb.name} in B (same type, similar ${nameScore(pa.name, pb.name) >= RENAME_THRESHOLD ? 'name' : 'description'})`,
      before: pa.name,
      after: pb.name,
      breaking: BOTH,
      a: pa.source,
      b: pb.source,
    });
    pairs.push([pa, pb]);
  }
  for (const [pa, pb] of pairs) {
    if (pa.name !== pb.name && pa.name.toLowerCase() === pb.name.toLowerCase()) {
      changes.push({
        kind: 'property-renamed',
        subject: prefix + pa.name,
        message: `${prefix}${pa.name} is spelled ${pb.name} in B`,
        before: pa.name,
        after: pb.name,
        breaking: BOTH,
        a: pa.source,
        b: pb.source,
      });
    }
    changes.push(...diffProperty(ctx, pa, pb, prefix + pb.name));
  }
  for (const p of removed) changes.push(oneSide(ctx, p, prefix, 'A'));
  for (const p of added) changes.push(oneSide(ctx, p, prefix, 'B'));
  return changes;
}

/** A property only one side lists: removed (breaks clients) or added (breaks servers). */
function oneSide(ctx: PropertyDiffContext, p: Property, prefix: string, side: 'A' | 'B'): DriftChange {
  // The resource page's read-only statement is the other side's citation: it says why the row is missing.
  const ro = prefix ? undefined : ctx.readOnly.get(p.name.toLowerCase());
  const type = typeText(p.type);
  const message = `${prefix}${p.name} (${type}) is only in ${side}${ro ? `; its resource page marks it read-only: "${ro.sentence}"` : ''}`;
  const subject = prefix + p.name;
  if (side === 'A') return { kind: 'property-removed', subject, message, before: type, breaking: CLIENT, a: p.source, ...(ro ? { b: ro.source } : {}) };
  return { kind: 'property-added', subject, message, after: type, breaking: SERVER, b: p.source, ...(ro ? { a: ro.source } : {}) };
}

export function typeText(t: TypeRef): string {
  return formatTypeRef(t) + (t.kind === 'named' && t.resolution === 'enum' ? ' (enum)' : '');
}

function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

function nameScore(a: string, b: string): number {
  return similarity(words(a), words(b));
}

/** Pairs each removed property with the most similar added one of the same type, best pairs first. */
function renames(removed: Property[], added: Property[]): [Property, Property][] {
  const candidates: { pa: Property; pb: Property; score: number }[] = [];
  for (const pa of removed) {
    for (const pb of added) {
      if (formatTypeRef(pa.type).toLowerCase() !== formatTypeRef(pb.type).toLowerCase()) continue;
      const score = Math.max(nameScore(pa.name, pb.name), pa.description && pb.description ? similarity(pa.description, pb.description) : 0);
      if (score >= RENAME_THRESHOLD) candidates.push({ pa, pb, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  const used = new Set<Property>();
  const out: [Property, Property][] = [];
  for (const c of candidates) {
    if (used.has(c.pa) || used.has(c.pb)) continue;
    used.add(c.pa).add(c.pb);
    out.push([c.pa, c.pb]);
  }
  return out;
}

/** The values the docs state for a property (see `statedValues`). */
export const enumValues = statedValues;

function diffProperty(ctx: PropertyDiffContext, pa: Property, pb: Property, subject: string): DriftChange[] {
  const changes: DriftChange[] = [];
  const ta = pa.type;
  const tb = pb.type;
  const sameName = ta.name.toLowerCase() === tb.name.toLowerCase();
  if (ta.collection !== tb.collection) {
    changes.push({
      kind: 'collection-changed',
      subject,
      message: `${subject}: ${typeText(ta)} in A, ${typeText(tb)} in B`,
      before: typeText(ta),
      after: typeText(tb),
      breaking: BOTH,
      a: pa.source,
      b: pb.source,
    });
  }
  const enumA = enumValues(pa, ctx.typesA);
  const enumB = enumValues(pb, ctx.typesB);
  if (!sameName) {
    // A free string narrowed to an enum only breaks clients; widened back, only servers.
    const narrowed = ta.kind === 'primitive' && ta.name === 'String' && enumB && !enumA;
    const widened = tb.kind === 'primitive' && tb.name === 'String' && enumA && !enumB;
    changes.push({
      kind: 'type-changed',
      subject,
      message: `${subject}: type ${typeText(ta)} in A, ${typeText(tb)} in B${enumB && !enumA ? ` (values ${enumB.map(String).join(', ')})` : ''}`,
      before: typeText(ta),
      after: typeText(tb),
      breaking: narrowed ? CLIENT : widened ? SERVER : BOTH,
      a: pa.source,
      b: pb.source,
    });
  }
  if (sameName || (enumA && enumB)) changes.push(...diffEnum(subject, pa, pb, enumA, enumB));
  changes.push(...diffNullability(subject, pa, pb));
  changes.push(...diffConstraints(subject, pa.constraints, pb.constraints, ctx.unjudged));
  if (sameName && ta.kind === 'named' && tb.kind === 'named') {
    const da = ctx.typesA[ta.name];
    const db = ctx.typesB[tb.name];
    const key = ta.name.toLowerCase();
    if (da?.kind === 'complex' && db?.kind === 'complex' && !ctx.seen.has(key)) {
      ctx.seen.add(key);
      changes.push(...diffProperties(ctx, da.properties, db.properties, `${subject}.`));
    }
  }
  return changes;
}

function diffEnum(
  subject: string,
  pa: Property,
  pb: Property,
  a: (string | number | null)[] | undefined,
  b: (string | number | null)[] | undefined,
): DriftChange[] {
  const source = (p: Property) => p.constraints.find((c) => c.kind === 'enum')?.source ?? p.source;
  if (!a && !b) return [];
  if (!a || !b) {
    const values = (a ?? b)!.map(String).join(', ');
    return [
      a
        ? {
            kind: 'enum-values-removed',
            subject,
            message: `${subject}: B lists no allowed values (A: ${values})`,
            before: values,
            breaking: SERVER,
            a: source(pa),
          }
        : { kind: 'enum-values-added', subject, message: `${subject}: B restricts it to ${values}`, after: values, breaking: CLIENT, b: source(pb) },
    ];
  }
  const text = (v: string | number | null) => String(v);
  const exact = (xs: (string | number | null)[], ys: (string | number | null)[]) => xs.filter((x) => !ys.some((y) => text(y) === text(x)));
  const onlyA = exact(a, b);
  const onlyB = exact(b, a);
  const recased = onlyA.filter((x) => onlyB.some((y) => text(y).toLowerCase() === text(x).toLowerCase()));
  const removed = onlyA.filter((x) => !recased.includes(x));
  const added = onlyB.filter((y) => !recased.some((x) => text(x).toLowerCase() === text(y).toLowerCase()));
  const changes: DriftChange[] = [];
  const both = { a: source(pa), b: source(pb) };
  if (removed.length) {
    const v = removed.map(text).join(', ');
    changes.push({ kind: 'enum-values-removed', subject, message: `${subject}: B drops the value(s) ${v}`, before: v, breaking: CLIENT, ...both });
  }
  if (added.length) {
    const v = added.map(text).join(', ');
    changes.push({ kind: 'enum-values-added', subject, message: `${subject}: B adds the value(s) ${v}`, after: v, breaking: SERVER, ...both });
  }
  if (recased.length) {
    const before = recased.map(text).join(', ');
    const after = recased.map((x) => text(onlyB.find((y) => text(y).toLowerCase() === text(x).toLowerCase())!)).join(', ');
    changes.push({
      kind: 'enum-values-recased',
      subject,
      message: `${subject}: value(s) ${before} are written ${after} in B`,
      before,
      after,
      breaking: NONE,
      reason: 'letter case only: a reasonable server matches enum values in any case, so docspec reads it as a tolerance',
      ...both,
    });
  }
  return changes;
}

function diffNullability(subject: string, pa: Property, pb: Property): DriftChange[] {
  const na = pa.constraints.find((c) => c.kind === 'notNullable');
  const nb = pb.constraints.find((c) => c.kind === 'notNullable');
  if (!!na === !!nb) return [];
  return [
    nb
      ? {
          kind: 'nullability-changed',
          subject,
          message: `${subject}: B says it cannot be null`,
          before: 'nullable',
          after: 'not nullable',
          breaking: CLIENT,
          a: pa.source,
          b: nb.source,
        }
      : {
          kind: 'nullability-changed',
          subject,
          message: `${subject}: B no longer says it cannot be null`,
          before: 'not nullable',
          after: 'nullable',
          breaking: SERVER,
          a: na!.source,
          b: pb.source,
        },
  ];
}
