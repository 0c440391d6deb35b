/**
 * Differences between the constraints two pages mine for one property. A constraint that narrows what a
 * body may hold breaks clients when it appears or tightens, and breaks servers when it goes away or loosens
 * (a server built on the stricter page refuses what the looser one allows).
 */
import { describeConstraint } from '../describe-constraint.js';
import type { Constraint, ConstraintValue } from '../ir.js';
import { BOTH, type Breaking, CLIENT, type DriftChange, NONE, SERVER } from './change.js';

type Kind = Constraint['kind'];

/** Constraints that do not restrict an update body; a change in them is reported but breaks nobody. */
const INFORMATIONAL = new Set<Kind>(['requiredOnCreate']);

/** A constraint's value alone (`64`, `Minor, Adult`); empty for kinds without one. */
export function constraintValueText(c: ConstraintValue): string {
  switch (c.kind) {
    case 'maxLength':
    case 'maxItems':
    case 'itemMaxLength':
      return String(c.max);
    case 'enum':
      return c.values.map(String).join(', ');
    case 'forbiddenChars':
      return c.chars.join(' ');
    case 'allowedChars':
      return `${c.scope === 'local-part' ? '(local part) ' : ''}${c.chars}`;
    case 'format':
      return c.format;
    case 'flagSet':
      return c.values.join(', ');
    case 'updateLimit':
      return String(c.times);
    case 'requiresPermission':
      return `${c.permissions.join(' + ')} (${c.scenario})`;
    default:
      return '';
  }
}

/** Short text of a constraint for the before/after columns: `maxLength 64`, `notNullable`. */
export function constraintText(c: ConstraintValue): string {
  const value = constraintValueText(c);
  return value ? `${c.kind} ${value}` : c.kind;
}

/** Permissions can appear several times on one property; every other kind at most once. */
function key(c: Constraint): string {
  return c.kind === 'requiresPermission' ? `${c.kind}:${c.scenario}:${[...c.permissions].sort().join('+')}` : c.kind;
}

/**
 * Changes of every constraint kind except `enum` and `notNullable`, which the property diff reports as enum
 * and nullability changes.
 */
export function diffConstraints(subject: string, a: Constraint[], b: Constraint[]): DriftChange[] {
  const skip = (c: Constraint) => c.kind === 'enum' || c.kind === 'notNullable';
  const left = new Map(a.filter((c) => !skip(c)).map((c) => [key(c), c]));
  const right = new Map(b.filter((c) => !skip(c)).map((c) => [key(c), c]));
  const changes: DriftChange[] = [];
  for (const [k, ca] of left) {
    const cb = right.get(k);
    if (!cb) {
      changes.push({
        kind: 'constraint-removed',
        subject,
        message: `${subject}: B no longer says "${describeConstraint(ca)}"`,
        before: constraintText(ca),
        breaking: INFORMATIONAL.has(ca.kind) ? NONE : SERVER,
        a: ca.source,
      });
      continue;
    }
    const change = compare(subject, ca, cb);
    if (change) changes.push(change);
  }
  for (const [k, cb] of right) {
    if (left.has(k)) continue;
    changes.push({
      kind: 'constraint-added',
      subject,
      message: `${subject}: B adds "${describeConstraint(cb)}"`,
      after: constraintText(cb),
      breaking: INFORMATIONAL.has(cb.kind) ? NONE : CLIENT,
      b: cb.source,
    });
  }
  return changes;
}

/** -1: B allows less (tightened), 1: B allows more (loosened), 0: same, NaN: neither contains the other. */
function direction(a: Constraint, b: Constraint): number {
  switch (a.kind) {
    case 'maxLength':
    case 'maxItems':
    case 'itemMaxLength':
      return Math.sign((b as typeof a).max - a.max);
    case 'updateLimit':
      return Math.sign((b as typeof a).times - a.times);
    case 'forbiddenChars':
      // More forbidden characters allow less.
      return -setOrder(a.chars, (b as typeof a).chars);
    case 'allowedChars':
      if (a.scope !== (b as typeof a).scope) return NaN;
      return setOrder([...a.chars], [...(b as typeof a).chars]);
    case 'flagSet':
      return setOrder(a.values, (b as typeof a).values);
    case 'format':
      return a.format === (b as typeof a).format ? 0 : NaN;
    default:
      return 0;
  }
}

/** 1 when B's set strictly contains A's, -1 when strictly inside it, 0 when equal, NaN otherwise. */
function setOrder(a: string[], b: string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  const aInB = [...x].every((v) => y.has(v));
  const bInA = [...y].every((v) => x.has(v));
  if (aInB && bInA) return 0;
  if (aInB) return 1;
  if (bInA) return -1;
  return NaN;
}

function compare(subject: string, ca: Constraint, cb: Constraint): DriftChange | undefined {
  const d = direction(ca, cb);
  if (d === 0) return undefined;
  const before = constraintText(ca);
  const after = constraintText(cb);
  const informational = INFORMATIONAL.has(ca.kind);
  const [kind, verb, breaking]: [DriftChange['kind'], string, Breaking] =
    d < 0
      ? ['constraint-tightened', 'tightened', informational ? NONE : CLIENT]
      : d > 0
        ? ['constraint-loosened', 'loosened', informational ? NONE : SERVER]
        : ['constraint-changed', 'changed', informational ? NONE : BOTH];
  return {
    kind,
    subject,
    message: `${subject}: ${ca.kind} ${verb} from ${constraintValueText(ca)} to ${constraintValueText(cb)}`,
    before,
    after,
    breaking,
    a: ca.source,
    b: cb.source,
  };
}
