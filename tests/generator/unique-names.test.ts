/** JUnit names stay unique per file, so dashboards that key results by name never merge two cases. */
import { describe, expect, it } from 'vitest';
import { uniqueNames } from '../../generator/report/unique-names.js';

describe('uniqueNames', () => {
  it('leaves distinct names alone and numbers repeats in order', () => {
    expect(uniqueNames(['a', 'b'])).toEqual(['a', 'b']);
    expect(uniqueNames(['x', 'y', 'x', 'x'])).toEqual(['x', 'y', 'x #2', 'x #3']);
  });

  it('never produces a name that is already taken', () => {
    const out = uniqueNames(['x', 'x #2', 'x', 'x']);
    expect(new Set(out).size).toBe(4);
    expect(out.slice(0, 2)).toEqual(['x', 'x #2']);
  });
});
