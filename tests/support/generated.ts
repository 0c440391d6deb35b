/** Test support: emit in-process, and golden files (type-checked by `npm run typecheck`). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emitFiles, type EmittedFile } from '../../generator/emit/emit-files.js';
import type { Spec } from '../../generator/ir/ir.js';
import { ROOT } from './pages.js';

export const RUNTIME_SOURCE = readFileSync(join(ROOT, 'generator/emit/runtime.ts'), 'utf8');

export function emit(specs: Spec[]): EmittedFile[] {
  return emitFiles(specs, RUNTIME_SOURCE);
}

/**
 * Golden files: written when missing, refreshed with UPDATE=1, otherwise compared. A new golden is written
 * once and must be reviewed before it is committed.
 */
export function golden(path: string, actual: string): string {
  const abs = join(ROOT, path);
  let expected: string | undefined;
  try {
    expected = readFileSync(abs, 'utf8');
  } catch {
    expected = undefined;
  }
  if (expected === undefined || process.env.UPDATE === '1') {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, actual);
    return actual;
  }
  return expected;
}
