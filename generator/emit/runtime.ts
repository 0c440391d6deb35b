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

export type Check =
  | { kind: 'maxLength'; max: number; rule: string; source: string }
  | { kind: 'minLength'; min: number; rule: string; source: string }
  | { kind: 'minimum'; value: number; exclusive: boolean; rule: string; source: string }
  | { kind: 'maximum'; value: number; exclusive: boolean; rule: string; source: string }
  | { kind: 'enum'; values: readonly (string | number | null)[]; rule: string; source: string }
  | { kind: 'notNullable'; rule: string; source: string }
  | { kind: 'maxItems'; max: number; rule: string; source: string }
  | { kind: 'itemMaxLength'; max: number; rule: string; source: string }
  | { kind: 'forbiddenChars'; chars: readonly string[]; rule: string; source: string }
  | { kind: 'allowedChars'; chars: string; scope: 'whole' | 'local-part'; rule: string; source: string }
  | { kind: 'countryCode'; rule: string; source: string }
  | { kind: 'format'; format: string; rule: string; source: string }
  | { kind: 'flagSet'; values: readonly string[]; rule: string; source: string }
  | { kind: 'readOnly'; rule: string; source: string };

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
  /** The body must name the property ("Required." on a create or action page). */
  required?: { rule: string; source: string };
  /** `file:line` of the table row, for type errors. */
  source: string;
}

export interface TypeContract {
  open: boolean;
  /** `file:line` of the type's property table. */
  source: string;
  properties: readonly (readonly [string, PropertyContract])[];
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
  extensionPatterns: readonly string[];
  /**
   * A response body's contract: properties its pages do not list are accepted (a service may return more than
   * they document), and read-only and required rules, which are about what a client sends, are not checked.
   */
  response?: boolean;
  /** `file:line` of the request body's property table. */
  source: string;
}

interface CompiledObject {
  open: boolean;
  source: string;
  properties: Map<string, PropertyContract>;
  /** The properties with `required`, so a body without them costs one pass over few names. */
  required: readonly (readonly [string, PropertyContract])[];
}

interface Compiled {
  body: CompiledObject;
  response: boolean;
  types: Map<string, CompiledObject>;
  groups: readonly GroupContract[];
  extensions: RegExp[];
  source: string;
}

const compiled = new WeakMap<Contract, Compiled>();

function object(open: boolean, source: string, properties: readonly (readonly [string, PropertyContract])[]): CompiledObject {
  return { open, source, properties: new Map(properties), required: properties.filter(([, p]) => p.required) };
}

