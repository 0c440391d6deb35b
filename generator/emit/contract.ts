/**
 * Spec → validator contract: the plain data a generated validator checks against. Only constraints a body
 * can be checked for are kept (permissions, update limits and required-on-create are not about one body).
 */
import type { ConstraintKind, ConstraintOf } from '../ir/constraint-kinds.js';
import { sentRequired, shapesValues } from '../ir/enforced.js';
import { advisedValues, allowedValues } from '../ir/enum-values.js';
import { successResponse } from '../ir/responses.js';
import type { Constraint, OperationSpec, Property, TypeRef } from '../ir/ir.js';
import { INTEGER_RANGES, isAnyJson, jsonKind } from '../ir/primitives.js';
import type { Check, Contract, PropertyContract, TypeContract, ValueType } from './runtime.js';
import { sourceRef } from '../ir/source-ref.js';
import { escapeRegExp } from '../ir/regexp.js';

export function valueType(type: TypeRef, spec: Pick<OperationSpec, 'types'>): ValueType {
  if (type.kind === 'primitive') {
    const kind = jsonKind(type.name);
    if (kind !== 'integer') return { kind };
    const [min, max] = INTEGER_RANGES[type.name]!;
    return { kind, min, max };
  }
  if (isAnyJson(type.name)) return { kind: 'any' };
  if (type.resolution === 'enum') return { kind: 'string' };
  if (type.resolution === 'complex' && spec.types[type.name]?.kind === 'complex') return { kind: 'object', type: type.name };
  return { kind: 'object' };
}

type Base = { rule: string; source: string; advisory?: true };
const value =
  <K extends ConstraintKind>(f: (c: ConstraintOf<K>, base: Base) => Check) =>
  (c: ConstraintOf<K>, base: Base): Check | undefined =>
    f(c, base);
const notInBody = (): undefined => undefined;

/**
 * The validator check of each kind. Kinds that do not restrict a body's values map to nothing: `presence`
 * kinds become the contract's `required` list instead, `caller` and `history` kinds are never visible in
 * one body.
 */
const CHECKS: { readonly [K in ConstraintKind]: (c: ConstraintOf<K>, base: Base) => Check | undefined } = {
  maxLength: value((c, b) => ({ kind: 'maxLength', max: c.max, ...b })),
  minLength: value((c, b) => ({ kind: 'minLength', min: c.min, ...b })),
  minimum: value((c, b) => ({ kind: 'minimum', value: c.value, exclusive: c.exclusive, ...b })),
  maximum: value((c, b) => ({ kind: 'maximum', value: c.value, exclusive: c.exclusive, ...b })),
  enum: value((c, b) => ({ kind: 'enum', values: c.values, ...b })),
  notNullable: value((_, b) => ({ kind: 'notNullable', ...b })),
  maxItems: value((c, b) => ({ kind: 'maxItems', max: c.max, ...b })),
  itemMaxLength: value((c, b) => ({ kind: 'itemMaxLength', max: c.max, ...b })),
  forbiddenChars: value((c, b) => ({ kind: 'forbiddenChars', chars: c.chars, ...b })),
  allowedChars: value((c, b) => ({ kind: 'allowedChars', chars: c.chars, scope: c.scope, ...b })),
  countryCode: value((_, b) => ({ kind: 'countryCode', ...b })),
  format: value((c, b) => ({ kind: 'format', format: c.format, ...b })),
  flagSet: value((c, b) => ({ kind: 'flagSet', values: c.values, ...b })),
  readOnly: value((_, b) => ({ kind: 'readOnly', ...b })),
  required: notInBody,
  requiredOnCreate: notInBody,
  updateLimit: notInBody,
  requiresPermission: notInBody,
  conditional: notInBody,
};

function check(c: Constraint): Check | undefined {
  const base: Base = { rule: c.rule, source: sourceRef(c.source) ?? '', ...(c.strength === 'advisory' ? { advisory: true as const } : {}) };
  return (CHECKS[c.kind] as (c: Constraint, base: Base) => Check | undefined)(c, base);
}

