/**
 * Differences between the constraints two pages mine for one property. A constraint that narrows what a
 * body may hold breaks clients when it appears or tightens, and breaks servers when it goes away or loosens
 * (a server built on the stricter page refuses what the looser one allows).
 */
import { describeConstraint } from '../ir/describe-constraint.js';
import { kindOf } from '../ir/constraint-kinds.js';
import type { Constraint, ConstraintValue, Strength } from '../ir/ir.js';
import { BOTH, type Breaking, CLIENT, type DriftChange, NONE, SERVER } from './change.js';

/** A constraint's value alone (`64`, `Minor, Adult`); empty for kinds without one. */
export function constraintValueText(c: ConstraintValue): string {
  return kindOf(c).valueText(c);
}

/** Short text of a constraint for the before/after columns: `maxLength 64`, `notNullable`. */
export function constraintText(c: ConstraintValue & { condition?: string; strength?: Strength }): string {
  const value = constraintValueText(c);
  const text = value ? `${c.kind} ${value}` : c.kind;
  return c.condition ? `${text} if "${c.condition}"` : c.strength === 'advisory' ? `${text} (advised)` : text;
}

/**
 * Permissions can appear several times on one property; every other kind at most once unconditionally and
 * once under a condition. A rule one side demands and the other only advises is one removed and one added.
 */
function key(c: Constraint): string {
  const base =
    c.kind === 'requiresPermission'
      ? `${c.kind}:${c.scenario}:${c.combine}:${[...c.permissions].sort().join('+')}`
      : // A property may carry several: each statement is its own rule.
        c.kind === 'conditional'
        ? `${c.kind}:${c.statement.toLowerCase()}`
        : c.kind;
  return c.condition ? `${base}:if` : c.strength === 'advisory' ? `${base}:advised` : base;
}

/** The change id: kind and constraint kind (and scenario for permissions), never values or lines. */
function idOf(kind: DriftChange['kind'], c: Constraint): string {
  return `${kind}.${c.kind}${c.kind === 'requiresPermission' ? `.${c.scenario}` : ''}${c.condition ? '.conditional' : c.strength === 'advisory' ? '.advised' : ''}`;
}

/** Why a constraint breaks nobody whatever it says, or undefined when its effect must be worked out. */
function inertReason(c: Constraint): string | undefined {
  if (c.condition) return `applies only "${c.condition}": shown, never enforced, so it breaks nobody`;
  if (c.strength === 'advisory') return 'advised, not demanded: shown, enforced only by strict readings, so it breaks nobody';
  if (kindOf(c).applies === 'history') return 'informational: it does not restrict this request';
  if (c.kind === 'requiresPermission' && c.least) return 'names the least privileged permission; higher privileged ones are accepted too';
  return undefined;
}

/**
 * Why a constraint only one side states cannot be judged: it came from that side's resource page, and the
 * other side had no resource page at hand to say the same (undefined: judge it as usual).
 */
export type Unjudged = (c: Constraint, side: 'a' | 'b') => string | undefined;

/**
 * Changes of every constraint kind except `enum` and `notNullable`, which the property diff reports as enum
 * and nullability changes.
 */
export function diffConstraints(subject: string, a: Constraint[], b: Constraint[], unjudged?: Unjudged): DriftChange[] {
  const skip = (c: Constraint) => c.kind === 'enum' || c.kind === 'notNullable';
  const left = new Map(a.filter((c) => !skip(c)).map((c) => [key(c), c]));
  const right = new Map(b.filter((c) => !skip(c)).map((c) => [key(c), c]));
  const changes: DriftChange[] = [];
  for (const [k, ca] of left) {
    const cb = right.get(k);
    if (!cb) {
      const inert = inertReason(ca) ?? unjudged?.(ca, 'a');
      changes.push({
        kind: 'constraint-removed',
        id: idOf('constraint-removed', ca),
        subject,
        message: `${subject}: B no longer says "${describeConstraint(ca)}"`,
        before: constraintText(ca),
        ...(inert
          ? { breaking: NONE, reason: inert }
          : ca.kind === 'requiresPermission'
            ? { breaking: NONE, reason: 'a permission requirement B drops only accepts more callers' }
            : { breaking: SERVER }),
        a: ca.source,
      });
      continue;
    }
    const change = compare(subject, ca, cb);
    if (change) changes.push(change);
  }
  for (const [k, cb] of right) {
    if (left.has(k)) continue;
    const inert = inertReason(cb) ?? unjudged?.(cb, 'b');
    const effect = inert ? { breaking: NONE, reason: inert } : cb.kind === 'requiresPermission' ? permissionEffect(subject, cb, a) : { breaking: CLIENT };
    changes.push({
      kind: 'constraint-added',
      id: idOf('constraint-added', cb),
      subject,
      message: `${subject}: B adds "${describeConstraint(cb)}"`,
      after: constraintText(cb),
      ...effect,
      b: cb.source,
    });
  }
  return changes;
}

