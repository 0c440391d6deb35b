/**
 * Request bodies from a spec. `validBody` satisfies every constraint, own-request groups included (a body
 * holds either only one group's members or none of them), with extension properties mixed in where allowed.
 * `brokenFamilies` lists, per constraint, an arbitrary of bodies that break exactly that constraint and say
 * which rule, where, and the docs line behind it; `brokenBody` picks from all of them.
 */
import fc from 'fast-check';
import type { Constraint, OperationSpec, Property, SourceRef } from '../../generator/ir/ir.js';
import { sentRequired, shapesValues } from '../../generator/ir/enforced.js';
import { setOwn } from '../model/json-copy.js';
import { HEX, headed, identifier, LETTERS, LOWER, LOWER_DIGITS, text } from './text.js';
import { type ArbContext, breakers, type Tolerance, validValue } from './values.js';

export interface BrokenCase {
  body: Record<string, unknown>;
  /** Rule id the validator must report (`max-length`, `type`, `own-request`, `unknown-property`, …). */
  rule: string;
  /** JSON Pointer of the error. */
  path: string;
  /** The property or group whose constraint is broken. */
  target: string;
}

/** Every body of one family breaks the same constraint of the same property. */
export interface BrokenFamily {
  /** `<target>/<rule>`, stable across runs: used in check ids and reports. */
  id: string;
  rule: string;
  target: string;
  /** The docs line that states the constraint (the table row for type errors). */
  source?: SourceRef;
  /** The sentence that states it, when it came from prose. */
  sentence?: string;
  /** Set for a family of values that break the rule only in a way a server may tolerate (see TOLERANCES). */
  tolerance?: Tolerance;
  arbitrary: fc.Arbitrary<BrokenCase>;
}

const pointer = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

const ownRequestGroups = (spec: OperationSpec) => spec.requestBody.groups.filter((g) => g.kind === 'own-request');

/**
 * A read-only property is never part of a valid body: sending it is what the read-only check tests. One the
 * docs only advise is read-only (its page's example sends it) is left out too: a server may still refuse it.
 */
const writable = (p: Property) => !p.constraints.some((c) => c.kind === 'readOnly' && shapesValues(c));

/**
 * Whether some value of the property is valid under every reading: not when the request table and the resource
 * page give it disjoint types (a String and a String collection), nor when only the resource page names it
 * (whether a create takes it is not stated), nor the key `id` a table may list ("Unique identifier of the TEM
 * partner": Graph assigns it on create and a PATCH is addressed by it, so a server may refuse or replace it);
 * unless a "Required." (binding or advised) makes the body name it.
 */
const sendable = (p: Property, method: string) => !!sentRequired(p, method) || (!p.resourceType && !p.via && p.name !== 'id');

/**
 * The properties a body may combine: all writable, sendable ones outside the own-request groups, or the
 * members of one group.
 */
function modes(spec: OperationSpec): Property[][] {
  const groups = ownRequestGroups(spec);
  const inGroup = new Set(groups.flatMap((g) => g.members));
  const props = spec.requestBody.properties.filter((p) => writable(p) && sendable(p, spec.http.method));
  return [props.filter((p) => !inGroup.has(p.name)), ...groups.map((g) => props.filter((p) => g.members.includes(p.name)))].filter((m) => m.length > 0);
}

/**
 * A property's valid values in a body; a Required one never null or an empty string: "Required." may well
 * mean a value, and a valid case must hold under any reading.
 */
function bodyValue(p: Property, ctx: ArbContext): fc.Arbitrary<unknown> {
  const values = validValue(p, ctx);
  // Nor empty: a required name or nickname given as "" is no value under a strict reading either.
  return sentRequired(p, ctx.spec.http.method) ? values.filter((v) => v !== null && v !== '') : values;
}

/** Marks a property left out of a body. */
const ABSENT = Symbol('absent');

/**
 * Bodies of `props`, each naming every property a "Required." names on this method (binding or advised), and sometimes one
 * extension property. What `fc.record` draws (each other property present or not), built as one object:
 * adding the extension to a record afterwards copied every body that had one.
 */
function recordOf(props: Property[], ctx: ArbContext, extension: fc.Arbitrary<[string, unknown] | undefined>): fc.Arbitrary<Record<string, unknown>> {
  const keys = props.map((p) => p.name);
  const values = props.map((p) => {
    const value = bodyValue(p, ctx);
    return sentRequired(p, ctx.spec.http.method) ? value : fc.option(value, { nil: ABSENT });
  });
  return fc.tuple(fc.tuple(...values), extension).map(([drawn, ext]) => {
    const body: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) if (drawn[i] !== ABSENT) setOwn(body, keys[i]!, drawn[i]);
    if (ext) setOwn(body, ext[0], ext[1]);
    return body;
  });
}

