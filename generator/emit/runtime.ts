/**
 * Validator runtime. `docspec generate` copies this file verbatim to `generated/runtime.ts`, so generated
 * code depends on nothing; each variant file holds a `Contract` (plain data from the spec) and calls
 * `validateWith`. Never throws, never evaluates code, and keys such as `__proto__` are only ever looked up
 * in Maps, so a body cannot reach the prototype chain.
 */

/** One failed check, shaped like zod's issues: where, which rule, why, and the docs line behind it. */
export interface ValidationIssue {
  /** JSON Pointer into the body, e.g. `/otherMails/3`. */
  path: string;
  /** The docs rule id (`max-length`, `allowed-values`, …) or `type` / `unknown-property`. */
  rule: string;
  message: string;
  /** `file:line` of the docs sentence or table row. */
  source: string;
}

export type ValidationResult = { valid: true } | { valid: false; errors: ValidationIssue[] };

/**
 * Where a check comes from. `advisory`: the docs advise the rule ("should", "The URL for …") rather than
 * demand it; only a strict validation enforces it.
 */
type CheckMeta = { rule: string; source: string; advisory?: true };

export type Check = CheckMeta &
  (
    | { kind: 'maxLength'; max: number }
    | { kind: 'minLength'; min: number }
    | { kind: 'minimum'; value: number; exclusive: boolean }
    | { kind: 'maximum'; value: number; exclusive: boolean }
    /** `caseless`: letter case only advised (see `binding`); set when a contract is compiled, never in one. */
    | { kind: 'enum'; values: readonly (string | number | null)[]; caseless?: true }
    | { kind: 'notNullable' }
    | { kind: 'maxItems'; max: number }
    | { kind: 'itemMaxLength'; max: number }
    | { kind: 'forbiddenChars'; chars: readonly string[] }
    | { kind: 'allowedChars'; chars: string; scope: 'whole' | 'local-part' }
    | { kind: 'countryCode' }
    | { kind: 'format'; format: string }
    | { kind: 'flagSet'; values: readonly string[]; caseless?: true }
    | { kind: 'readOnly' }
  );

/** `strict`: enforce the rules the docs only advise as well, as a strict certification does. */
export interface ValidateOptions {
  strict?: boolean;
}

export type ValueType =
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number' }
  | { kind: 'object'; type?: string }
  | { kind: 'any' };

export interface PropertyContract {
  type: ValueType;
  collection: boolean;
  checks: readonly Check[];
  /** The body must name the property ("Required." on a create or action page); `advisory` when only advised. */
  required?: CheckMeta;
  /** `file:line` of the table row, for type errors. */
  source: string;
}

export interface TypeContract {
  open: boolean;
  /** `file:line` of the type's property table. */
  source: string;
  properties: readonly (readonly [string, PropertyContract])[];
  /**
   * The resource's relationships, accepted by name and unchecked when nested (a message sent with its
   * `attachments`): their rows name a type, not the shape a nested create takes.
   */
  relationships?: readonly string[];
}

export interface GroupContract {
  kind: 'own-request';
  members: readonly string[];
  rule: string;
  source: string;
}

export interface Contract {
  properties: readonly (readonly [string, PropertyContract])[];
  types: readonly (readonly [string, TypeContract])[];
  groups: readonly GroupContract[];
  /**
   * Names accepted at the top level without a check: extension properties, and the relationships a body
   * that is a resource may nest (`^members$`).
   */
  extensionPatterns: readonly string[];
  /**
   * A response body's contract: properties its pages do not list are accepted (a service may return more than
   * they document), and read-only and required rules, which are about what a client sends, are not checked.
   */
  response?: boolean;
  /** `file:line` of the request body's property table. */
  source: string;
  /** The resource type the body is (`user`), when the page names one: see `derived`. */
  type?: string;
}

/**
 * A compiled property: checks one value and pushes any issue. The JSON Pointer of the value is its parent's
 * path and its key, joined only when an issue is reported, so a valid body allocates nothing for paths.
 */
type PropertyCheck = (v: unknown, parent: string, key: string | number, errors: ValidationIssue[]) => void;

