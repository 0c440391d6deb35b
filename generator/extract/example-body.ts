/**
 * The body shape of a page without a property table, read from its example request (group-post-members:
 * `{ "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}" }`). Each top-level key becomes a
 * property typed by its JSON value; `{placeholders}` inside string values are recorded, since they stand for
 * what the caller fills in (here the id of the object to add).
 */
import type { Example, ExampleBody, Property, SourceRef, TypeRef } from '../ir/ir.js';

const json = (collection = false): TypeRef => ({ kind: 'named', name: 'Json', collection, resolution: 'unresolved' });

function typeOf(value: unknown): TypeRef {
  if (typeof value === 'string') return { kind: 'primitive', name: 'String', collection: false };
  if (typeof value === 'boolean') return { kind: 'primitive', name: 'Boolean', collection: false };
  if (typeof value === 'number') return { kind: 'primitive', name: Number.isInteger(value) ? 'Int32' : 'Double', collection: false };
  if (Array.isArray(value)) {
    const item = value.length ? typeOf(value[0]) : json();
    return item.collection ? json(true) : { ...item, collection: true };
  }
  return json();
}

function placeholders(value: unknown, path: string, out: ExampleBody['placeholders']): void {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/\{([A-Za-z][\w.-]*)\}/g)) out.push({ path, name: m[1]! });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) placeholders(v, `${path}/${i}`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) placeholders(v, `${path}/${k}`, out);
  }
}

export function bodyFromExample(examples: Example[], method: string): { properties: Property[]; from: ExampleBody } | undefined {
  const ex = examples.find((e) => e.request?.method === method && e.request.body && typeof e.request.body === 'object' && !Array.isArray(e.request.body));
  const req = ex?.request;
  if (!ex || !req) return undefined;
  const body = req.body as Record<string, unknown>;
  const found: ExampleBody['placeholders'] = [];
  const properties = Object.entries(body).map(([name, value]): Property => {
    const line = req.bodyKeyLines && Object.hasOwn(req.bodyKeyLines, name) ? req.bodyKeyLines[name]! : req.source.line;
    const source: SourceRef = { ...req.source, line };
    placeholders(value, `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, found);
    return { name, type: typeOf(value), description: '', constraints: [], source };
  });
  if (properties.length === 0) return undefined;
  return { properties, from: { example: ex.name, placeholders: found, source: req.source } };
}