type Scenario = 'delegated' | 'application';
type Permission = Extract<Constraint, { kind: 'requiresPermission' }>;

/** Each requirement as "any of these" sets: an all-of requirement is one set per permission. */
function clauses(cs: Constraint[], scenario: Scenario): Set<string>[] {
  return cs
    .filter((c): c is Permission & Constraint => c.kind === 'requiresPermission' && !inertReason(c))
    .filter((c) => c.scenario === scenario || c.scenario === 'any')
    .flatMap((c) => (c.combine === 'all-of' ? c.permissions.map((p) => new Set([p])) : [new Set(c.permissions)]));
}

/** `*.AccessAsUser.All` permissions act on behalf of a signed-in user: no app-only caller can hold them. */
function holdable(clause: Set<string>, scenario: Scenario): boolean {
  return scenario === 'delegated' || [...clause].some((p) => !/\.AccessAsUser\./.test(p));
}

/**
 * What a requirement only B states does to callers: it breaks a client when, in one of its scenarios, a
 * caller A accepted may lack it (no requirement of A already implies it), unless A's requirements for that
 * scenario could not be met at all (then B only accepts callers A refused).
 */
function permissionEffect(subject: string, cb: Permission & Constraint, a: Constraint[]): Pick<DriftChange, 'breaking' | 'reason'> {
  const scenarios: Scenario[] = cb.scenario === 'any' ? ['delegated', 'application'] : [cb.scenario];
  const required = clauses([cb], scenarios[0]!);
  const narrower: Scenario[] = [];
  const newlyAccepted: Scenario[] = [];
  for (const s of scenarios) {
    const before = clauses(a, s);
    if (before.some((c) => !holdable(c, s))) {
      newlyAccepted.push(s);
      continue;
    }
    const implied = (c: Set<string>) => before.some((x) => [...x].every((p) => c.has(p)));
    if (!required.every(implied)) narrower.push(s);
  }
  if (narrower.length)
    return {
      breaking: CLIENT,
      reason: `${narrower.join(' and ')} callers A accepted for ${subject} may lack ${cb.permissions.join(cb.combine === 'all-of' ? ' and ' : ' or ')}`,
    };
  if (newlyAccepted.length) return { breaking: NONE, reason: `newly accepted: A's requirement could not be met by ${newlyAccepted.join(' and ')} callers` };
  return { breaking: NONE, reason: 'restated: A already required as much' };
}

function compare(subject: string, ca: Constraint, cb: Constraint): DriftChange | undefined {
  const d = kindOf(ca).direction(ca, cb as typeof ca);
  if (d === 0) return undefined;
  const before = constraintText(ca);
  const after = constraintText(cb);
  const inert = inertReason(ca) ?? inertReason(cb);
  const informational = inert !== undefined;
  const [kind, verb, breaking]: [DriftChange['kind'], string, Breaking] =
    d < 0
      ? ['constraint-tightened', 'tightened', informational ? NONE : CLIENT]
      : d > 0
        ? ['constraint-loosened', 'loosened', informational ? NONE : SERVER]
        : ['constraint-changed', 'changed', informational ? NONE : BOTH];
  return {
    kind,
    id: idOf(kind, ca),
    subject,
    ...(inert ? { reason: inert } : {}),
    message: `${subject}: ${ca.kind} ${verb} from ${constraintValueText(ca)} to ${constraintValueText(cb)}`,
    before,
    after,
    breaking,
    a: ca.source,
    b: cb.source,
  };
}
