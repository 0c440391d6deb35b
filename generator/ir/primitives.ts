/** What each primitive of the docs' type column is as JSON: the one place that knows it. */
import type { PrimitiveName } from './ir.js';

export type JsonKind = 'boolean' | 'integer' | 'number' | 'string';

/** Inclusive ranges of the integer primitives (Int64 limited to what a JSON number holds exactly). */
export const INTEGER_RANGES: Partial<Record<PrimitiveName, readonly [number, number]>> = {
  Byte: [0, 255],
  Int16: [-32768, 32767],
  Int32: [-2147483648, 2147483647],
  Int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const FLOATS = new Set<PrimitiveName>(['Double', 'Single', 'Decimal']);

export function jsonKind(name: PrimitiveName): JsonKind {
  if (name === 'Boolean') return 'boolean';
  if (INTEGER_RANGES[name]) return 'integer';
  if (FLOATS.has(name)) return 'number';
  return 'string';
}

export function isNumeric(name: PrimitiveName): boolean {
  const kind = jsonKind(name);
  return kind === 'integer' || kind === 'number';
}

/**
 * Named types whose values are any JSON: `microsoft.graph.Json` ("data returned in JSON format"), which the
 * workbook APIs use for cell values, arrays of them and formulas alike.
 */
export function isAnyJson(typeName: string): boolean {
  return /^(?:microsoft\.graph\.)?json$/i.test(typeName);
}