interface CompiledObject {
  open: boolean;
  source: string;
  /** The type's name in lower case, for `derived`; undefined for a body whose page names no type. */
  name: string | undefined;
  /** Names accepted unchecked (a nested resource's relationships). */
  related: ReadonlySet<string>;
  /**
   * Each property's check and its own-request group: the group's index, NO_GROUP, or SEVERAL_GROUPS. A body
   * whose documented properties all share one group (or none) cannot break a group rule.
   */
  entries: Map<string, Entry>;
  /** The properties with `required`, so a body without them costs one pass over few names. */
  required: readonly (readonly [string, NonNullable<PropertyContract['required']>])[];
}

/**
 * A property's check, its own-request group, and whether it is a plain string or boolean (no rule beyond
 * its JSON type, nullable, not read-only): those, most of a large body, are tested in the loop itself.
 */
interface Entry {
  check: PropertyCheck;
  group: number;
  plain: typeof NOT_PLAIN | typeof PLAIN_STRING | typeof PLAIN_BOOLEAN;
}

const NOT_PLAIN = 0;
const PLAIN_STRING = 1;
const PLAIN_BOOLEAN = 2;

interface Compiled {
  body: CompiledObject;
  response: boolean;
  types: Map<string, CompiledObject>;
  groups: readonly GroupContract[];
  extensions: RegExp[];
  source: string;
}

/** Compiled once per contract and reading: binding rules only, or (strict) advisory ones too. */
const compiled = new WeakMap<Contract, Compiled>();
const compiledStrict = new WeakMap<Contract, Compiled>();

/**
 * Compiles a contract once into closures: every decision that depends only on the docs (which checks a
 * property has, its JSON type, null handling, response or request mode) is taken here, not per body, and no
 * closure is created while a body is checked. That keeps the cost the same however the code is loaded
 * (tsx and some bundlers wrap each closure they see created in a naming helper).
 */
function compile(contract: Contract, strict: boolean): Compiled {
  const cache = strict ? compiledStrict : compiled;
  const done = cache.get(contract);
  if (done) return done;
  const c: Compiled = {
    body: shell(false, contract.source, contract.type),
    response: contract.response === true,
    types: new Map(contract.types.map(([name, t]) => [name, shell(t.open, t.source, name, t.relationships)])),
    groups: contract.groups,
    extensions: contract.extensionPatterns.map((p) => new RegExp(p)),
    source: contract.source,
  };
  // Shells first, so a property of a type that refers to itself (or to a later type) finds it.
  const read = (ps: TypeContract['properties']) => (strict ? ps : ps.map(([name, p]) => [name, binding(p)] as const));
  fill(c, c.body, read(contract.properties), contract.groups);
  for (const [name, t] of contract.types) fill(c, c.types.get(name)!, read(t.properties), undefined);
  cache.set(contract, c);
  return c;
}

/**
 * A property with only the checks the docs demand. The letter case of an allowed value or flag is advice: the docs
 * themselves write members in other cases (`"HTML"` for `html` in every mail example), and no sentence makes
 * the case binding, so only a strict validation holds a value to the case its list gives.
 */
function binding(p: PropertyContract): PropertyContract {
  const enums = p.checks.some((k) => k.kind === 'enum' || k.kind === 'flagSet');
  if (!enums && !p.checks.some((k) => k.advisory) && !p.required?.advisory) return p;
  const { required, ...rest } = p;
  const checks = p.checks.filter((k) => !k.advisory).map((k) => (k.kind === 'enum' || k.kind === 'flagSet' ? { ...k, caseless: true as const } : k));
  return { ...rest, checks, ...(required && !required.advisory ? { required } : {}) };
}

function shell(open: boolean, source: string, name: string | undefined, related: readonly string[] = []): CompiledObject {
  return { open, source, name: name?.toLowerCase(), related: new Set(related), entries: new Map(), required: [] };
}

/**
 * Whether an object names by `@odata.type` a type other than the one the docs give it: a derived type
 * (`#microsoft.graph.fileAttachment` where the page says attachment), whose page is not known here. Its
 * properties beyond the base type's are accepted unchecked rather than refused.
 */
