import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ofLength } from '../../harness/arbitraries/values.js';
import { guid, headed, text } from '../../harness/arbitraries/text.js';

// Letters, a non-ASCII one, and one that is two UTF-16 units: lengths count code points.
const TABLE = ['a', 'b', 'é', '𝒳', ' '];
const allowed = new Set(TABLE);

/** A text arbitrary with its bounds, drawn at random: the laws hold for every one. */
const bounded = fc
  .tuple(fc.nat(20), fc.nat(30))
  .map(([min, extra]) => ({ min, max: min + extra }))
  .map(({ min, max }) => ({ min, max, arb: text(TABLE, min, max) }));

const within = (s: string, min: number, max: number) => {
  const points = [...s];
  return points.length >= min && points.length <= max && points.every((c) => allowed.has(c));
};

/** The first `n` shrinks of a value, as fast-check offers them (the stream is lazy). */
const shrinks = (arb: fc.Arbitrary<string>, value: fc.Value<string>, n = 200) => [...arb.shrink(value.value, value.context).take(n)].map((v) => v.value);

/** Longer is more complex; at equal length, every character other than the table's first counts. */
const weight = (s: string) => {
  const points = [...s];
  return [points.length, points.filter((c) => c !== TABLE[0]).length] as const;
};

describe('text', () => {
  it('draws strings within the bounds, of the table only, which it can shrink without context', () => {
    fc.assert(
      fc.property(bounded, fc.integer(), ({ min, max, arb }, seed) => {
        for (const s of fc.sample(arb, { numRuns: 20, seed })) {
          expect(within(s, min, max)).toBe(true);
          expect(arb.canShrinkWithoutContext(s)).toBe(true);
        }
      }),
    );
  });

  it('refuses to shrink what it could not have drawn', () => {
    const arb = text(TABLE, 2, 4);
    for (const v of ['a', 'aaaaa', 'ax', 7, null, ['a', 'b']]) expect(arb.canShrinkWithoutContext(v)).toBe(false);
    expect(arb.canShrinkWithoutContext('𝒳𝒳')).toBe(true);
  });

  it('shrinks only to simpler strings that are still within the bounds', () => {
    fc.assert(
      fc.property(bounded, fc.integer(), ({ min, max, arb }, seed) => {
        const [s] = fc.sample(arb, { numRuns: 1, seed });
        const [length, others] = weight(s!);
        for (const smaller of shrinks(arb, new fc.Value(s!, undefined))) {
          expect(within(smaller, min, max)).toBe(true);
          const [l, o] = weight(smaller);
          expect(l < length || (l === length && o < others)).toBe(true);
        }
      }),
    );
  });

  it('is the same for the same seed', () => {
    const arb = text(TABLE, 0, 40);
    expect(fc.sample(arb, { numRuns: 50, seed: 7 })).toEqual(fc.sample(arb, { numRuns: 50, seed: 7 }));
  });

  it('reaches every length it allows: the minimum, the usual ones, and a maximum of its own', () => {
    const lengths = new Set(fc.sample(text(TABLE, 2, 5), { numRuns: 500, seed: 3 }).map((s) => [...s].length));
    expect([...lengths].sort()).toEqual([2, 3, 4, 5]);
    // Beyond twice the minimum plus ten only where a bias or `ofLength` asks for it, as fc.string draws.
    expect(Math.max(...fc.sample(text(TABLE, 0, 1000), { numRuns: 500, seed: 3 }).map((s) => [...s].length))).toBe(10);
  });

  it('shrinks a failure to the simplest counterexample', () => {
    // Any string with a non-ASCII character fails: the simplest is that character alone.
    const nonAscii = fc.check(
      fc.property(text(TABLE, 0, 30), (s) => !/[^\x20-\x7e]/.test(s)),
      { seed: 1 },
    );
    expect(nonAscii.failed).toBe(true);
    expect(['é', '𝒳']).toContain(nonAscii.counterexample?.[0]);
    // Any string of five or more fails: five of the first character.
    const long = fc.check(
      fc.property(text(TABLE, 0, 30), (s) => [...s].length < 5),
      { seed: 1 },
    );
    expect(long.counterexample?.[0]).toBe('aaaaa');
  });

  it('refuses an empty table or bounds that hold no length', () => {
    expect(() => text([], 0, 1)).toThrow(/at least one character/);
    expect(() => text(TABLE, 3, 2)).toThrow(/minLength <= maxLength/);
  });
});

describe('headed', () => {
  it('begins with a character of its first table, then the rest within its bounds from the other', () => {
    for (const s of fc.sample(headed(['X', 'Y'], TABLE, 2, 6), { numRuns: 300, seed: 4 })) {
      const [head, ...rest] = [...s];
      expect(['X', 'Y']).toContain(head);
      expect(within(rest.join(''), 2, 6)).toBe(true);
    }
  });
});

describe('ofLength', () => {
  it('makes strings of exactly the lengths asked, in code points, from the table', () => {
    fc.assert(
      fc.property(fc.integer({ min: 17, max: 300 }), fc.nat(40), fc.integer(), (min, extra, seed) => {
        for (const s of fc.sample(ofLength(TABLE, min, min + extra), { numRuns: 5, seed })) expect(within(s, min, min + extra)).toBe(true);
      }),
    );
  });
});

describe('guid', () => {
  it('draws version 4 GUIDs, lower-case, with the RFC 4122 variant', () => {
    for (const g of fc.sample(guid, { numRuns: 500, seed: 2 })) expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(fc.sample(guid, { numRuns: 500, seed: 2 })).size).toBe(500);
  });

  it('shrinks toward the version 4 GUID of zeros', () => {
    const result = fc.check(
      fc.property(guid, () => false),
      { seed: 1 },
    );
    expect(result.counterexample?.[0]).toBe('00000000-0000-4000-8000-000000000000');
  });
});
