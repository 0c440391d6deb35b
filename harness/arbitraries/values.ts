/**
 * fast-check arbitraries for one property's values, from its spec: valid values satisfy every constraint
 * (biased toward boundaries such as exactly-max-length strings); `breakers` produce values that break one
 * named constraint and nothing else that the generator can avoid.
 */
import fc from 'fast-check';
import type { Constraint, OperationSpec, Property, TypeRef } from '../../generator/ir/ir.js';
import { shapesValues } from '../../generator/ir/enforced.js';
import { advisedValues, allowedValues } from '../../generator/ir/enum-values.js';
import { INTEGER_RANGES, jsonKind } from '../../generator/ir/primitives.js';
import { FORMATS } from '../../generator/emit/runtime.js';
import { ALNUM, guid, headed, LOWER, LOWER_DIGITS, text } from './text.js';

type Of<K extends Constraint['kind']> = Extract<Constraint, { kind: K }>;
/** Each property's first value-shaping constraint of each kind: looked up for every constraint of it, so kept. */
const firstOfKind = new WeakMap<Property, Map<Constraint['kind'], Constraint>>();
const find = <K extends Constraint['kind']>(p: Property, kind: K): Of<K> | undefined => {
  let first = firstOfKind.get(p);
  if (!first) {
    first = new Map();
    for (const c of p.constraints) if (shapesValues(c) && !first.has(c.kind)) first.set(c.kind, c);
    firstOfKind.set(p, first);
  }
  return first.get(kind) as Of<K> | undefined;
};

/**
 * A property's value-shaping constraints (advisory ones included), each rule stated once: a page (or a hand-edited spec) that repeats one
 * 20,000 times breaks it in no new way, and drawing breakers for every copy was quadratic.
 */
function distinctEnforced(p: Property): Constraint[] {
  const seen = new Set<string>();
  return p.constraints.filter((c) => {
    if (!shapesValues(c)) return false;
    const key = JSON.stringify({ ...c, source: undefined, sentence: undefined });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const MAX_DEPTH = 2;

/**
 * Any one character: printable ASCII, sometimes a non-ASCII letter from the Basic Multilingual Plane (one
 * UTF-16 unit and one code point, so "64 characters" means the same under either count, but not in bytes).
 */
const NON_ASCII = ['é', 'ß', 'Ø', 'ж', '中', 'ä'];
const ANY_CHAR: readonly string[] = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), ...NON_ASCII];

/** Characters a plain string may use under the property's character rules. */
function charTable(p: Property): readonly string[] {
  const allowed = find(p, 'allowedChars');
  const forbidden = new Set(find(p, 'forbiddenChars')?.chars ?? []);
  const base = allowed ? [...new Set(allowed.chars)].filter((c) => c !== '@') : ANY_CHAR;
  const table = forbidden.size ? base.filter((c) => !forbidden.has(c)) : base;
  // Every character allowed is also forbidden: the page contradicts itself, and no string has characters.
  return table.length ? table : ['a'];
}

/** Characters drawn per long string: beyond this, a string repeats them. */
const CHUNK = 16;

/**
 * A string of `min`..`max` characters (code points). A long one repeats a random chunk of up to CHUNK
 * characters: its length is what a length rule is about, and drawing every one of 1,024 characters would
 * cost most of a certification run without reaching any other rule.
 */
export function ofLength(chars: readonly string[], min: number, max: number): fc.Arbitrary<string> {
  if (max <= CHUNK) return text(chars, min, max);
  return fc.tuple(fc.integer({ min, max }), text(chars, 1, CHUNK)).map(([n, chunk]) => {
    // Whole chunks by `repeat`, then the first characters of one more: a character may be two UTF-16 units,
    // so the remainder is cut by code points, not from the text.
    const points = [...chunk];
    const whole = chunk.repeat(Math.floor(n / points.length));
    return n % points.length ? whole + points.slice(0, n % points.length).join('') : whole;
  });
}

/** A string of length within [min, max], biased toward max. */
function sized(chars: readonly string[], min: number, max: number): fc.Arbitrary<string> {
  const any = text(chars, min, max);
  return max > min ? fc.oneof({ weight: 3, arbitrary: any }, { weight: 1, arbitrary: ofLength(chars, max, max) }) : ofLength(chars, min, max);
}

/** Milliseconds, whole seconds, an explicit offset, and the 7 fractional digits Graph itself returns. */
const DATE_TIME_FORMS = [
  (iso: string) => iso,
  (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z'),
  (iso: string) => iso.replace('Z', '+00:00'),
  (iso: string) => iso.replace('Z', '4567Z'),
];
const dateTime = fc
  .tuple(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), fc.nat(DATE_TIME_FORMS.length - 1))
  // A pair, not `chain`: chaining built a new arbitrary for every date drawn.
  .map(([d, form]) => DATE_TIME_FORMS[form]!(d.toISOString()));
/**
 * Absolute URLs: a scheme, a host and a few path segments. Not `fc.webUrl()`, which builds new string
 * arbitraries (and their character tables) for every value it draws and cost most of a certification run.
 */
function absoluteUrl(): fc.Arbitrary<string> {
  const segment = text([...ALNUM, ...'-._~'], 1, 8);
  return fc
    .tuple(
      fc.constantFrom('https', 'http'),
      fc.constantFrom('contoso.com', 'fabrikam.onmicrosoft.com', 'x.io', '127.0.0.1:8080', 'sharepoint.contoso.com'),
      fc.array(segment, { maxLength: 3 }),
    )
    .map(([scheme, host, path]) => `${scheme}://${host}/${path.join('/')}`);
}

/**
 * Addresses any reading of "email address" accepts: letters and digits in one to three parts joined by one
 * of `.`, `_`, `-`, `+`, at a known domain. Not `fc.emailAddress()`: its RFC 5322 local parts (`!#$%&'=?^`)
 * are valid by the letter but not under every server's reading, and it cost a sixth of drawing a full body.
 */
function emailAddress(): fc.Arbitrary<string> {
  const part = text(LOWER_DIGITS, 1, 8);
  return fc
    .tuple(
      fc.array(part, { minLength: 1, maxLength: 3 }),
      fc.constantFrom('.', '_', '-', '+'),
      fc.constantFrom('contoso.com', 'fabrikam.onmicrosoft.com', 'x.io', 'mail.contoso.co.uk'),
    )
    .map(([parts, joint, domain]) => `${parts.join(joint)}@${domain}`);
}

const FORMAT_ARBS: Record<string, fc.Arbitrary<string>> = {
  'date-time': dateTime,
  date: dateTime.map((s) => s.slice(0, 10)),
  time: dateTime.map((s) => s.slice(11, 19)),
  duration: fc.tuple(fc.nat(30), fc.nat(23)).map(([d, h]) => `P${d}DT${h}H`),
  uuid: guid,
  'utc-date-time': dateTime.map((s) => s.replace('+00:00', 'Z')),
  uri: absoluteUrl(),
  'https-uri': absoluteUrl().map((u) => u.replace(/^[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/)?/, 'https://')),
  base64: fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b).toString('base64')),
  email: emailAddress(),
  'language-tag': fc.constantFrom('en', 'en-US', 'fr-FR', 'zh-Hans-CN', 'de', 'ja-JP', 'nb-NO'),
};

