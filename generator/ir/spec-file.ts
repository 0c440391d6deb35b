/**
 * How a spec is named and written to disk. Apart from generate.ts so that the commands that only write
 * specs other threads made (corpus mode's main thread) do not load the parser and the extractors.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Spec } from './ir.js';

/** The spec file name for a spec: `spec/<operation>.<variant>.json`. */
export function specFileName(spec: Pick<Spec, 'operation' | 'variant'>): string {
  return `${spec.operation}.${spec.variant}.json`;
}

/** Serialised spec, byte-stable: fixed key order from construction, 2-space indent, final newline. */
export function serializeSpec(spec: Spec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** Whether `path` lies inside the folder `dir` (after resolving `..`), lexically: what may be written there. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
