/** JSON Pointers into example and request bodies, as validators report them (`/otherMails/3`). */
import type { HttpMessageExample, OperationSpec, Property, SourceRef } from './ir.js';

/** The pointer's keys, unescaped (`/a~1b/0` → `a/b`, `0`). */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The top-level property a pointer addresses, itself or one item of it (`/otherMails/3`); undefined deeper
 * (`/passwordProfile/password`), where only the nested type's page states the rules.
 */
export function topProperty(pointer: string): string | undefined {
  const segments = pointerSegments(pointer);
  return segments.length === 1 || (segments.length === 2 && /^\d+$/.test(segments[1]!)) ? segments[0] : undefined;
}

/** The value at a pointer, or undefined when the body has none there. */
export function valueAt(body: unknown, pointer: string): unknown {
  let at = body;
  for (const key of pointerSegments(pointer)) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** The docs line of the top-level body key a pointer goes into, else the message's own line. */
export function keyLine(message: Pick<HttpMessageExample, 'source' | 'bodyKeyLines'>, pointer: string): SourceRef {
  const key = pointerSegments(pointer)[0] ?? '';
  const lines = message.bodyKeyLines;
  return { ...message.source, line: lines && Object.hasOwn(lines, key) ? lines[key]! : message.source.line };
}

/**
 * The property a pointer reaches through the body's types, items skipped (`/address/type` → physicalAddress's
 * `type`, `/value/0/feedback` → alert's `feedback`); undefined where a key has no row.
 */
export function propertyAt(spec: Pick<OperationSpec, 'requestBody' | 'types'>, pointer: string): Property | undefined {
  let properties: readonly Property[] = spec.requestBody.properties;
  let found: Property | undefined;
  for (const key of pointerSegments(pointer)) {
    if (/^\d+$/.test(key)) continue;
    found = properties.find((p) => p.name === key);
    if (!found) return undefined;
    const def = found.type.kind === 'named' ? spec.types[found.type.name] : undefined;
    properties = def?.kind === 'complex' ? def.properties : [];
  }
  return found;
}
