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
    setOwn(out, key, copyJson((value as Record<string, unknown>)[key]));
  }
  return out as T;
}

/** Sets a key as JSON.parse does: one named `__proto__` (a page may name anything) is an own property, never the prototype. */
export function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