function derived(o: CompiledObject, value: Record<string, unknown>): boolean {
  const named = value['@odata.type'];
  if (typeof named !== 'string') return false;
  return (
    o.name === undefined ||
    named
      .slice(named.lastIndexOf('.') + 1)
      .replace(/^#/, '')
      .toLowerCase() !== o.name
  );
}

/** Whether a property is checked by its JSON type alone (see `Entry.plain`). */
function plainness(c: Compiled, p: PropertyContract): Entry['plain'] {
  if (p.collection || nullIssue(p)) return NOT_PLAIN;
  const rules = p.checks.filter((k) => !(k.kind === 'readOnly' && c.response));
  if (rules.length > 0) return NOT_PLAIN;
  return p.type.kind === 'string' ? PLAIN_STRING : p.type.kind === 'boolean' ? PLAIN_BOOLEAN : NOT_PLAIN;
}

const NO_GROUP = -1;
const SEVERAL_GROUPS = -2;

function fill(
  c: Compiled,
  o: CompiledObject,
  properties: readonly (readonly [string, PropertyContract])[],
  groups: readonly GroupContract[] | undefined,
): void {
  const required: (readonly [string, NonNullable<PropertyContract['required']>])[] = [];
  for (const [name, p] of properties) {
    const of = groups ? groups.flatMap((g, i) => (g.members.includes(name) ? [i] : [])) : [];
    const group = of.length === 0 ? NO_GROUP : of.length === 1 ? of[0]! : SEVERAL_GROUPS;
    o.entries.set(name, { check: propertyCheck(c, p), group, plain: plainness(c, p) });
    if (p.required && !c.response) required.push([name, p.required]);
  }
  o.required = required;
}

/** The patterns the `format` constraints are checked with (the JSON Schema export uses the same). */
export const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  time: /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/,
  duration: /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  'alias@domain': /^[^@\s]+@[^@\s]+$/,
  // "Always in UTC": the offset is Z or zero.
  'utc-date-time': /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]00:00)$/,
  // An absolute URI: a scheme, a colon, and no white space (RFC 3986 allows no spaces anywhere).
  uri: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/,
  'https-uri': /^https:\/\/[^\s/?#]+[^\s]*$/i,
  base64: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
  email: /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/,
  // A BCP 47 tag as the docs use them (`en`, `en-US`, `zh-Hans-CN`); ISO 639-1 codes are its first part.
  'language-tag': /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/,
};

const pointer = (path: string, key: string | number): string => {
  const k = String(key);
  return k.includes('~') || k.includes('/') ? `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}` : `${path}/${k}`;
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${v}"` : typeof v);
/** Length in characters (code points), as the docs count them. */
const length = (s: string) => [...s].length;
/** Whether a string has more than `max` code points; UTF-16 length is an upper bound, so most strings need no count. */
const longer = (s: string, max: number) => s.length > max && length(s) > max;
/** Whether a string has fewer than `min` code points; each takes at most two UTF-16 units. */
const shorter = (s: string, min: number) => s.length < min || (s.length < 2 * min && length(s) < min);

/** The one result of every valid body: nothing to allocate. */
const VALID: ValidationResult = Object.freeze({ valid: true });

/** Validates a request body against a contract, collecting every error. */
export function validateWith(contract: Contract, body: unknown, options: ValidateOptions = {}): ValidationResult {
  const c = compile(contract, options.strict === true);
  if (!isObject(body)) {
    return { valid: false, errors: [{ path: '', rule: 'type', message: `The request body must be a JSON object, not ${describe(body)}`, source: c.source }] };
  }
  const errors: ValidationIssue[] = [];
  if (checkObject(c, c.body, body, '', errors, true)) for (const g of c.groups) checkGroup(c, g, body, errors);
  return errors.length ? { valid: false, errors } : VALID;
}

/**
 * Checks an object's properties. Returns whether it names an own-request group member beside a documented
 * property outside that group (top level only): only then can a group rule be broken.
 */
function checkObject(c: Compiled, o: CompiledObject, value: Record<string, unknown>, path: string, errors: ValidationIssue[], topLevel: boolean): boolean {
  for (let i = 0; i < o.required.length; i++) {
    const [name, r] = o.required[i]!;
    if (!Object.hasOwn(value, name)) errors.push({ path: pointer(path, name), rule: r.rule, message: `\`${name}\` is required and missing`, source: r.source });
  }
  let grouped = false;
  let mixed = false;
  let first: number | undefined;
  // Looked at only once a name is unknown: most objects have none.
  let isDerived: boolean | undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const e = o.entries.get(key);
    if (e !== undefined) {
      const v = value[key];
      // A plain value of the right type (or null) needs no call; anything else gets its check's message.
      if (e.plain === PLAIN_STRING ? typeof v !== 'string' && v !== null : e.plain === PLAIN_BOOLEAN ? typeof v !== 'boolean' && v !== null : true)
        e.check(v, path, key, errors);
      if (e.group !== NO_GROUP) grouped = true;
      if (first === undefined) first = e.group;
      else if (e.group !== first || first === SEVERAL_GROUPS) mixed = true;
      continue;
    }
    // Instance annotations (`@odata.type`) and, at the top, extension properties are always accepted.
    if (key.includes('@') || o.open || c.response || o.related.has(key) || (topLevel && c.extensions.some((r) => r.test(key)))) continue;
    isDerived ??= derived(o, value);
    if (isDerived) continue;
    errors.push({
      path: pointer(path, key),
      rule: 'unknown-property',
      message: `\`${key}\` is not a documented property${topLevel ? ' of the request body' : ''}`,
      source: o.source,
    });
  }
  return grouped && mixed;
}

