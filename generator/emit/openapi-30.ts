/**
 * OpenAPI 3.1 → 3.0.3, for tools that do not read 3.1 (Dredd). 3.0's schema dialect has `nullable` instead of
 * type arrays, boolean exclusive bounds, no siblings beside `$ref`, and no `patternProperties` or
 * `dependentSchemas`: those rules become prose in `description` and `x-docspec-*` keywords, so a 3.0 schema
 * accepts every body the 3.1 one does and a few more (extra property names, own-request mixes).
 */
import type { JsonSchema } from './json-schema.js';

/**
 * Null and nothing else. `nullable` only adds null to a stated type (ajv refuses it without one), so the schema
 * names one; the enum leaves null as the only value whatever that type is.
 */
const NULL_ONLY: JsonSchema = { type: 'object', nullable: true, enum: [null] };

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const mapValues = (o: unknown, f: (s: JsonSchema) => JsonSchema): JsonSchema =>
  Object.fromEntries(Object.entries(o as JsonSchema).map(([k, v]) => [k, isObject(v) ? f(v) : v]));

/** The names a dependent schema forbids: `{ properties: { city: false } }`, possibly under `allOf`. */
function forbidden(s: JsonSchema): string[] {
  const own = isObject(s.properties)
    ? Object.entries(s.properties)
        .filter(([, v]) => v === false)
        .map(([k]) => k)
    : [];
  const all = Array.isArray(s.allOf) ? (s.allOf as JsonSchema[]).flatMap(forbidden) : [];
  return [...own, ...all];
}

function cites(s: JsonSchema): string[] {
  const own = Array.isArray(s['x-docspec-source']) ? (s['x-docspec-source'] as string[]) : [];
  return [...own, ...(Array.isArray(s.allOf) ? (s.allOf as JsonSchema[]).flatMap(cites) : [])];
}

function addNote(out: JsonSchema, note: string): void {
  out.description = out.description ? `${out.description as string}\n\n${note}` : note;
}

export function schema30(s: JsonSchema): JsonSchema {
  if (s.type === 'null') {
    const { type: _, ...rest } = s;
    return { ...NULL_ONLY, ...schema30(rest) };
  }
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) {
    switch (k) {
      case 'type':
        if (Array.isArray(v)) {
          const types = v.filter((t) => t !== 'null');
          if (types.length === 1) out.type = types[0];
          if (types.length !== v.length) out.nullable = true;
        } else out.type = v;
        break;
      case 'properties':
        out.properties = mapValues(v, schema30);
        break;
      case 'items':
      case 'not':
        out[k] = isObject(v) ? schema30(v) : v;
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[k] = (v as JsonSchema[]).map((x) => (x.type === 'null' && Object.keys(x).length === 1 ? NULL_ONLY : schema30(x)));
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        out[k === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = v;
        out[k] = true;
        break;
      case 'const':
        out.enum = [v];
        break;
      case 'patternProperties':
      case 'additionalProperties':
      case 'unevaluatedProperties':
      case 'dependentSchemas':
      case 'if':
      case 'then':
        // Rewritten below, once the whole object is known (`if`/`then` only open a closed object further).
        break;
      default:
        out[k] = v;
    }
  }
  if (s.additionalProperties === false || s.unevaluatedProperties === false) {
    const patterns = Object.keys((s.patternProperties as JsonSchema | undefined) ?? {});
    out['x-docspec-additional-properties'] = false;
    if (patterns.length) out['x-docspec-pattern-properties'] = patterns;
    addNote(
      out,
      `Only the listed properties may be sent${patterns.length ? `, and names matching ${patterns.map((p) => `\`${p}\``).join(', ')}` : ''}. OpenAPI 3.0 cannot state which extra names are allowed, so this schema accepts any.`,
    );
  } else if (s.additionalProperties !== undefined)
    out.additionalProperties = isObject(s.additionalProperties) ? schema30(s.additionalProperties) : s.additionalProperties;
  if (isObject(s.dependentSchemas)) {
    out['x-docspec-dependent-schemas'] = s.dependentSchemas;
    const names = Object.keys((s.properties as JsonSchema | undefined) ?? {});
    // Members of one group share their rule: one sentence per distinct rule.
    const rules = new Map<string, string[]>();
    for (const [member, dep] of Object.entries(s.dependentSchemas)) {
      const no = new Set(forbidden(dep as JsonSchema));
      const rule = `may send only ${names
        .filter((n) => !no.has(n))
        .map((n) => `\`${n}\``)
        .join(', ')} (${cites(dep as JsonSchema).join('; ')}).`;
      rules.set(rule, [...(rules.get(rule) ?? []), member]);
    }
    for (const [rule, members] of rules) addNote(out, `A body with ${members.length > 1 ? 'any of ' : ''}${members.map((m) => `\`${m}\``).join(', ')} ${rule}`);
  }
  // 3.0 ignores a `$ref`'s siblings: the reference moves under `allOf`.
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { allOf: [{ $ref }], ...rest };
  }
  return out;
}

function mediaTypes30(content: unknown): unknown {
  if (!isObject(content)) return content;
  return mapValues(content, (m) => (isObject(m.schema) ? { ...m, schema: schema30(m.schema) } : m));
}

function operation30(op: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...op };
  if (Array.isArray(op.parameters))
    out.parameters = (op.parameters as JsonSchema[]).map((p) => (isObject(p.schema) ? { ...p, schema: schema30(p.schema) } : p));
  if (isObject(op.requestBody)) out.requestBody = { ...op.requestBody, content: mediaTypes30(op.requestBody.content) };
  if (isObject(op.responses)) out.responses = mapValues(op.responses, (r) => (r.content ? { ...r, content: mediaTypes30(r.content) } : r));
  return out;
}

export function toOpenApi30(doc: JsonSchema): JsonSchema {
  const { jsonSchemaDialect: _, ...rest } = doc;
  const components = (doc.components ?? {}) as JsonSchema;
  return {
    ...rest,
    openapi: '3.0.3',
    paths: mapValues(doc.paths, (item) => mapValues(item, operation30)),
    components: { ...components, ...(components.schemas ? { schemas: mapValues(components.schemas, schema30) } : {}) },
  };
}