/** A schema extension (`ext` + 8 characters) or a directory extension (`extension_<app id>_<name>`). */
const extensionEntry: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc
    .tuple(
      text(LOWER_DIGITS, 8, 8),
      identifier(10),
      fc.oneof(fc.constant(null), fc.record({ courseType: fc.string({ maxLength: 8 }) }, { noNullPrototype: true })),
    )
    .map(([id, name, value]): [string, unknown] => [`ext${id}_${name}`, value]),
  fc
    .tuple(text(HEX, 32, 32), identifier(10), fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }), fc.integer()))
    .map(([app, name, value]): [string, unknown] => [`extension_${app}_${name}`, value]),
);

/** Whether a key is an extension property by the spec's name patterns. */
export function isExtensionKey(spec: OperationSpec, key: string): boolean {
  return spec.requestBody.extensions.namePatterns.some((p) => new RegExp(p).test(key));
}

/**
 * Arbitraries are built once per spec object, like the broken families: building one costs more than drawing
 * from it (fast-check prepares every string arbitrary's bias), and a suite or `describeConformance` builds
 * the same ones for every check it runs.
 */
function once<T>(cache: WeakMap<OperationSpec, T>, spec: OperationSpec, build: (spec: OperationSpec) => T): T {
  let value = cache.get(spec);
  if (value === undefined) {
    value = build(spec);
    cache.set(spec, value);
  }
  return value;
}

const validCache = new WeakMap<OperationSpec, fc.Arbitrary<Record<string, unknown>>>();
const smallCache = new WeakMap<OperationSpec, fc.Arbitrary<Record<string, unknown>>>();

export function validBody(spec: OperationSpec): fc.Arbitrary<Record<string, unknown>> {
  return once(validCache, spec, buildValidBody);
}

function buildValidBody(spec: OperationSpec): fc.Arbitrary<Record<string, unknown>> {
  const ctx: ArbContext = { spec, depth: 0 };
  const extension = spec.requestBody.extensions.allowed ? fc.option(extensionEntry, { nil: undefined }) : fc.constant(undefined);
  const bodies = modes(spec).map((m) => recordOf(m, ctx, extension));
  if (bodies.length === 0) return fc.constant({});
  return bodies.length === 1 ? bodies[0]! : fc.oneof(...bodies);
}

const familyCache = new WeakMap<OperationSpec, BrokenFamily[]>();

/** Built once per spec object: several checks draw from the same families. */
function allFamilies(spec: OperationSpec): BrokenFamily[] {
  let families = familyCache.get(spec);
  if (!families) {
    families = buildFamilies(spec);
    familyCache.set(spec, families);
  }
  return families;
}

/** Families of bodies no reading of the docs accepts: a server must refuse every one. */
export function brokenFamilies(spec: OperationSpec): BrokenFamily[] {
  return allFamilies(spec).filter((f) => f.tolerance === undefined);
}

/**
 * Families of bodies that break a rule only as a server may tolerate (`"us"` for a country code, a flag
 * named twice): the generated validator refuses them, a certification warns when a server accepts them.
 */
export function toleratedFamilies(spec: OperationSpec): BrokenFamily[] {
  return allFamilies(spec).filter((f) => f.tolerance !== undefined);
}