/** An issue's rule, source and (fixed) message, decided when the contract is compiled. */
interface Fixed {
  rule: string;
  source: string;
  message: string;
}

/** What a null value breaks, if anything: "cannot be null", or a single value's enum without null. */
function nullIssue(p: PropertyContract): Fixed | undefined {
  const notNull = p.checks.find((k) => k.kind === 'notNullable');
  if (notNull) return { rule: notNull.rule, source: notNull.source, message: 'The docs say this property cannot be null' };
  const en = p.checks.find((k) => k.kind === 'enum');
  if (en && en.kind === 'enum' && !p.collection && !en.values.includes(null))
    return { rule: en.rule, source: en.source, message: `null is not one of the allowed values ${en.values.join(', ')}` };
  return undefined;
}

function propertyCheck(c: Compiled, p: PropertyContract): PropertyCheck {
  const onNull = nullIssue(p);
  const readOnly: Fixed[] = c.response
    ? []
    : p.checks.flatMap((k) => (k.kind === 'readOnly' ? [{ rule: k.rule, source: k.source, message: 'The docs say this property is read-only' }] : []));
  const scalar = scalarCheck(c, p, p.collection);
  const push = (errors: ValidationIssue[], parent: string, key: string | number, f: Fixed) =>
    errors.push({ path: pointer(parent, key), rule: f.rule, message: f.message, source: f.source });
  if (!p.collection && readOnly.length === 0) {
    // The common shapes get one closure that tests the expected JSON type first, so a valid value costs one
    // call and one `typeof`.
    if (p.type.kind === 'boolean')
      return (v, parent, key, errors) => {
        if (typeof v === 'boolean') return;
        if (v === null) {
          if (onNull !== undefined) push(errors, parent, key, onNull);
        } else typeError(p, 'a boolean', v, parent, key, errors);
      };
    if (p.type.kind === 'string') {
      const tests = compileTests<string>(p.checks, (k) => stringTest(k, false));
      const only = tests.length === 1 ? tests[0]! : undefined;
      return (v, parent, key, errors) => {
        if (typeof v === 'string') {
          if (only !== undefined) {
            const message = only.test(v);
            if (message !== undefined) errors.push({ path: pointer(parent, key), rule: only.rule, message, source: only.source });
          } else if (tests.length !== 0) run(tests, v, parent, key, errors);
        } else if (v === null) {
          if (onNull !== undefined) push(errors, parent, key, onNull);
        } else typeError(p, 'a string', v, parent, key, errors);
      };
    }
  }
  if (!p.collection)
    return (v, parent, key, errors) => {
      if (v === null) {
        if (onNull !== undefined) push(errors, parent, key, onNull);
        return;
      }
      for (let i = 0; i < readOnly.length; i++) push(errors, parent, key, readOnly[i]!);
      scalar(v, parent, key, errors);
    };
  const maxItems = p.checks.flatMap((k) => (k.kind === 'maxItems' ? [k] : []));
  return (v, parent, key, errors) => {
    if (v === null) {
      if (onNull !== undefined) push(errors, parent, key, onNull);
      return;
    }
    for (let i = 0; i < readOnly.length; i++) push(errors, parent, key, readOnly[i]!);
    if (!Array.isArray(v)) {
      errors.push({ path: pointer(parent, key), rule: 'type', message: `Expected an array, got ${describe(v)}`, source: p.source });
      return;
    }
    for (const k of maxItems)
      if (v.length > k.max)
        errors.push({ path: pointer(parent, key), rule: k.rule, message: `${v.length} items; the docs allow at most ${k.max}`, source: k.source });
    if (v.length === 0) return;
    const at = pointer(parent, key);
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (item === null) errors.push({ path: pointer(at, i), rule: 'type', message: 'Collection items cannot be null', source: p.source });
      else scalar(item, at, i, errors);
    }
  };
}