/** Valid non-null string for a property. */
function validString(p: Property, itemLevel: boolean, types: OperationSpec['types']): fc.Arbitrary<string> {
  const en = advisedValues(p, types);
  if (en) return fc.constantFrom(...en.values.filter((v): v is string => typeof v === 'string'));
  const flags = find(p, 'flagSet');
  if (flags) return fc.subarray(flags.values, { minLength: 1 }).map((v) => v.join(', '));
  if (find(p, 'countryCode')) return fc.constantFrom('US', 'JP', 'GB', 'NO', 'DE', 'FR', 'CA', 'AU');
  const format = find(p, 'format')?.format;
  if (format && FORMAT_ARBS[format]) return FORMAT_ARBS[format]!;
  const max = (itemLevel ? find(p, 'itemMaxLength')?.max : find(p, 'maxLength')?.max) ?? 40;
  if (format === 'alias@domain') {
    const domain = fc.constantFrom('contoso.com', 'fabrikam.onmicrosoft.com', 'x.io');
    // No white space and no @ in the local part: the format has neither.
    const local = charTable(p).filter((ch) => ch !== '@' && !/\s/.test(ch));
    if (local.length === 0) local.push('a');
    return fc.tuple(sized(local, 1, Math.max(1, Math.min(max, 64) - 17)), domain).map(([l, d]) => `${l}@${d}`);
  }
  return sized(charTable(p), itemLevel ? 0 : Math.min(find(p, 'minLength')?.min ?? 0, max), max);
}

