/**
 * Parses the Type column of a docs table: `String`, `String collection`, `Collection(Edm.String)`,
 * `[assignedLicense](../resources/assignedlicense.md) collection`, `microsoft.graph.tenantAdmin.sharingCapabilities`.
 */
import type { PrimitiveName, TypeRef } from './ir.js';

const PRIMITIVES: Record<string, PrimitiveName> = Object.fromEntries(
  (
    [
      'String',
      'Boolean',
      'Int16',
      'Int32',
      'Int64',
      'Byte',
      'Double',
      'Single',
      'Decimal',
      'DateTimeOffset',
      'Date',
      'TimeOfDay',
      'Duration',
      'Guid',
      'Binary',
      'Stream',
    ] as PrimitiveName[]
  ).map((p) => [p.toLowerCase(), p]),
);
// Spellings seen in the docs for the same primitives.
Object.assign(PRIMITIVES, {
  bool: 'Boolean',
  int: 'Int32',
  integer: 'Int32',
  number: 'Double',
  float: 'Double',
  uuid: 'Guid',
  datetime: 'DateTimeOffset',
  timestamp: 'DateTimeOffset',
});

export function primitiveName(word: string): PrimitiveName | undefined {
  return PRIMITIVES[word.replace(/^Edm\./i, '').toLowerCase()];
}

/** A single word that can stand in a Type column: a primitive or a type name with a capital in it. */
export function isTypeToken(word: string): boolean {
  if (primitiveName(word)) return true;
  return /^[A-Za-z][A-Za-z0-9_.]*$/.test(word) && /[A-Z]/.test(word) && !/[.]$/.test(word);
}

/**
 * Parses a type cell's plain text. `link` is the cell's link target, when it had one. Returns undefined
 * when the text is not a type expression at all.
 */
export function parseTypeExpression(text: string, link?: string): TypeRef | undefined {
  let t = text.replace(/\s+/g, ' ').trim();
  let collection = false;
  const fn = /^Collection\((.+)\)$/i.exec(t);
  if (fn) {
    t = fn[1]!.trim();
    collection = true;
  }
  const suffix = /^(.+?) (?:collection|array)$/i.exec(t);
  if (suffix) {
    t = suffix[1]!.trim();
    collection = true;
  }
  // "(boolean or string or number) collection", "string/number": a value of any of those JSON types. The IR has
  // no unions; any JSON value is the reading that refuses none of them.
  const union = /^\(?([A-Za-z]\w*(?:\s*(?:\bor\b|\/|\|)\s*[A-Za-z]\w*)+)\)?$/i.exec(t);
  if (union && union[1]!.split(/\s*(?:\bor\b|\/|\|)\s*/i).every((w) => primitiveName(w) !== undefined))
    return { kind: 'named', name: 'Json', collection, resolution: 'unresolved' };
  // "String (enum)", "Int32 (Int32)"-like annotations add nothing the description does not say.
  t = t.replace(/\s*\([^)]*\)$/, '');
  if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(t)) return undefined;
  const primitive = primitiveName(t);
  if (primitive) return { kind: 'primitive', name: primitive, collection };
  const name = t.replace(/^(?:microsoft\.graph\.|graph\.)/i, '');
  const ref: TypeRef = { kind: 'named', name, collection, resolution: 'unresolved' };
  if (link) ref.link = link;
  return ref;
}

/** The type as the docs write it, e.g. `String collection`. */
export function formatTypeRef(type: TypeRef): string {
  return `${type.name}${type.collection ? ' collection' : ''}`;
}
