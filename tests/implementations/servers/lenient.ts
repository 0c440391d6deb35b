/**
 * The v1.0 reference made lenient where Graph is: before validating, it reads a country code in any letter
 * case, an enum value in any letter case or with spaces around it, and a flag set with a flag named twice,
 * as the value they stand for, and it takes any string where the docs only describe a format ("The SMTP
 * address for the user"): its validator enforces only what the docs demand. Where a reasonable server is
 * stricter than the letter of the page it is too: it refuses `null` for a collection (OData collections are
 * never null) and clearing (`null`, `""`) what "required when a user is created" names. Conformant: a
 * certification passes it with the tolerances listed as warnings, and fails it only with `--strict`.
 */
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { allowedValues } from '../../../generator/ir/enum-values.js';
import { validateRequestBody } from '../../../generated/user-update/v1.0.js';
import { referenceSteps, type Steps } from './reference.js';

const fold = (s: string) => s.trim().toLowerCase();

export function lenientSteps(spec: OperationSpec): Partial<Steps> {
  const readers = new Map<string, (v: string) => string>();
  for (const p of spec.requestBody.properties) {
    const values = (allowedValues(p, spec.types)?.values ?? []).filter((v): v is string => typeof v === 'string');
    const byFold = new Map(values.map((v) => [fold(v), v]));
    const flags = p.constraints.find((c) => c.kind === 'flagSet');
    if (p.constraints.some((c) => c.kind === 'countryCode')) readers.set(p.name, (v) => v.trim().toUpperCase());
    else if (flags?.kind === 'flagSet') {
      const known = new Map(flags.values.map((v) => [fold(v), v]));
      readers.set(p.name, (v) => [...new Set(v.split(',').map((f) => known.get(fold(f)) ?? f.trim()))].join(', '));
    } else if (values.length) readers.set(p.name, (v) => byFold.get(fold(v)) ?? v);
  }
  const read = (body: unknown): unknown => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      const reader = readers.get(k);
      out[k] = !reader ? v : typeof v === 'string' ? reader(v) : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? reader(x) : x)) : v;
    }
    return out;
  };
  const collections = new Set(spec.requestBody.properties.filter((p) => p.type.collection).map((p) => p.name));
  const kept = new Set(spec.requestBody.properties.filter((p) => p.constraints.some((c) => c.kind === 'requiredOnCreate')).map((p) => p.name));
  const stricter = (body: unknown) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
    return Object.entries(body).flatMap(([k, v]) =>
      (v === null && collections.has(k)) || ((v === null || v === '') && kept.has(k))
        ? [{ path: `/${k}`, rule: 'lenient-server', message: `${k} cannot be ${JSON.stringify(v)}`, source: '' }]
        : [],
    );
  };
  return {
    validate: (body) => {
      const r = validateRequestBody(read(body));
      return [...(r.valid ? [] : r.errors), ...stricter(body)];
    },
    apply: (user, body) => referenceSteps.apply(user, read(body) as typeof body),
  };
}