function typeError(p: PropertyContract, expected: string, v: unknown, parent: string, key: string | number, errors: ValidationIssue[]): void {
  errors.push({ path: pointer(parent, key), rule: 'type', message: `Expected ${expected}, got ${describe(v)}`, source: p.source });
}

/** A compiled value test: the message of the issue when the value breaks it, otherwise undefined. */
type ValueTest<T> = { test: (v: T) => string | undefined; rule: string; source: string };

function scalarCheck(c: Compiled, p: PropertyContract, item: boolean): PropertyCheck {
  const t = p.type;
  switch (t.kind) {
    case 'any':
      return () => {};
    case 'boolean':
      return (v, parent, key, errors) => {
        if (typeof v !== 'boolean') typeError(p, 'a boolean', v, parent, key, errors);
      };
    case 'object': {
      const def = t.type ? c.types.get(t.type) : undefined;
      return (v, parent, key, errors) => {
        if (!isObject(v)) typeError(p, 'an object', v, parent, key, errors);
        else if (def !== undefined) checkObject(c, def, v, pointer(parent, key), errors, false);
      };
    }
    case 'number':
    case 'integer': {
      const tests = compileTests<number>(p.checks, (k) => numberTest(k));
      const integer = t.kind === 'integer' ? `an integer from ${t.min} to ${t.max}` : undefined;
      const [min, max] = t.kind === 'integer' ? [t.min, t.max] : [0, 0];
      return (v, parent, key, errors) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return typeError(p, 'a number', v, parent, key, errors);
        if (integer !== undefined && (!Number.isInteger(v) || v < min || v > max)) return typeError(p, integer, v, parent, key, errors);
        run(tests, v, parent, key, errors);
      };
    }
    case 'string': {
      const tests = compileTests<string>(p.checks, (k) => stringTest(k, item));
      return (v, parent, key, errors) => {
        if (typeof v !== 'string') return typeError(p, 'a string', v, parent, key, errors);
        run(tests, v, parent, key, errors);
      };
    }
  }
}

function compileTests<T>(checks: readonly Check[], build: (k: Check) => ((v: T) => string | undefined) | undefined): ValueTest<T>[] {
  const out: ValueTest<T>[] = [];
  for (const k of checks) {
    const test = build(k);
    if (test) out.push({ test, rule: k.rule, source: k.source });
  }
  return out;
}

function run<T>(tests: readonly ValueTest<T>[], v: T, parent: string, key: string | number, errors: ValidationIssue[]): void {
  for (let i = 0; i < tests.length; i++) {
    const t = tests[i]!;
    const message = t.test(v);
    if (message !== undefined) errors.push({ path: pointer(parent, key), rule: t.rule, message, source: t.source });
  }
}

function enumTest(k: Extract<Check, { kind: 'enum' }>): (v: string | number) => string | undefined {
  const fold = (v: unknown) => (k.caseless && typeof v === 'string' ? v.toLowerCase() : v);
  const values = new Set<unknown>(k.values.map(fold));
  return (v) => (values.has(fold(v)) ? undefined : `${describe(v)} is not one of the allowed values ${k.values.map(String).join(', ')}`);
}

