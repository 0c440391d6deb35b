/**
 * Spec → JSON Schema (2020-12) of the request body, built from the same contract the generated validator
 * checks, so the two accept exactly the same bodies. Mined constraints become standard keywords (maxLength,
 * enum, maxItems, pattern, format, type arrays for nullability, dependentSchemas for own-request groups);
 * each keyword's docs line is in `x-docspec-source` (an annotation: declare it with ajv's `addVocabulary`),
 * as a list of `keyword file:line` strings: an object keyed by keyword would look like a schema to tools
 * that walk every object for `maxLength` (Portman fuzzed it).
 */
import type { OperationSpec } from '../ir/ir.js';
import { buildContract } from './contract.js';
import { FORMATS, type Check, type Contract, type PropertyContract } from './runtime.js';

export type JsonSchema = { [key: string]: unknown };

export const SOURCE_KEYWORD = 'x-docspec-source';

/** `{ maxLength: 'page.md:61' }` → `['maxLength page.md:61']`: the citation list of one schema object. */
export function citations(sources: Record<string, string>): string[] {
  return Object.entries(sources).map(([keyword, at]) => `${keyword} ${at}`);
}

/** The docs line a citation list gives for a keyword (the inverse of `citations`). */
export function citedLine(schema: JsonSchema, keyword: string): string | undefined {
  const list = schema[SOURCE_KEYWORD];
  if (!Array.isArray(list)) return undefined;
  const hit = (list as string[]).find((c) => c.startsWith(`${keyword} `));
  return hit?.slice(keyword.length + 1);
}
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Escapes text for a regular expression (also inside a character class, with the `u` flag). */
function literal(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function charClass(chars: Iterable<string>): string {
  return [...new Set(chars)].map(literal).join('');
}

/** `A, B` set with no repeats, items trimmed: the runtime's flag-set check as one ECMAScript pattern. */
function flagSetPattern(values: readonly string[]): string {
  const item = `\\s*(?:${[...values]
    .sort((a, b) => b.length - a.length)
    .map(literal)
    .join('|')})\\s*`;
  const repeats = values.map((v) => `(?![\\s\\S]*(?:^|,)\\s*${literal(v)}\\s*,(?:[\\s\\S]*,)?\\s*${literal(v)}\\s*(?:,|$))`).join('');
  return `^${repeats}${item}(?:,${item})*$`;
}

interface Keyword {
  keyword: string;
  value: unknown;
}

/** The keywords one check adds to the schema of a string (or to the array, for maxItems). */
function stringKeywords(k: Check, item: boolean): Keyword[] {
  switch (k.kind) {
    case 'maxLength':
      return item ? [] : [{ keyword: 'maxLength', value: k.max }];
    case 'minLength':
      return item ? [] : [{ keyword: 'minLength', value: k.min }];
    case 'itemMaxLength':
      return item ? [{ keyword: 'maxLength', value: k.max }] : [];
    case 'forbiddenChars':
      return [{ keyword: 'pattern', value: `^[^${charClass(k.chars)}]*$` }];
    case 'allowedChars':
      // The local part is what precedes the last `@` (the whole value when there is none).
      return [{ keyword: 'pattern', value: k.scope === 'local-part' ? `^[${charClass(k.chars)}]*(?:@[^@]*)?$` : `^[${charClass(k.chars)}]*$` }];
    case 'countryCode':
      return [{ keyword: 'pattern', value: '^[A-Z]{2}$' }];
    case 'format': {
      const re = FORMATS[k.format];
      const standard = STANDARD_FORMATS[k.format];
      return [...(standard ? [{ keyword: 'format', value: standard }] : []), ...(re ? [{ keyword: 'pattern', value: re.source }] : [])];
    }
    case 'flagSet':
      return [{ keyword: 'pattern', value: flagSetPattern(k.values) }];
    // Not string keywords: enum and nullability are set on the whole schema, bounds on numbers, maxItems on
    // the array, read-only replaces the schema.
    case 'enum':
    case 'notNullable':
    case 'readOnly':
    case 'maxItems':
    case 'minimum':
    case 'maximum':
      return [];
    default: {
      const unhandled: never = k;
      return unhandled;
    }
  }
}

/**
 * The JSON Schema `format` of each docs format that has one (the pattern is always added as well). Graph's
 * TimeOfDay and Duration have none: JSON Schema's `time` needs a UTC offset a time of day never has
 * (`09:00:00.0000000`), and its `duration` (RFC 3339) allows no fraction and no sign, which Edm.Duration
 * values have (`PT35.0018757S`, `-PT17.1357909S`), so validators that check formats refused the docs' own
 * examples. The pattern says what the docs allow.
 */
const STANDARD_FORMATS: Record<string, string> = {
  'date-time': 'date-time',
  'utc-date-time': 'date-time',
  date: 'date',
  uuid: 'uuid',
  uri: 'uri',
  'https-uri': 'uri',
  email: 'email',
};

/** `minimum`/`maximum` checks as the number keywords of 2020-12 (exclusive bounds are numbers there). */
function numberKeywords(checks: readonly Check[]): Keyword[] {
  const out: Keyword[] = [];
  for (const k of checks) {
    if (k.kind === 'minimum') out.push({ keyword: k.exclusive ? 'exclusiveMinimum' : 'minimum', value: k.value });
    if (k.kind === 'maximum') out.push({ keyword: k.exclusive ? 'exclusiveMaximum' : 'maximum', value: k.value });
  }
  return out;
}

/** An integer's type range already sets `minimum`/`maximum`: a docs bound replaces it when narrower. */
function narrow(schema: JsonSchema, k: Extract<Check, { kind: 'minimum' | 'maximum' }>, sources: Record<string, string>): void {
  const lower = k.kind === 'minimum';
  const typeBound = schema[k.kind] as number;
  if (lower ? k.value < typeBound : k.value > typeBound) return;
  if (k.exclusive) {
    delete schema[k.kind];
    schema[lower ? 'exclusiveMinimum' : 'exclusiveMaximum'] = k.value;
    sources[lower ? 'exclusiveMinimum' : 'exclusiveMaximum'] = k.source;
  } else {
    schema[k.kind] = k.value;
    sources[k.kind] = k.source;
  }
}

/** Several `pattern`s cannot share one schema object: extra ones go into `allOf`. */
function apply(schema: JsonSchema, keywords: Keyword[], sources: Record<string, string>, source: string): void {
  for (const { keyword, value } of keywords) {
    if (keyword in schema) {
      schema.allOf ??= [];
      const all = schema.allOf as JsonSchema[];
      all.push({ [keyword]: value, [SOURCE_KEYWORD]: [`${keyword} ${source}`] });
      continue;
    }
    schema[keyword] = value;
    sources[keyword] = source;
  }
}

/** A value's schema and the docs line of each keyword in it (made into citations by the caller). */
function scalarSchema(p: PropertyContract, item: boolean, refBase: string): { schema: JsonSchema; sources: Record<string, string> } {
  const t = p.type;
  const schema: JsonSchema = {};
  const sources: Record<string, string> = {};
  switch (t.kind) {
    case 'string':
      schema.type = 'string';
      for (const k of p.checks) apply(schema, stringKeywords(k, item), sources, k.source);
      break;
    case 'boolean':
      schema.type = 'boolean';
      break;
    case 'integer':
      Object.assign(schema, { type: 'integer', minimum: t.min, maximum: t.max });
      for (const k of p.checks) if (k.kind === 'minimum' || k.kind === 'maximum') narrow(schema, k, sources);
      break;
    case 'number':
      schema.type = 'number';
      for (const k of p.checks) apply(schema, numberKeywords([k]), sources, k.source);
      break;
    case 'object':
      if (t.type) schema.$ref = `${refBase}${encodeURIComponent(t.type)}`;
      else schema.type = 'object';
      break;
    case 'any':
      break;
  }
  const en = p.checks.find((k) => k.kind === 'enum');
  if (en && en.kind === 'enum') {
    schema.enum = [...en.values];
    sources.enum = en.source;
  }
  return { schema, sources };
}

function cited(schema: JsonSchema, sources: Record<string, string>): JsonSchema {
  if (Object.keys(sources).length) schema[SOURCE_KEYWORD] = citations(sources);
  return schema;
}

/** Null is accepted unless the docs say not nullable, or a single value must be one of an enum without null. */
function acceptsNull(p: PropertyContract): boolean {
  if (p.checks.some((k) => k.kind === 'notNullable')) return false;
  const en = p.checks.find((k) => k.kind === 'enum');
  return !(en && en.kind === 'enum' && !p.collection && !en.values.includes(null));
}

function orNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * A property's schema. In a response (`response`), read-only is no rule: the service sends those values.
 */
export function propertySchema(contract: PropertyContract, refBase: string, response = false): JsonSchema {
  // The schema accepts what the default (non-strict) validator accepts: rules the docs only advise are left out.
  const p = contract.checks.some((k) => k.advisory) ? { ...contract, checks: contract.checks.filter((k) => !k.advisory) } : contract;
  const readOnly = response ? undefined : p.checks.find((k) => k.kind === 'readOnly');
  const notNull = p.checks.find((k) => k.kind === 'notNullable');
  // A read-only property accepts nothing but the null every property without "not nullable" accepts.
  if (readOnly)
    return acceptsNull(p)
      ? { type: 'null', readOnly: true, [SOURCE_KEYWORD]: citations({ readOnly: readOnly.source }) }
      : { not: {}, readOnly: true, [SOURCE_KEYWORD]: citations({ readOnly: readOnly.source }) };
  let schema: JsonSchema;
  let sources: Record<string, string>;
  if (p.collection) {
    const item = scalarSchema(p, true, refBase);
    schema = { type: 'array', items: cited(item.schema, item.sources) };
    sources = {};
    const maxItems = p.checks.find((k) => k.kind === 'maxItems');
    if (maxItems && maxItems.kind === 'maxItems') {
      schema.maxItems = maxItems.max;
      sources.maxItems = maxItems.source;
    }
  } else ({ schema, sources } = scalarSchema(p, false, refBase));
  // The type comes from the table row, unless "not nullable" narrowed it: then from that sentence.
  sources.type = notNull?.source ?? p.source;
  cited(schema, sources);
  return acceptsNull(p) ? orNull(schema) : schema;
}

/** A pattern matching `name` as the last segment of an `@odata.type` value, in any letter case. */
function typeNamePattern(name: string): string {
  const last = name.slice(name.lastIndexOf('.') + 1);
  const letters = [...last].map((ch) => (ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : literal(ch))).join('');
  return `(?:^|[.#])${letters}$`;
}

function objectSchema(
  properties: readonly (readonly [string, PropertyContract])[],
  open: boolean,
  extensionPatterns: readonly string[],
  source: string,
  refBase: string,
  response: boolean,
  typeName: string | undefined,
): JsonSchema {
  const schema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(properties.map(([name, p]) => [name, propertySchema(p, refBase, response)])),
  };
  const required = response ? [] : properties.filter(([, p]) => p.required);
  if (required.length) schema.required = required.map(([name]) => name);
  // A response may carry more than its pages document; a request body only what they list.
  if (!open && !response) {
    // Instance annotations (`@odata.type`) are always accepted, and at the top extension properties.
    schema.patternProperties = Object.fromEntries(['@', ...extensionPatterns].map((p) => [p, {}]));
    // An object whose `@odata.type` names another (a derived) type may hold more properties, as in the
    // validator: `then` evaluates them all, and only otherwise are unlisted names refused.
    const other: JsonSchema = typeName ? { type: 'string', not: { pattern: typeNamePattern(typeName) } } : { type: 'string' };
    schema.if = { required: ['@odata.type'], properties: { '@odata.type': other } };
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword; a schema is data, never awaited
    schema.then = { additionalProperties: true };
    schema.unevaluatedProperties = false;
  }
  if (source) schema[SOURCE_KEYWORD] = citations({ properties: source });
  return schema;
}

