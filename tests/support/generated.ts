/** Test support: generate + emit in-process, and type-check emitted files with tsc. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emitFiles, type EmittedFile } from '../../generator/emit/emit-files.js';
import type { Spec } from '../../generator/ir/ir.js';
import { ROOT } from './pages.js';

export const RUNTIME_SOURCE = readFileSync(join(ROOT, 'generator/emit/runtime.ts'), 'utf8');

export function emit(specs: Spec[]): EmittedFile[] {
  return emitFiles(specs, RUNTIME_SOURCE);
}

export function writeFiles(dir: string, files: EmittedFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
}

/** Runs `tsc --noEmit --strict` on files; returns its output (empty when they compile). */
export function tscErrors(files: string[]): string {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '--strict',
      '--noUncheckedIndexedAccess',
      '--target',
      'ES2022',
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--skipLibCheck',
      '--types',
      'node',
      ...files,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return `${r.stdout}${r.stderr}`.trim();
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
