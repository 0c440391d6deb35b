/** Identifiers for generated code, whatever the docs call things. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(['RequestBody', 'ValidationResult', 'ValidationIssue', 'Contract', 'DateTimeOffset', 'Guid', 'DateOnly', 'TimeOfDay', 'Duration']);

/** A property name as it must appear in a type: bare when an identifier, otherwise a quoted string literal. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) && name !== '__proto__' ? name : JSON.stringify(name);
}

/** `passwordProfile` → `PasswordProfile`; `microsoft.graph.x-y` → `MicrosoftGraphXY`; `123abc` → `T123abc`. */
export function typeIdentifier(name: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') || 'Type';
  if (/^\d/.test(id)) id = `T${id}`;
  if (RESERVED.has(id)) id = `${id}Type`;
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}${n}`;
  taken.add(unique);
  return unique;
}

/** `user-update` + `v1.0` → `userUpdateV1_0`. */
export function namespaceIdentifier(operation: string, variant: string): string {
  const words = `${operation} ${variant.replace(/\./g, '_')}`.split(/[^A-Za-z0-9_]+/).filter(Boolean);
  const id = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^\d/.test(id) ? `_${id}` : id || 'spec';
}

/** A variant's file name in `generated/<operation>/`: `v1.0` stays `v1.0.ts`; unsafe characters become `_`. */
export function variantFileName(variant: string): string {
  return `${safeFileName(variant)}.ts`;
}

/** Text as one path segment: characters outside `A-Za-z0-9._-` and leading dots become `_`. */
export function safeFileName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
}

/** Text for a JSDoc comment: `*\/` cannot close it and `@` cannot start a tag. */
export function jsdocText(text: string): string {
  // `*/` would end the comment; `/*` (a glob `/users/*`, a MIME type `image/*`) makes ts-morph's writer take
  // what follows for a comment of its own and close it early, in front of the next tag.
  return text.replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*').replace(/@/g, '\\@');
}