/** The test of a check on a number, or undefined when the check is not about a number's value. */
function numberTest(k: Check): ((v: number) => string | undefined) | undefined {
  switch (k.kind) {
    case 'enum':
      return enumTest(k);
    case 'minimum':
      return k.exclusive
        ? (v) => (v <= k.value ? `${v} is not greater than ${k.value}, the docs' minimum` : undefined)
        : (v) => (v < k.value ? `${v} is less than ${k.value}, the docs' minimum` : undefined);
    case 'maximum':
      return k.exclusive
        ? (v) => (v >= k.value ? `${v} is not less than ${k.value}, the docs' maximum` : undefined)
        : (v) => (v > k.value ? `${v} is greater than ${k.value}, the docs' maximum` : undefined);
    default:
      return undefined;
  }
}

/**
 * The test of a check on a string (`item`: one item of a collection), or undefined when the check does not
 * apply there: lengths of the whole value are not item rules, and null, read-only and item counts are
 * checked on the property.
 */
function stringTest(k: Check, item: boolean): ((v: string) => string | undefined) | undefined {
  switch (k.kind) {
    case 'enum':
      return enumTest(k);
    case 'minLength':
      if (item) return undefined;
      return (v) =>
        shorter(v, k.min)
          ? k.min === 1
            ? 'The docs say this property cannot be empty'
            : `${length(v)} characters; the docs require at least ${k.min}`
          : undefined;
    case 'maxLength':
      return item ? undefined : (v) => (longer(v, k.max) ? `${length(v)} characters; the docs allow at most ${k.max}` : undefined);
    case 'itemMaxLength':
      return item ? (v) => (longer(v, k.max) ? `${length(v)} characters; the docs allow at most ${k.max} per item` : undefined) : undefined;
    case 'forbiddenChars':
      return (v) => {
        for (const ch of k.chars)
          if (v.includes(ch))
            return `Contains ${k.chars
              .filter((b) => v.includes(b))
              .map((b) => `"${b}"`)
              .join(' and ')}, which the docs forbid`;
        return undefined;
      };
    case 'allowedChars': {
      const allowed = new Set(k.chars);
      const where = k.scope === 'local-part' ? ' before the @' : '';
      return (v) => {
        const at = v.lastIndexOf('@');
        const part = k.scope === 'local-part' && at >= 0 ? v.slice(0, at) : v;
        for (const ch of part) {
          if (allowed.has(ch)) continue;
          const bad = [...new Set([...part].filter((x) => !allowed.has(x)))];
          return `Contains ${bad.map((b) => `"${b}"`).join(', ')}, which the docs do not allow${where}`;
        }
        return undefined;
      };
    }
    case 'countryCode':
      return (v) => (COUNTRY.test(v) ? undefined : `"${v}" is not a two-letter ISO 3166 country code`);
    case 'format': {
      const re = FORMATS[k.format];
      return re ? (v) => (re.test(v) ? undefined : `"${v}" is not a valid ${k.format}`) : undefined;
    }
    case 'flagSet': {
      const fold = (s: string) => (k.caseless ? s.toLowerCase() : s);
      const values = new Set(k.values.map(fold));
      return (v) => {
        const parts = v.split(',').map((s) => fold(s.trim()));
        const ok = parts.every((s) => values.has(s)) && parts.length === new Set(parts).size;
        return ok ? undefined : `"${v}" is not a comma-separated set of ${k.values.join(', ')}`;
      };
    }
    case 'minimum':
    case 'maximum':
    case 'notNullable':
    case 'readOnly':
    case 'maxItems':
      return undefined;
    default: {
      // Every check kind is handled above; a new one does not compile until it is.
      const unhandled: never = k;
      return unhandled;
    }
  }
}

const COUNTRY = /^[A-Z]{2}$/;

function checkGroup(c: Compiled, g: GroupContract, body: Record<string, unknown>, errors: ValidationIssue[]): void {
  const keys = Object.keys(body);
  const members = keys.filter((k) => g.members.includes(k));
  if (members.length === 0) return;
  for (const other of keys.filter((k) => c.body.entries.has(k) && !g.members.includes(k))) {
    errors.push({
      path: pointer('', other),
      rule: g.rule,
      message: `\`${members.join('`, `')}\` must be sent in a request of its own; \`${other}\` cannot be in the same request`,
      source: g.source,
    });
  }
}
