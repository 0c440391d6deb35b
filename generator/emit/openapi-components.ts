/**
 * The component schemas of a document built from several specs. Pages of one docs tree share their resource
 * types, so one `passwordProfile` serves every operation; a type two specs read differently (another version
 * of its page, another constraint) keeps both readings, the later one under a numbered name.
 */
import type { JsonSchema } from './json-schema.js';

export const COMPONENTS = '#/components/schemas/';

/** Rewrites `$ref`s to renamed components, anywhere in a schema. */
function renamed(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renamed(v, names));
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENTS)) {
      const to = names.get(v.slice(COMPONENTS.length));
      out[k] = to === undefined ? v : `${COMPONENTS}${to}`;
    } else out[k] = renamed(v, names);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  /**
   * Adds one spec's schemas (names as its own `$ref`s use them) and returns them with the names they got, refs
   * rewritten. A name taken by a different schema moves to `name-2`, `name-3`, …; moving one can change the
   * schemas that refer to it, so the names are settled before anything is added.
   */
  add(schemas: Record<string, JsonSchema>, extra: readonly JsonSchema[] = []): { names: Map<string, string>; extra: JsonSchema[] } {
    const names = new Map<string, string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, schema] of Object.entries(schemas)) {
        const candidate = renamed(schema, names);
        let target = names.get(name) ?? name;
        for (let n = 2; this.schemas[target] !== undefined && !same(this.schemas[target], candidate); n++) target = `${name}-${n}`;
        if (target !== (names.get(name) ?? name)) {
          names.set(name, target);
          changed = true;
        }
      }
    }
    for (const [name, schema] of Object.entries(schemas)) this.schemas[names.get(name) ?? name] ??= renamed(schema, names) as JsonSchema;
    return { names, extra: extra.map((s) => renamed(s, names) as JsonSchema) };
  }
}