function compile(contract: Contract): Compiled {
  let c = compiled.get(contract);
  if (!c) {
    c = {
      body: object(false, contract.source, contract.properties),
      response: contract.response === true,
      types: new Map(contract.types.map(([name, t]) => [name, object(t.open, t.source, t.properties)])),
      groups: contract.groups,
      extensions: contract.extensionPatterns.map((p) => new RegExp(p)),
      source: contract.source,
    };
    compiled.set(contract, c);
  }
  return c;
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

/** Validates a request body against a contract, collecting every error. */
export function validateWith(contract: Contract, body: unknown): ValidationResult {
  const c = compile(contract);
  const errors: ValidationIssue[] = [];
  if (!isObject(body)) {
    errors.push({ path: '', rule: 'type', message: `The request body must be a JSON object, not ${describe(body)}`, source: c.source });
    return { valid: false, errors };
  }
  checkObject(c, c.body, body, '', errors, true);
  for (const g of c.groups) checkGroup(c, g, body, errors);
  return errors.length ? { valid: false, errors } : { valid: true };
}

function checkObject(c: Compiled, o: CompiledObject, value: Record<string, unknown>, path: string, errors: ValidationIssue[], topLevel: boolean): void {
  const { properties, open, source } = o;
  if (!c.response)
    for (const [name, p] of o.required) {
      if (!Object.hasOwn(value, name))
        errors.push({ path: pointer(path, name), rule: p.required!.rule, message: `\`${name}\` is required and missing`, source: p.required!.source });
    }
  for (const key of Object.keys(value)) {
    const v = value[key];
    const p = properties.get(key);
    if (p) {
      checkProperty(c, p, v, pointer(path, key), errors);
      continue;
    }
    // Instance annotations (`@odata.type`) and, at the top, extension properties are always accepted.
    if (key.includes('@') || open || c.response || (topLevel && c.extensions.some((r) => r.test(key)))) continue;
    errors.push({
      path: pointer(path, key),
      rule: 'unknown-property',
      message: `\`${key}\` is not a documented property${topLevel ? ' of the request body' : ''}`,
      source,
    });
  }
}

function checkProperty(c: Compiled, p: PropertyContract, v: unknown, path: string, errors: ValidationIssue[]): void {
  if (v === null) {
    const notNull = p.checks.find((k) => k.kind === 'notNullable');
    if (notNull) {
      errors.push({ path, rule: notNull.rule, message: 'The docs say this property cannot be null', source: notNull.source });
      return;
    }
    const en = p.checks.find((k) => k.kind === 'enum');
    if (en && en.kind === 'enum' && !p.collection && !en.values.includes(null)) {
      errors.push({ path, rule: en.rule, message: `null is not one of the allowed values ${en.values.join(', ')}`, source: en.source });
    }
    return;
  }
  if (!c.response)
    for (const k of p.checks) {
      if (k.kind === 'readOnly') errors.push({ path, rule: k.rule, message: 'The docs say this property is read-only', source: k.source });
    }
  if (p.collection) {
    if (!Array.isArray(v)) {
      errors.push({ path, rule: 'type', message: `Expected an array, got ${describe(v)}`, source: p.source });
      return;
    }
    for (const k of p.checks) {
      if (k.kind === 'maxItems' && v.length > k.max) {
        errors.push({ path, rule: k.rule, message: `${v.length} items; the docs allow at most ${k.max}`, source: k.source });
      }
    }
    v.forEach((item, i) => {
      const at = pointer(path, i);
      if (item === null) {
        errors.push({ path: at, rule: 'type', message: 'Collection items cannot be null', source: p.source });
        return;
      }
      checkScalar(c, p, item, at, errors, true);
    });
    return;
  }
  checkScalar(c, p, v, path, errors, false);
}

function checkScalar(c: Compiled, p: PropertyContract, v: unknown, path: string, errors: ValidationIssue[], item: boolean): void {
  const t = p.type;
  const typeError = (expected: string) => errors.push({ path, rule: 'type', message: `Expected ${expected}, got ${describe(v)}`, source: p.source });
  switch (t.kind) {
    case 'any':
      return;
    case 'boolean':
      if (typeof v !== 'boolean') typeError('a boolean');
      return;
    case 'number':
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v)) return void typeError('a number');
      if (t.kind === 'integer' && (!Number.isInteger(v) || v < t.min || v > t.max)) return void typeError(`an integer from ${t.min} to ${t.max}`);
      break;
    case 'object': {
      if (!isObject(v)) return void typeError('an object');
      const def = t.type ? c.types.get(t.type) : undefined;
      if (def) checkObject(c, def, v, path, errors, false);
      return;
    }
    case 'string':
      if (typeof v !== 'string') return void typeError('a string');
      break;
  }
  checkValue(p, v as string | number, path, errors, item);
}

