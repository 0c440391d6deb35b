import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyJson } from '../../harness/model/json-copy.js';

/** Every object and array reachable from a value. */
function containers(value: unknown, into = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    into.add(value);
    for (const v of Object.values(value)) containers(v, into);
  }
  return into;
}

describe('copyJson', () => {
  // Exactly the value (a JSON round trip would turn -0 into 0), and the same JSON text.
  it('copies a JSON value exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyJson(value);
        expect(copy).toStrictEqual(value);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
      }),
    );
    expect(Object.is(copyJson({ a: -0 }).a, -0)).toBe(true);
  });

  it('shares no object or array with the original', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const original = containers(value);
        for (const c of containers(copyJson(value))) expect(original.has(c)).toBe(false);
      }),
    );
  });

  it('keeps a key named __proto__ as an own property, as JSON.parse does', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"a":[1,{"b":null}]}') as Record<string, unknown>;
    const copy = copyJson(value);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
  });
});