function buildFamilies(spec: OperationSpec): BrokenFamily[] {
  const ctx: ArbContext = { spec, depth: 0 };
  const families: BrokenFamily[] = [];
  const byId = new Map<string, BrokenFamily>();
  const add = (f: Omit<BrokenFamily, 'id'>) => {
    const id = `${f.target}/${f.rule}${f.tolerance ? `/${f.tolerance}` : ''}`;
    const same = byId.get(id);
    // Two breakers of one rule on one property (rare) share a family.
    if (same) same.arbitrary = fc.oneof(same.arbitrary, f.arbitrary);
    else {
      const family = { id, ...f };
      families.push(family);
      byId.set(id, family);
    }
  };
  for (const mode of modes(spec)) {
    const entries = entriesOf(mode, ctx);
    for (const p of mode) {
      const others = smallBase(
        mode.filter((q) => q !== p),
        entries,
        spec.http.method,
      );
      const byRule = new Map<string, Constraint>();
      for (const x of p.constraints) if (!byRule.has(x.rule)) byRule.set(x.rule, x);
      for (const b of breakers(p, ctx)) {
        const c = b.rule === 'type' ? undefined : byRule.get(b.rule);
        add({
          rule: b.rule,
          target: p.name,
          source: c?.source ?? p.source,
          sentence: c?.sentence,
          ...(b.tolerance ? { tolerance: b.tolerance } : {}),
          arbitrary: fc
            .tuple(others, b.value)
            .map(([body, value]) => ({ body: { ...body, [p.name]: value }, rule: b.rule, path: `${pointer(p.name)}${b.at}`, target: p.name })),
        });
      }
    }
  }
  // A body without a property a "Required." names on this method (create and action bodies); leaving out an
  // advised one is a tolerance.
  for (const mode of modes(spec)) {
    const entries = entriesOf(mode, ctx);
    for (const p of mode) {
      const r = sentRequired(p, spec.http.method);
      if (!r) continue;
      add({
        rule: r.rule,
        target: p.name,
        source: r.source,
        sentence: r.sentence,
        ...(r.strength === 'advisory' ? { tolerance: 'advisory' as const } : {}),
        arbitrary: smallBase(
          mode.filter((q) => q !== p),
          entries,
          spec.http.method,
        ).map((body) => ({ body, rule: r.rule, path: pointer(p.name), target: p.name })),
      });
    }
  }
  const props = spec.requestBody.properties;
  for (const g of ownRequestGroups(spec)) {
    const members = props.filter((p) => g.members.includes(p.name));
    const outsiders = props.filter((p) => !ownRequestGroups(spec).some((h) => h.members.includes(p.name)));
    if (!members.length || !outsiders.length) continue;
    families.push({
      id: `${g.members.join('+')}/${g.rule}`,
      rule: g.rule,
      target: g.rule,
      source: g.source,
      sentence: g.sentence,
      arbitrary: fc
        .tuple(fc.constantFrom(...members), fc.constantFrom(...outsiders))
        .chain(([m, o]) => fc.tuple(fc.constant(m), fc.constant(o), validValue(m, ctx), validValue(o, ctx)))
        .map(([m, o, mv, ov]) => ({ body: { [m.name]: mv, [o.name]: ov }, rule: g.rule, path: pointer(o.name), target: g.rule })),
    });
  }
  const known = new Set(props.map((p) => p.name));
  families.push({
    id: '*/unknown-property',
    rule: 'unknown-property',
    target: '*',
    source: spec.requestBody.source,
    arbitrary: headed(LOWER, LETTERS, 2, 12)
      .filter((k) => !known.has(k) && !isExtensionKey(spec, k))
      .map((k) => ({ body: { [k]: 'x' }, rule: 'unknown-property', path: pointer(k), target: k })),
  });
  return families;
}

/** Each property's valid values as `[name, value]` entries. */
function entriesOf(props: Property[], ctx: ArbContext): Map<string, fc.Arbitrary<[string, unknown]>> {
  return new Map(props.map((p) => [p.name, bodyValue(p, ctx).map((v): [string, unknown] => [p.name, v])]));
}

/**
 * Small valid bodies: the properties a "Required." names and up to BASE_EXTRAS others, from one mode. For
 * checks about everything but the body (the request line, headers, outcomes), where drawing a full body per
 * call would be most of their cost and reach no other rule.
 */
export function smallValidBody(spec: OperationSpec): fc.Arbitrary<Record<string, unknown>> {
  return once(smallCache, spec, buildSmallValidBody);
}

function buildSmallValidBody(spec: OperationSpec): fc.Arbitrary<Record<string, unknown>> {
  const ctx: ArbContext = { spec, depth: 0 };
  const bodies = modes(spec).map((m) => smallBase(m, entriesOf(m, ctx), spec.http.method));
  if (bodies.length === 0) return fc.constant({});
  return bodies.length === 1 ? bodies[0]! : fc.oneof(...bodies);
}

/** How many optional valid properties a broken body carries beside the broken one. */
const BASE_EXTRAS = 2;

/**
 * A small valid base for a broken body: the properties a "Required." names (so the body breaks one rule,
 * not also presence) and up to BASE_EXTRAS others. Drawing every other property per case would cost a
 * full record per request and tell nothing more: each constraint is judged on its own.
 */
function smallBase(props: Property[], entries: Map<string, fc.Arbitrary<[string, unknown]>>, method: string): fc.Arbitrary<Record<string, unknown>> {
  const required = props.filter((p) => sentRequired(p, method)).map((p) => entries.get(p.name)!);
  const optional = props.filter((p) => !sentRequired(p, method)).map((p) => entries.get(p.name)!);
  const extra = optional.length ? fc.array(fc.oneof(...optional), { maxLength: BASE_EXTRAS }) : fc.constant([]);
  // Most bodies bind nothing (an update): one layer less to draw through.
  if (required.length === 0) return extra.map((e) => Object.fromEntries(e));
  return fc.tuple(fc.tuple(...required), extra).map(([r, e]) => Object.fromEntries([...r, ...e]));
}

export function brokenBody(spec: OperationSpec): fc.Arbitrary<BrokenCase> {
  return fc.oneof(...brokenFamilies(spec).map((f) => f.arbitrary));
}