export function propertyContract(p: Property, spec: Pick<OperationSpec, 'types'>): PropertyContract {
  const checks = p.constraints
    // Advisory rules are kept, marked: a strict validation enforces them (see `ValidateOptions`).
    .filter((c) => shapesValues(c) && c.kind !== 'enum')
    .map(check)
    .filter((c): c is Check => c !== undefined);
  // The description's values, the enum type page's, or their union (see `allowedValues`).
  const en = allowedValues(p, spec.types);
  const advised = advisedValues(p, spec.types);
  // An advised list narrower than the enforced one: only a strict validation holds a value to it.
  const narrower = advised && (!en || advised.values.length < en.values.length);
  if (advised && narrower)
    checks.unshift({ kind: 'enum', values: advised.values, rule: advised.rule, source: sourceRef(advised.source) ?? '', advisory: true });
  if (en) checks.unshift({ kind: 'enum', values: en.values, rule: en.rule, source: sourceRef(en.source) ?? '' });
  return { type: valueType(p.type, spec), collection: p.type.collection, checks, source: sourceRef(p.typeSource ?? p.source) ?? '' };
}

/** The complex types of a spec as contracts, shared by its request and response contracts. */
export function typeContracts(spec: OperationSpec): (readonly [string, TypeContract])[] {
  const types: (readonly [string, TypeContract])[] = [];
  for (const [name, def] of Object.entries(spec.types)) {
    if (def.kind !== 'complex') continue;
    // A nested resource may carry its relationships, as the body does (a message sent with its `attachments`,
    // a post with `inReplyTo`).
    const related = (def.relationships ?? []).filter((r) => !def.properties.some((p) => p.name === r));
    types.push([
      name,
      {
        open: def.open,
        source: sourceRef(def.source) ?? '',
        properties: def.properties.map((p) => [p.name, propertyContract(p, spec)] as const),
        ...(related.length ? { relationships: related } : {}),
      },
    ]);
  }
  return types;
}

/**
 * A body that is a resource ("a JSON representation of a channel object") may nest the resource's
 * relationships (deep insert: `members` of a new channel). They are accepted by name, unchecked: their
 * rows name a type, not the shape a nested create takes.
 */
function nestedRelationships(spec: OperationSpec): string[] {
  const def = spec.requestBody.fromResource && spec.requestBody.resource ? spec.types[spec.requestBody.resource] : undefined;
  return def?.kind === 'complex' ? (def.relationships ?? []).map((name) => `^${escapeRegExp(name)}$`) : [];
}

export function buildContract(spec: OperationSpec): Contract {
  const types = typeContracts(spec);
  return {
    properties: spec.requestBody.properties.map((p) => {
      const contract = propertyContract(p, spec);
      // An advised "Required." is kept, marked: a strict validation enforces it.
      const required = sentRequired(p, spec.http.method);
      if (!required) return [p.name, contract] as const;
      const meta = { rule: required.rule, source: sourceRef(required.source) ?? '', ...(required.strength === 'advisory' ? { advisory: true as const } : {}) };
      return [p.name, { ...contract, required: meta }] as const;
    }),
    types,
    groups: spec.requestBody.groups
      .filter((g) => g.kind === 'own-request')
      .map((g) => ({ kind: 'own-request' as const, members: g.members, rule: g.rule, source: sourceRef(g.source) ?? '' })),
    extensionPatterns: [...(spec.requestBody.extensions.allowed ? spec.requestBody.extensions.namePatterns : []), ...nestedRelationships(spec)],
    source: sourceRef(spec.requestBody.source) ?? '',
    ...(spec.requestBody.resource ? { type: spec.requestBody.resource } : {}),
  };
}

/**
 * The contract a response body is held to: the resource type the Response section names (a `{ value: [...] }`
 * page of them for a list), with the value rules of its page, in response mode (see `Contract.response`).
 * The success response unless another documented response is named.
 */
export function buildResponseContract(spec: OperationSpec, success = successResponse(spec.responses)): Contract | undefined {
  const def = success?.bodyType ? spec.types[success.bodyType] : undefined;
  if (!success || def?.kind !== 'complex') return undefined;
  const item: PropertyContract = { type: { kind: 'object', type: def.name }, collection: false, checks: [], source: sourceRef(success.source) ?? '' };
  const properties = success.bodyCollection
    ? [['value', { ...item, collection: true }] as const]
    : def.properties.map((p) => [p.name, propertyContract(p, spec)] as const);
  return { properties, types: typeContracts(spec), groups: [], extensionPatterns: [], response: true, source: sourceRef(success.source) ?? '' };
}
