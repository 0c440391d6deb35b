/**
 * Who may import whom (ARCHITECTURE.md): generator/ imports neither harness/ nor cli/, harness/ does not
 * import cli/, and only cli/ and cli.ts touch the file system or the process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/pages.js';

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const path = join(dir, f);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => {
    const spec = m[1]!;
    return spec.startsWith('.')
      ? relative(ROOT, join(ROOT, file, '..', spec))
          .split('\\')
          .join('/')
      : spec;
  });
}

describe('import boundaries', () => {
  const rules: [string, RegExp, string][] = [
    ['generator', /^(harness|cli)\//, 'generator/ is pure: it may not import harness/ or cli/'],
    ['harness', /^cli\//, 'harness/ may not import cli/'],
    ['generator', /^node:(fs|child_process)$/, 'only the CLI touches the file system'],
    ['harness', /^node:(fs|child_process)$/, 'only the CLI touches the file system'],
  ];
  it.each(rules)('%s: %s', (dir, forbidden, why) => {
    const bad = files(dir).flatMap((f) =>
      imports(f)
        .filter((i) => forbidden.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad, why).toEqual([]);
  });

  it('sees the imports it checks', () => {
    expect(imports('harness/vitest.ts')).toContain('generator/spec/ir.js');
    expect(imports('cli/io.ts')).toContain('node:fs');
  });
});
