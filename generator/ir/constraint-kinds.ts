/**
 * Every constraint kind, once. The table is a mapped type over `ConstraintValue['kind']`, so adding a kind
 * to the IR does not compile until it says here what it restricts, how it reads, how two of it compare and
 * what makes one malformed. Consumers outside `spec/` (validator contract, arbitraries) keep their own
 * mapped tables over the same key set, which the compiler holds to the same rule.
 */
import type { ConstraintValue } from './ir.js';

export type ConstraintKind = ConstraintValue['kind'];
export type ConstraintOf<K extends ConstraintKind> = Extract<ConstraintValue, { kind: K }>;

/**
 * What a kind restricts:
 * - `value`: the value a body gives the property (validators, arbitraries and schemas check it);
 * - `presence`: whether a body names the property (checked on create and action bodies, shown on updates);
 * - `caller`: who may send it (permissions) — not visible in a body;
 * - `history`: how often or when (update limits, "required when created" on an update page) — not
 *   visible in one body;
 * - `context`: a rule under a condition the request does not settle, often about another property or
 *   operation ("… is not allowed when this value is false") — shown, never checked.
 */
export type Applies = 'value' | 'presence' | 'caller' | 'history' | 'context';

export interface KindDef<K extends ConstraintKind> {
  applies: Applies;
  /** One sentence for JSDoc, drift reports and the variant matrix. */
  describe(c: ConstraintOf<K>): string;
  /** The value alone (`64`, `Minor, Adult`); empty for kinds without one. */
  valueText(c: ConstraintOf<K>): string;
  /** -1: `b` allows less than `a`; 1: more; 0: the same; NaN: neither contains the other. */
  direction(a: ConstraintOf<K>, b: ConstraintOf<K>): number;
  /** What makes a hand-edited constraint of this kind unusable (`field` names the bad member). */
  problem(c: ConstraintOf<K>): { field: string; message: string } | undefined;
}

/** Bounds a hand-edited spec must keep to: beyond them a generated arbitrary or check would not be usable. */
export const MAX_LENGTH_LIMIT = 1_048_576;
export const MAX_ITEMS_LIMIT = 65_536;

const size = (field: string, value: number, limit: number, what: string) =>
  Number.isInteger(value) && value >= 0 && value <= limit ? undefined : { field, message: `${what} must be an integer from 0 to ${limit}, not ${value}` };
const finite = (field: string, value: number, what: string) =>
  Number.isFinite(value) ? undefined : { field, message: `${what} must be a finite number, not ${value}` };
const nonEmpty = (field: string, values: readonly unknown[], what: string) =>
  values.length ? undefined : { field, message: `${what} needs at least one value` };
const none = () => undefined;
const same = () => 0;
const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** 1 when B's set strictly contains A's, -1 when strictly inside it, 0 when equal, NaN otherwise. */
export function setOrder(a: readonly unknown[], b: readonly unknown[]): number {
  const x = new Set(a);
  const y = new Set(b);
  const aInB = [...x].every((v) => y.has(v));
  const bInA = [...y].every((v) => x.has(v));
  if (aInB && bInA) return 0;
  if (aInB) return 1;
  if (bInA) return -1;
  return NaN;
}

/** A lower bound allows more when it goes down, or stays and becomes inclusive. */
function boundOrder(a: { value: number; exclusive: boolean }, b: { value: number; exclusive: boolean }, lower: boolean): number {
  if (a.value === b.value) return a.exclusive === b.exclusive ? 0 : a.exclusive ? 1 : -1;
  return lower ? Math.sign(a.value - b.value) : Math.sign(b.value - a.value);
}

const permissionText = (c: ConstraintOf<'requiresPermission'>) => c.permissions.join(c.combine === 'all-of' ? ' and ' : ' or ');

