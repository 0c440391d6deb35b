/**
 * A deep copy of a JSON value (what a generated body is: objects, arrays, strings, numbers, booleans,
 * null). Walking it is several times cheaper than a JSON round trip, which formats every number and string
 * only to read them back, and than `structuredClone`.
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyJson(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const v = copyJson((value as Record<string, unknown>)[key]);
    // As JSON.parse does: a key `__proto__` is an own property, never the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out as T;
}