/** A number within the property's documented bounds and its type's range. */
function boundedNumber(p: Property, range: readonly [number, number] | undefined): fc.Arbitrary<number> {
  const lo = find(p, 'minimum');
  const hi = find(p, 'maximum');
  if (range) {
    const min = Math.max(range[0], lo ? (lo.exclusive ? Math.floor(lo.value) + 1 : Math.ceil(lo.value)) : range[0]);
    const max = Math.min(range[1], hi ? (hi.exclusive ? Math.ceil(hi.value) - 1 : Math.floor(hi.value)) : range[1]);
    // Bias toward the documented edges, where off-by-one mistakes live.
    const edges = [lo ? min : undefined, hi ? max : undefined].filter((n): n is number => n !== undefined);
    const any = fc.integer({ min, max });
    return edges.length ? fc.oneof({ weight: 3, arbitrary: any }, { weight: 1, arbitrary: fc.constantFrom(...edges) }) : any;
  }
  return fc
    .double({
      noNaN: true,
      noDefaultInfinity: true,
      ...(lo ? { min: lo.value, minExcluded: lo.exclusive } : {}),
      ...(hi ? { max: hi.value, maxExcluded: hi.exclusive } : {}),
    })
    .map((n) => (Object.is(n, -0) ? 0 : n));
}

export interface ArbContext {
  spec: OperationSpec;
  depth: number;
}

/** Valid value of a property (null included where the docs allow it). */
export function validValue(p: Property, ctx: ArbContext): fc.Arbitrary<unknown> {
  const item = validItem(p, p.type, ctx);
  let value: fc.Arbitrary<unknown> = item;
  if (p.type.collection) {
    const maxItems = find(p, 'maxItems')?.max ?? 3;
    value = fc.oneof(
      { weight: 3, arbitrary: fc.array(item, { maxLength: Math.min(maxItems, 3) }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: Math.min(maxItems, 3), maxLength: Math.min(maxItems, 3) }) },
    );
  }
  const en = advisedValues(p, ctx.spec.types);
  // OData collections are never null; and what the resource's create requires is never cleared (null or "")
  // as a valid value: no reading of the docs allows it.
  const kept = !!find(p, 'requiredOnCreate');
  if (kept && !p.type.collection) value = value.filter((v) => v !== '');
  const nullable = !p.type.collection && !kept && !find(p, 'notNullable') && (!en || en.values.includes(null));
  return nullable ? fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
}

function validItem(p: Property, type: TypeRef, ctx: ArbContext): fc.Arbitrary<unknown> {
  const en = advisedValues(p, ctx.spec.types);
  if (en?.values.some((v) => typeof v === 'number')) return fc.constantFrom(...en.values.filter((v): v is number => typeof v === 'number'));
  if (type.kind === 'primitive') {
    const kind = jsonKind(type.name);
    if (kind === 'boolean') return fc.boolean();
    if (kind === 'integer') return boundedNumber(p, INTEGER_RANGES[type.name]);
    if (kind === 'number') return boundedNumber(p, undefined);
    return validString(p, type.collection, ctx.spec.types);
  }
  if (type.resolution === 'enum') return validString(p, type.collection, ctx.spec.types);
  const def = ctx.spec.types[type.name];
  if (def?.kind === 'complex' && ctx.depth < MAX_DEPTH) {
    const inner: Record<string, fc.Arbitrary<unknown>> = {};
    for (const q of def.properties) inner[q.name] = validValue(q, { ...ctx, depth: ctx.depth + 1 });
    // Plain objects, as JSON.parse makes them: a null prototype is nothing a body can carry.
    return fc.record(inner, { requiredKeys: [], noNullPrototype: true });
  }
  return fc.dictionary(headed(LOWER, ALNUM, 0, 8), fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 3, noNullPrototype: true });
}

/**
 * Ways a value may break the letter of a rule that a reasonable server tolerates: a certification reports a
 * server accepting one as a warning, not a failure (a strict run makes it one). Graph itself accepts `"us"`
 * for usageLocation.
 */
export const TOLERANCES = {
  'letter-case': 'another letter case of an allowed value',
  'repeated-flag': 'a flag named twice',
  whitespace: 'spaces around an allowed value',
  'request-page-value': "a value the operation's request table allows that the resource page does not list",
  advisory: 'a value outside a rule the docs advise ("should follow …", "The URL for …") rather than demand',
  'docs-silent': 'a valid value refused where the docs state no limit (a length, the characters, a range, a count)',
} as const;

export type Tolerance = keyof typeof TOLERANCES;

/** A value that breaks one named constraint of a property. */
export interface Breaker {
  rule: string;
  /** Relative JSON Pointer suffix where the error is reported (`''`: at the property). */
  at: string;
  value: fc.Arbitrary<unknown>;
  /** Set when the value breaks the rule only in a way a server may tolerate. */
  tolerance?: Tolerance;
}

