/**
 * Request bodies from a spec. `validBody` satisfies every constraint, own-request groups included (a body
 * holds either only one group's members or none of them), with extension properties mixed in where allowed.
 * `brokenBody` breaks exactly one named constraint and says which, where.
 */
import fc from 'fast-check';
import type { OperationSpec, Property } from '../../generator/spec/ir.js';
import { type ArbContext, breakers, validValue } from './values.js';

export interface BrokenCase {
  body: Record<string, unknown>;
  /** Rule id the validator must report (`max-length`, `type`, `own-request`, `unknown-property`, …). */
  rule: string;
  /** JSON Pointer of the error. */
  path: string;
  /** The property or group whose constraint is broken. */
  target: string;
}

const pointer = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** The properties a body may combine: all outside the own-request groups, or the members of one group. */
function modes(spec: OperationSpec): Property[][] {
  const groups = spec.requestBody.groups.filter((g) => g.kind === 'own-request');
  const inGroup = new Set(groups.flatMap((g) => g.members));
  const props = spec.requestBody.properties;
  return [props.filter((p) => !inGroup.has(p.name)), ...groups.map((g) => props.filter((p) => g.members.includes(p.name)))].filter((m) => m.length > 0);
}

function recordOf(props: Property[], ctx: ArbContext): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of props) model[p.name] = validValue(p, ctx);
  return fc.record(model, { requiredKeys: [] });
}

const extensionEntry = fc.tuple(fc.stringMatching(/^[a-z0-9]{8}$/), fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/), fc.oneof(fc.constant(null), fc.record({ courseType: fc.string({ maxLength: 8 }) })));

export function validBody(spec: OperationSpec): fc.Arbitrary<Record<string, unknown>> {
  const ctx: ArbContext = { spec, depth: 0 };
  const bodies = modes(spec).map((m) => recordOf(m, ctx));
  if (bodies.length === 0) return fc.constant({});
  const base = fc.oneof(...bodies);
  if (!spec.requestBody.extensions.allowed) return base;
  return fc.tuple(base, fc.option(extensionEntry, { nil: undefined })).map(([b, ext]) => (ext ? { ...b, [`ext${ext[0]}_${ext[1]}`]: ext[2] } : b));
}

export function brokenBody(spec: OperationSpec): fc.Arbitrary<BrokenCase> {
  const ctx: ArbContext = { spec, depth: 0 };
  const cases: fc.Arbitrary<BrokenCase>[] = [];
  for (const mode of modes(spec)) {
    for (const p of mode) {
      const others = recordOf(mode.filter((q) => q !== p), ctx);
      for (const b of breakers(p, ctx)) {
        cases.push(fc.tuple(others, b.value).map(([body, value]) => ({ body: { ...body, [p.name]: value }, rule: b.rule, path: `${pointer(p.name)}${b.at}`, target: p.name })));
      }
    }
  }
  const props = spec.requestBody.properties;
  for (const g of spec.requestBody.groups.filter((x) => x.kind === 'own-request')) {
    const members = props.filter((p) => g.members.includes(p.name));
    const outsiders = props.filter((p) => !g.members.includes(p.name) && !spec.requestBody.groups.some((h) => h.kind === 'own-request' && h.members.includes(p.name)));
    if (!members.length || !outsiders.length) continue;
    cases.push(
      fc
        .tuple(fc.constantFrom(...members), fc.constantFrom(...outsiders))
        .chain(([m, o]) => fc.tuple(fc.constant(m), fc.constant(o), validValue(m, ctx), validValue(o, ctx)))
        .map(([m, o, mv, ov]) => ({ body: { [m.name]: mv, [o.name]: ov }, rule: g.rule, path: pointer(o.name), target: g.rule })),
    );
  }
  const known = new Set(props.map((p) => p.name));
  cases.push(
    fc
      .stringMatching(/^[a-z][A-Za-z]{2,12}$/)
      .filter((k) => !known.has(k) && !k.startsWith('ext'))
      .map((k) => ({ body: { [k]: 'x' }, rule: 'unknown-property', path: pointer(k), target: k })),
  );
  return fc.oneof(...cases);
}
