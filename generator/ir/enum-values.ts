/**
 * The values a property may take when the docs enumerate them: the description's list, the enum type's own
 * page (or `enums.md` section), or — when both list values — their union, since either may be the one that
 * lags. One function, so the validator and the arbitraries that certify against it agree.
 */
import { isEnforced, shapesValues } from './enforced.js';
import type { Constraint, OperationSpec, Property, SourceRef } from './ir.js';

export interface AllowedValues {
  values: (string | number | null)[];
  rule: string;
  source: SourceRef | undefined;
}

export function allowedValues(p: Property, types: OperationSpec['types']): AllowedValues | undefined {
  const described = p.constraints.find((c): c is Extract<Constraint, { kind: 'enum' }> => c.kind === 'enum' && isEnforced(c));
  const def = p.type.kind === 'named' ? types[p.type.name] : undefined;
  // A flags enum's value is a list of members: its flagSet constraint says which (type-registry.ts, or the
  // page's example read as a set in example-readings.ts).
  if ((def?.kind === 'enum' && def.flags) || p.constraints.some((c) => c.kind === 'flagSet' && isEnforced(c))) return undefined;
  const page = def?.kind === 'enum' && def.values.length ? def.values : undefined;
  if (described) {
    const extra = page ? page.filter((v) => !described.values.includes(v)) : [];
    return { values: [...described.values, ...extra], rule: described.rule, source: described.source };
  }
  if (page && def) return { values: [...page], rule: 'enum-type', source: def.source };
  return undefined;
}

/**
 * The values valid under every reading: a list the docs only advise ("should be one of …", or one the page's
 * own example contradicts) narrows what `allowedValues` enforces. Valid bodies keep to it; a strict
 * validation enforces it.
 */
export function advisedValues(p: Property, types: OperationSpec['types']): AllowedValues | undefined {
  const en = allowedValues(p, types);
  const advised = p.constraints.find((c): c is Extract<Constraint, { kind: 'enum' }> => c.kind === 'enum' && shapesValues(c) && !isEnforced(c));
  if (!advised) return en;
  const values = en ? advised.values.filter((v) => en.values.includes(v)) : advised.values;
  return values.length ? { values, rule: advised.rule, source: advised.source } : en;
}

/**
 * The values the docs state for a property, for drift: the description's list when it has one, else the
 * enum type page's. Not the union `allowedValues` gives: a description that drops a value its type page
 * still lists is a change of the page worth reporting, even though a validator allows the value either way.
 */
export function statedValues(p: Property, types: OperationSpec['types']): (string | number | null)[] | undefined {
  const described = p.constraints.find((c): c is Extract<Constraint, { kind: 'enum' }> => c.kind === 'enum');
  if (described) return described.values;
  const def = p.type.kind === 'named' ? types[p.type.name] : undefined;
  return def?.kind === 'enum' && def.values.length ? def.values : undefined;
}