const fold = (s: string) => s.trim().toLowerCase();

/** Other letter cases of a value (`Adult` → `adult`, `ADULT`, `aDULT`), none of them an allowed value. */
function otherCases(v: string, allowed: readonly unknown[]): string[] {
  const flipped = v ? (v[0] === v[0]!.toLowerCase() ? v[0]!.toUpperCase() : v[0]!.toLowerCase()) + v.slice(1) : v;
  return [...new Set([v.toLowerCase(), v.toUpperCase(), flipped])].filter((x) => x !== v && !allowed.includes(x));
}

/** Tolerable variants of allowed string values, per tolerance (empty lists left out). */
function tolerated(values: readonly string[], allowed: readonly unknown[], kinds: readonly Tolerance[]): [Tolerance, string[]][] {
  const out: [Tolerance, string[]][] = [];
  if (kinds.includes('letter-case')) out.push(['letter-case', values.flatMap((v) => otherCases(v, allowed))]);
  if (kinds.includes('whitespace')) out.push(['whitespace', values.filter((v) => v !== '').flatMap((v) => [` ${v}`, `${v} `])]);
  return out.filter(([, list]) => list.length > 0);
}

export function breakers(p: Property, ctx: ArbContext): Breaker[] {
  const out: Breaker[] = [];
  // Breaking an advisory rule is a tolerance: valid values keep to the advice all the same, so a server that
  // demands it is not failed either way, and one that accepts any value gets a warning.
  const advisory = (c: Constraint, from: number) => {
    if (c.strength !== 'advisory') return;
    for (const b of out.slice(from)) b.tolerance ??= 'advisory';
  };
  const itemValid = validItem(p, p.type, ctx);
  const chars = charTable(p);
  for (const c of distinctEnforced(p)) {
    const from = out.length;
    breakersOf(c);
    advisory(c, from);
  }
  function breakersOf(c: Constraint): void {
    switch (c.kind) {
      case 'maxLength':
        if (!find(p, 'enum') && !find(p, 'format') && !find(p, 'countryCode') && !find(p, 'flagSet')) {
          out.push({ rule: c.rule, at: '', value: ofLength(chars, c.max + 1, c.max + 8) });
        }
        break;
      case 'enum': {
        // Outside every list the docs give (the type page's values are allowed too).
        const allowed = allowedValues(p, ctx.spec.types)?.values ?? c.values;
        const numeric = allowed.some((v) => typeof v === 'number');
        const at = p.type.collection ? '/0' : '';
        const one = (a: fc.Arbitrary<unknown>) => (p.type.collection ? a.map((b) => [b]) : a);
        // Beyond any reading: not another case or spacing of an allowed value (those are tolerances).
        const folded = new Set(allowed.filter((v): v is string => typeof v === 'string').map(fold));
        const bad = numeric
          ? fc.integer({ min: -1000, max: 100000 }).filter((n) => !allowed.includes(n))
          : fc.constantFrom('Teen', 'unknownFutureValue', 'minor', '', 'owner-ish').filter((s) => !allowed.includes(s) && !folded.has(fold(s)));
        out.push({ rule: c.rule, at, value: one(bad) });
        if (!numeric) {
          const strings = allowed.filter((v): v is string => typeof v === 'string');
          for (const [tolerance, list] of tolerated(strings, allowed, ['letter-case', 'whitespace']))
            out.push({ rule: c.rule, at, value: one(fc.constantFrom(...list)), tolerance });
        }
        break;
      }
      case 'notNullable':
        out.push({ rule: c.rule, at: '', value: fc.constant(null) });
        break;
      case 'maxItems':
        out.push({ rule: c.rule, at: '', value: fc.array(itemValid, { minLength: c.max + 1, maxLength: c.max + 3 }) });
        break;
      case 'itemMaxLength':
        out.push({ rule: c.rule, at: '/0', value: ofLength(chars, c.max + 1, c.max + 8).map((s) => [s]) });
        break;
      case 'forbiddenChars':
        out.push({
          rule: c.rule,
          at: '',
          value: fc.tuple(validString(p, false, ctx.spec.types), fc.constantFrom(...c.chars), fc.nat()).map(([s, ch, i]) => {
            // Room is made before the character goes in, so a string at the maximum length keeps it (cutting
            // after inserting dropped it when it went first, and the body broke nothing).
            const room = s.slice(0, Math.max(0, (find(p, 'maxLength')?.max ?? 1000) - 1));
            const k = i % (room.length + 1);
            return `${room.slice(0, k)}${ch}${room.slice(k)}`;
          }),
        });
        break;
      case 'allowedChars': {
        const outside = fc.constantFrom('é', ' ', 'ß', '%', '/', '*').filter((ch) => !c.chars.includes(ch));
        out.push({
          rule: c.rule,
          at: '',
          value: fc
            .tuple(validString(p, false, ctx.spec.types), outside)
            .map(([s, ch]) => (c.scope === 'local-part' && s.includes('@') ? `${ch}${s}` : `${s}${ch}`)),
        });
        break;
      }
      case 'countryCode':
        out.push({ rule: c.rule, at: '', value: fc.constantFrom('USA', 'U', 'GBR', '12') });
        for (const [tolerance, list] of tolerated(['US', 'GB', 'FR'], [], ['letter-case', 'whitespace']))
          out.push({ rule: c.rule, at: '', value: fc.constantFrom(...list), tolerance });
        break;
      case 'format': {
        // Values no reading of the format accepts; a non-UTC offset for `utc-date-time` is left out, since a
        // server may well convert it.
        const re = FORMATS[c.format]!;
        const candidates =
          c.format === 'alias@domain'
            ? ['no-at-sign', 'a@b@c', '@contoso.com']
            : c.format === 'https-uri'
              ? ['http://contoso.com/', 'not a value', '']
              : ['not a value', '2014-13-01T00:00:00Z', '2014-01-01 00:00:00', ''];
        const bad = fc.constantFrom(...candidates.filter((v) => !re.test(v)));
        out.push({
          rule: c.rule,
          at: p.type.collection ? '/0' : '',
          value: p.type.collection ? bad.map((b) => [b]) : bad,
        });
        break;
      }
      case 'flagSet': {
        const [first, second] = c.values;
        out.push({ rule: c.rule, at: '', value: fc.constantFrom('Bogus', `${first}, Bogus`) });
        const repeated = second === undefined ? [`${first}, ${first}`] : [`${first}, ${first}`, `${second}, ${first}, ${second}`];
        out.push({ rule: c.rule, at: '', value: fc.constantFrom(...repeated), tolerance: 'repeated-flag' });
        // Spaces around an item are part of the separator already: only letter case is a tolerance here.
        for (const [tolerance, list] of tolerated(c.values.slice(0, 2), c.values, ['letter-case']))
          out.push({ rule: c.rule, at: '', value: fc.constantFrom(...list), tolerance });
        break;
      }
      case 'minLength':
        if (c.min > 0 && !find(p, 'enum') && !find(p, 'format') && !p.type.collection) out.push({ rule: c.rule, at: '', value: text(chars, 0, c.min - 1) });
        break;
      case 'minimum':
        // Just outside the bound: the exact edge when exclusive, one below otherwise.
        if (!p.type.collection) out.push({ rule: c.rule, at: '', value: fc.constant(c.exclusive ? c.value : c.value - 1) });
        break;
      case 'maximum':
        if (!p.type.collection) out.push({ rule: c.rule, at: '', value: fc.constant(c.exclusive ? c.value : c.value + 1) });
        break;
      // Not a value: read-only is certified by its own check, presence by omitting the property, and the
      // caller and history kinds are not visible in one body.
      case 'readOnly':
      case 'required':
      case 'requiredOnCreate':
      case 'updateLimit':
      case 'requiresPermission':
      case 'conditional':
        break;
      default: {
        const unhandled: never = c;
        throw new Error(`no breakers for ${JSON.stringify(unhandled)}`);
      }
    }
  }
  // A value of the wrong JSON type breaks the type column.
  const wrong = p.type.collection
    ? fc.constantFrom<unknown>('not-an-array', 7, { a: 1 })
    : p.type.kind === 'primitive' && jsonKind(p.type.name) === 'boolean'
      ? fc.constantFrom<unknown>('yes', 1, [true])
      : p.type.kind === 'primitive' && jsonKind(p.type.name) === 'integer'
        ? fc.constantFrom<unknown>('1', 1.5, true)
        : // A Double's wrong type must not be a number: 1 is a valid Double.
          p.type.kind === 'primitive' && jsonKind(p.type.name) === 'number'
          ? fc.constantFrom<unknown>('1', true, [1])
          : p.type.kind === 'named' && p.type.resolution !== 'enum'
            ? fc.constantFrom<unknown>('text', 3, [])
            : fc.constantFrom<unknown>(1, true, { a: 1 }, ['x']);
  out.push({ rule: 'type', at: '', value: wrong });
  return out;
}
