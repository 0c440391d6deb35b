/** JSON Pointers as validators report them: escapes undone, values found, a key's docs line. */
import { describe, expect, it } from 'vitest';
import { keyLine, pointerSegments, propertyAt, valueAt } from '../../generator/ir/json-pointer.js';
import type { OperationSpec, Property } from '../../generator/ir/ir.js';

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

  it("reach the property a pointer names through the body's types, items skipped; none where a key has no row", () => {
    const at = { file: 'x.md', line: 1, column: 1 };
    const row = (name: string, type: Property['type']): Property => ({ name, type, description: '', constraints: [], source: at });
    const city = row('city', { kind: 'primitive', name: 'String', collection: false });
    // A `type` at the top too: the pointer, not the name alone, decides which one.
    const top = row('type', { kind: 'primitive', name: 'String', collection: false });
    const nested = row('type', { kind: 'named', name: 'physicalAddressType', collection: false, resolution: 'enum' });
    const spec = {
      requestBody: { properties: [top, row('addresses', { kind: 'named', name: 'physicalAddress', collection: true, resolution: 'complex' })] },
      types: { physicalAddress: { kind: 'complex', name: 'physicalAddress', open: false, properties: [nested, city] } },
    } as unknown as OperationSpec;
    expect(propertyAt(spec, '/addresses/0/type')).toBe(nested);
    expect(propertyAt(spec, '/type')).toBe(top);
    expect(propertyAt(spec, '/addresses/0/street')).toBeUndefined();
    expect(propertyAt(spec, '/type/x')).toBeUndefined();
  });
});
