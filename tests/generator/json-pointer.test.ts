/** JSON Pointers as validators report them: escapes undone, values found, a key's docs line. */
import { describe, expect, it } from 'vitest';
import { keyLine, pointerSegments, valueAt } from '../../generator/ir/json-pointer.js';

describe('json pointers', () => {
  it('unescape ~1 and ~0, in that order', () => {
    expect(pointerSegments('/a~1b/~01/0')).toEqual(['a/b', '~1', '0']);
    expect(pointerSegments('')).toEqual([]);
  });

  it('find the value, or undefined past the end', () => {
    const body = { 'a/b': [{ c: 1 }] };
    expect(valueAt(body, '/a~1b/0/c')).toBe(1);
    expect(valueAt(body, '/a~1b/1/c')).toBeUndefined();
    expect(valueAt(body, '')).toBe(body);
  });

  it("point at the line of the top-level key, else the message's own", () => {
    const message = { source: { file: 'x.md', line: 10, column: 1 }, bodyKeyLines: { 'a/b': 14 } };
    expect(keyLine(message, '/a~1b/0/c')).toEqual({ file: 'x.md', line: 14, column: 1 });
    expect(keyLine(message, '/other')).toEqual({ file: 'x.md', line: 10, column: 1 });
    // A key named like an Object method is no line.
    expect(keyLine(message, '/constructor')).toEqual({ file: 'x.md', line: 10, column: 1 });
  });
});