/** The checks on a string or number value that has the right JSON type. */
function checkValue(p: PropertyContract, v: string | number, path: string, errors: ValidationIssue[], item: boolean): void {
  for (const k of p.checks) {
    switch (k.kind) {
      case 'enum':
        if (!k.values.includes(v)) fail(errors, path, k, `${describe(v)} is not one of the allowed values ${k.values.map(String).join(', ')}`);
        break;
      case 'minimum':
        if (typeof v === 'number' && (k.exclusive ? v <= k.value : v < k.value))
          fail(errors, path, k, `${v} is ${k.exclusive ? 'not greater than' : 'less than'} ${k.value}, the docs' minimum`);
        break;
      case 'maximum':
        if (typeof v === 'number' && (k.exclusive ? v >= k.value : v > k.value))
          fail(errors, path, k, `${v} is ${k.exclusive ? 'not less than' : 'greater than'} ${k.value}, the docs' maximum`);
        break;
      // Checked on the property or its array, not on one value.
      case 'notNullable':
      case 'readOnly':
      case 'maxItems':
        break;
      default:
        if (typeof v === 'string') checkString(k, v, path, errors, item);
    }
  }
}

function fail(errors: ValidationIssue[], path: string, k: Check, message: string): void {
  errors.push({ path, rule: k.rule, message, source: k.source });
}

function checkString(k: Check, v: string, path: string, errors: ValidationIssue[], item: boolean): void {
  switch (k.kind) {
    case 'minLength':
      if (!item && length(v) < k.min)
        fail(errors, path, k, k.min === 1 ? 'The docs say this property cannot be empty' : `${length(v)} characters; the docs require at least ${k.min}`);
      break;
    case 'maxLength':
      if (!item && longer(v, k.max)) fail(errors, path, k, `${length(v)} characters; the docs allow at most ${k.max}`);
      break;
    case 'itemMaxLength':
      if (item && longer(v, k.max)) fail(errors, path, k, `${length(v)} characters; the docs allow at most ${k.max} per item`);
      break;
    case 'forbiddenChars': {
      const bad = k.chars.filter((ch) => v.includes(ch));
      if (bad.length) fail(errors, path, k, `Contains ${bad.map((b) => `"${b}"`).join(' and ')}, which the docs forbid`);
      break;
    }
    case 'allowedChars': {
      const at = v.lastIndexOf('@');
      const part = k.scope === 'local-part' && at >= 0 ? v.slice(0, at) : v;
      const bad = [...new Set([...part].filter((ch) => !k.chars.includes(ch)))];
      if (bad.length)
        fail(errors, path, k, `Contains ${bad.map((b) => `"${b}"`).join(', ')}, which the docs do not allow${k.scope === 'local-part' ? ' before the @' : ''}`);
      break;
    }
    case 'countryCode':
      if (!/^[A-Z]{2}$/.test(v)) fail(errors, path, k, `"${v}" is not a two-letter ISO 3166 country code`);
      break;
    case 'format': {
      const re = FORMATS[k.format];
      if (re && !re.test(v)) fail(errors, path, k, `"${v}" is not a valid ${k.format}`);
      break;
    }
    case 'flagSet': {
      const parts = v.split(',').map((s) => s.trim());
      const bad = parts.filter((s) => !k.values.includes(s));
      const dup = parts.length !== new Set(parts).size;
      if (bad.length || dup) fail(errors, path, k, `"${v}" is not a comma-separated set of ${k.values.join(', ')}`);
      break;
    }
    case 'enum':
    case 'minimum':
    case 'maximum':
    case 'notNullable':
    case 'readOnly':
    case 'maxItems':
      break;
    default: {
      // Every check kind is handled above; a new one does not compile until it is.
      const unhandled: never = k;
      void unhandled;
    }
  }
}

function checkGroup(c: Compiled, g: GroupContract, body: Record<string, unknown>, errors: ValidationIssue[]): void {
  const keys = Object.keys(body);
  const members = keys.filter((k) => g.members.includes(k));
  if (members.length === 0) return;
  for (const other of keys.filter((k) => c.body.properties.has(k) && !g.members.includes(k))) {
    errors.push({
      path: pointer('', other),
      rule: g.rule,
      message: `\`${members.join('`, `')}\` must be sent in a request of its own; \`${other}\` cannot be in the same request`,
      source: g.source,
    });
  }
}
