/**
 * Spec → validator contract: the plain data a generated validator checks against. Only constraints a body
 * can be checked for are kept (permissions, update limits and required-on-create are not about one body).
 */
import { isEnforced } from '../spec/enforced.js';
import type { Constraint, OperationSpec, Property, SourceRef, TypeRef } from '../spec/ir.js';
import { INTEGER_RANGES, isAnyJson, jsonKind } from '../spec/primitives.js';
import type { Check, Contract, PropertyContract, TypeContract, ValueType } from './runtime.js';

export const at = (s: SourceRef | undefined): string => (s ? `${s.file}:${s.line}` : '');

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

function check(c: Constraint): Check | undefined {
  const base = { rule: c.rule, source: at(c.source) };
  switch (c.kind) {
    case 'maxLength':
    case 'maxItems':
    case 'itemMaxLength':
      return { kind: c.kind, max: c.max, ...base };
    case 'enum':
      return { kind: 'enum', values: c.values, ...base };
    case 'notNullable':
    case 'countryCode':
    case 'readOnly':
      return { kind: c.kind, ...base };
    case 'forbiddenChars':
      return { kind: 'forbiddenChars', chars: c.chars, ...base };
    case 'allowedChars':
      return { kind: 'allowedChars', chars: c.chars, scope: c.scope, ...base };
    case 'format':
      return { kind: 'format', format: c.format, ...base };
    case 'flagSet':
      return { kind: 'flagSet', values: c.values, ...base };
    default:
      return undefined;
  }
}

export function propertyContract(p: Property, spec: Pick<OperationSpec, 'types'>): PropertyContract {
  const checks = p.constraints
    .filter(isEnforced)
    .map(check)
    .filter((c): c is Check => c !== undefined);
  // An enum type with values on its own type page (and none in the description) checks against those.
  if (p.type.kind === 'named' && !checks.some((c) => c.kind === 'enum')) {
    const def = spec.types[p.type.name];
    if (def?.kind === 'enum' && def.values.length) checks.push({ kind: 'enum', values: def.values, rule: 'enum-type', source: at(def.source) });
  }
  return { type: valueType(p.type, spec), collection: p.type.collection, checks, source: at(p.source) };
}

export function buildContract(spec: OperationSpec): Contract {
  const types: (readonly [string, TypeContract])[] = [];
  for (const [name, def] of Object.entries(spec.types)) {
    if (def.kind !== 'complex') continue;
    types.push([name, { open: def.open, source: at(def.source), properties: def.properties.map((p) => [p.name, propertyContract(p, spec)] as const) }]);
  }
  return {
    properties: spec.requestBody.properties.map((p) => [p.name, propertyContract(p, spec)] as const),
    types,
    groups: spec.requestBody.groups
      .filter((g) => g.kind === 'own-request')
      .map((g) => ({ kind: 'own-request' as const, members: g.members, rule: g.rule, source: at(g.source) })),
    extensionPatterns: spec.requestBody.extensions.allowed ? spec.requestBody.extensions.namePatterns : [],
    source: at(spec.requestBody.source),
  };
}