/**
 * The body schema of a contract and the schemas of the complex types it refers to, which the caller places
 * where `refBase` points (`#/$defs/` in a JSON Schema, `#/components/schemas/` in OpenAPI). A response
 * contract gives the response mode the generated validator has: open objects, no read-only or required rule.
 */
export function contractSchemas(contract: Contract, refBase: string): { body: JsonSchema; types: Record<string, JsonSchema> } {
  const response = contract.response === true;
  const body = objectSchema(contract.properties, false, contract.extensionPatterns, contract.source, refBase, response, contract.type);
  const names = new Set(contract.properties.map(([n]) => n));
  const dependent: Record<string, JsonSchema> = {};
  for (const g of contract.groups) {
    const others = [...names].filter((n) => !g.members.includes(n));
    for (const m of g.members) {
      if (!names.has(m)) continue;
      const forbid: JsonSchema = {
        properties: Object.fromEntries(others.map((o) => [o, false])),
        [SOURCE_KEYWORD]: citations({ dependentSchemas: g.source }),
      };
      dependent[m] = dependent[m] ? { allOf: [dependent[m], forbid] } : forbid;
    }
  }
  if (Object.keys(dependent).length) body.dependentSchemas = dependent;
  const types = Object.fromEntries(
    contract.types.map(([name, t]) => [encodeURIComponent(name), objectSchema(t.properties, t.open, [], t.source, refBase, response, name)]),
  );
  return { body, types };
}

/** The standalone JSON Schema document of an operation's request body. */
export function requestBodySchema(spec: OperationSpec): JsonSchema {
  const { body, types } = contractSchemas(buildContract(spec), '#/$defs/');
  return {
    $schema: DIALECT,
    $id: `urn:docspec:${encodeURIComponent(spec.operation)}:${encodeURIComponent(spec.variant)}:request-body`,
    title: `${spec.title} (${spec.variant}) request body`,
    ...body,
    ...(Object.keys(types).length ? { $defs: types } : {}),
  };
}