export const CONSTRAINT_KINDS: { readonly [K in ConstraintKind]: KindDef<K> } = {
  maxLength: {
    applies: 'value',
    describe: (c) => `At most ${plural(c.max, 'character')}.`,
    valueText: (c) => String(c.max),
    direction: (a, b) => Math.sign(b.max - a.max),
    problem: (c) => size('max', c.max, MAX_LENGTH_LIMIT, 'a maximum length'),
  },
  minLength: {
    applies: 'value',
    describe: (c) => (c.min === 1 ? 'Cannot be empty.' : `At least ${plural(c.min, 'character')}.`),
    valueText: (c) => String(c.min),
    direction: (a, b) => Math.sign(a.min - b.min),
    problem: (c) => size('min', c.min, MAX_LENGTH_LIMIT, 'a minimum length'),
  },
  minimum: {
    applies: 'value',
    describe: (c) => `${c.exclusive ? 'Greater than' : 'At least'} ${c.value}.`,
    valueText: (c) => `${c.exclusive ? '>' : '≥'} ${c.value}`,
    direction: (a, b) => boundOrder(a, b, true),
    problem: (c) => finite('value', c.value, 'a minimum'),
  },
  maximum: {
    applies: 'value',
    describe: (c) => `${c.exclusive ? 'Less than' : 'At most'} ${c.value}.`,
    valueText: (c) => `${c.exclusive ? '<' : '≤'} ${c.value}`,
    direction: (a, b) => boundOrder(a, b, false),
    problem: (c) => finite('value', c.value, 'a maximum'),
  },
  enum: {
    applies: 'value',
    describe: (c) => (c.values.length === 1 ? `Only ${String(c.values[0])}.` : `One of: ${c.values.map(String).join(', ')}.`),
    valueText: (c) => c.values.map(String).join(', '),
    direction: (a, b) => setOrder(a.values, b.values),
    problem: (c) => nonEmpty('values', c.values, 'an enum'),
  },
  notNullable: { applies: 'value', describe: () => 'Cannot be null.', valueText: () => '', direction: same, problem: none },
  maxItems: {
    applies: 'value',
    describe: (c) => `At most ${plural(c.max, 'item')}.`,
    valueText: (c) => String(c.max),
    direction: (a, b) => Math.sign(b.max - a.max),
    problem: (c) => size('max', c.max, MAX_ITEMS_LIMIT, 'a maximum item count'),
  },
  itemMaxLength: {
    applies: 'value',
    describe: (c) => `Each item at most ${plural(c.max, 'character')}.`,
    valueText: (c) => String(c.max),
    direction: (a, b) => Math.sign(b.max - a.max),
    problem: (c) => size('max', c.max, MAX_LENGTH_LIMIT, 'a maximum item length'),
  },
  forbiddenChars: {
    applies: 'value',
    describe: (c) => `Must not contain: ${c.chars.join(' ')}.`,
    valueText: (c) => c.chars.join(' '),
    // More forbidden characters allow less.
    direction: (a, b) => -setOrder(a.chars, b.chars),
    problem: (c) =>
      c.chars.length && c.chars.every((x) => x.length > 0) ? undefined : { field: 'chars', message: 'a forbidden-characters set needs characters, none empty' },
  },
  allowedChars: {
    applies: 'value',
    describe: (c) => `Only these characters${c.scope === 'local-part' ? ' before the @' : ''}: ${c.chars}.`,
    valueText: (c) => `${c.scope === 'local-part' ? '(local part) ' : ''}${c.chars}`,
    direction: (a, b) => (a.scope === b.scope ? setOrder([...a.chars], [...b.chars]) : NaN),
    problem: (c) => (c.chars.length ? undefined : { field: 'chars', message: 'an allowed-characters set needs at least one character' }),
  },
  countryCode: { applies: 'value', describe: () => 'Two-letter ISO 3166 country code.', valueText: () => '', direction: same, problem: none },
  format: {
    applies: 'value',
    describe: (c) => `Format: ${c.format}.`,
    valueText: (c) => c.format,
    // A UTC-only date-time is a date-time with fewer spellings; an https URL a URL with one scheme.
    direction: (a, b) =>
      a.format === b.format
        ? 0
        : (a.format === 'date-time' && b.format === 'utc-date-time') || (a.format === 'uri' && b.format === 'https-uri')
          ? -1
          : (a.format === 'utc-date-time' && b.format === 'date-time') || (a.format === 'https-uri' && b.format === 'uri')
            ? 1
            : NaN,
    problem: none,
  },
  flagSet: {
    applies: 'value',
    describe: (c) => `Comma-separated set of: ${c.values.join(', ')}.`,
    valueText: (c) => c.values.join(', '),
    direction: (a, b) => setOrder(a.values, b.values),
    problem: (c) => nonEmpty('values', c.values, 'a flag set'),
  },
  readOnly: { applies: 'value', describe: () => 'Read-only.', valueText: () => '', direction: same, problem: none },
  required: { applies: 'presence', describe: () => 'Required in the request body.', valueText: () => '', direction: same, problem: none },
  requiredOnCreate: { applies: 'history', describe: () => 'Required when the resource is created.', valueText: () => '', direction: same, problem: none },
  updateLimit: {
    applies: 'history',
    describe: (c) => (c.times === 0 ? 'Cannot be changed once the resource is created.' : `Can be updated at most ${plural(c.times, 'time')}.`),
    valueText: (c) => String(c.times),
    direction: (a, b) => Math.sign(b.times - a.times),
    problem: (c) => size('times', c.times, Number.MAX_SAFE_INTEGER, 'an update limit'),
  },
  conditional: {
    applies: 'context',
    // `describeConstraint` adds the condition, as for every conditional constraint.
    describe: (c) => `${sentenceCase(c.statement)}.`,
    valueText: (c) => `${c.statement} ${c.condition}`,
    // Drift pairs two by their statement: another condition is neither more nor less (shown as changed).
    direction: (a, b) => (a.condition.trim().toLowerCase() === b.condition.trim().toLowerCase() ? 0 : NaN),
    problem: (c) =>
      c.statement.trim() && c.condition.trim() ? undefined : { field: 'statement', message: 'a conditional rule needs a statement and a condition' },
  },
  requiresPermission: {
    applies: 'caller',
    describe: (c) =>
      `Needs ${permissionText(c)}${c.least ? ' (least privileged; higher ones also work)' : ''}${c.scenario === 'any' ? '' : ` (${c.scenario})`}.`,
    valueText: (c) => `${permissionText(c)}${c.least ? ' or higher' : ''} (${c.scenario})`,
    direction: same,
    problem: (c) => nonEmpty('permissions', c.permissions, 'a permission requirement'),
  },
};

/** The kind's definition, typed for a constraint of any kind. */
export function kindOf<K extends ConstraintKind>(c: ConstraintOf<K>): KindDef<K> {
  return CONSTRAINT_KINDS[c.kind] as unknown as KindDef<K>;
}
