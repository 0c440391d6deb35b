/**
 * Who may import whom (ARCHITECTURE.md): generator/ imports neither harness/ nor cli/, harness/ does not
 * import cli/, and only cli/ and cli.ts touch the file system or the process. Inside generator/ and
 * harness/ each folder is a stage: a file imports its own stage and earlier ones only, and no two folders
 * import each other.
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
    expect(imports('harness/vitest.ts')).toContain('generator/ir/ir.js');
    expect(imports('cli/io.ts')).toContain('node:fs');
  });
});

/** Each layer's stages, earliest first. Files at a layer's root (`harness/vitest.ts`) are entry points. */
const STAGES: Record<string, string[]> = {
  generator: ['ir', 'read', 'extract', 'emit', 'diff', 'pipeline', 'corpus', 'report'],
  harness: ['model', 'arbitraries', 'transport', 'checks', 'report', 'run'],
};

/** The stage of a file or import inside `layer`, or undefined for the layer's root and other layers. */
function stageOf(layer: string, path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === layer && parts.length > 2 ? parts[1] : undefined;
}

/** Folder → the folders its files import (within one layer). */
function folderGraph(layer: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const f of files(layer)) {
    const from = f.slice(0, f.lastIndexOf('/'));
    for (const i of imports(f)) {
      if (!i.startsWith(`${layer}/`)) continue;
      const to = i.slice(0, i.lastIndexOf('/'));
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every folder that lies on a cycle of `graph`. */
function onCycles(graph: Map<string, Set<string>>): string[] {
  const reaches = (a: string, b: string, seen = new Set<string>()): boolean =>
    [...(graph.get(a) ?? [])].some((n) => {
      if (n === b) return true;
      if (seen.has(n)) return false;
      seen.add(n);
      return reaches(n, b, seen);
    });
  return [...graph.keys()].filter((f) => reaches(f, f)).sort();
}

describe('stages inside a layer', () => {
  it.each(Object.keys(STAGES))('%s: every folder is a known stage', (layer) => {
    const unknown = [...new Set(files(layer).map((f) => stageOf(layer, f)))].filter((s) => s !== undefined && !STAGES[layer]!.includes(s));
    expect(unknown, `add the folder to STAGES in order (and to ARCHITECTURE.md)`).toEqual([]);
  });

  it.each(Object.keys(STAGES))('%s: no import from a later stage', (layer) => {
    const order = STAGES[layer]!;
    const bad = files(layer).flatMap((f) => {
      const own = stageOf(layer, f);
      if (own === undefined) return [];
      return imports(f)
        .filter((i) => {
          const target = stageOf(layer, i);
          return target !== undefined && order.indexOf(target) > order.indexOf(own);
        })
        .map((i) => `${f} → ${i}`);
    });
    expect(bad, `a stage imports only itself and earlier stages: ${order.join(' → ')}`).toEqual([]);
  });

  it.each(Object.keys(STAGES))('%s: no two folders import each other', (layer) => {
    expect(onCycles(folderGraph(layer))).toEqual([]);
  });

  it('finds a backward import and a cycle when there is one', () => {
    expect(stageOf('harness', 'harness/checks/server/x.check.ts')).toBe('checks');
    expect(stageOf('harness', 'harness/vitest.ts')).toBeUndefined();
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(onCycles(graph)).toEqual(['a', 'b', 'c']);
  });
});

describe('the library speaks no CLI', () => {
  /** Every option the CLI's help texts list. */
  const flags = [...new Set(files('cli').flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/^ {2}--([a-z][a-z-]+)/gm)].map((m) => m[1]!)))];

  /** A file's text, comments included: the library's words are option names, never flags. */
  const code = (file: string) => readFileSync(join(ROOT, file), 'utf8');

  it('knows the flags it looks for', () => {
    expect(flags).toEqual(expect.arrayContaining(['param', 'user-id', 'strict', 'require-all', 'fail-on', 'resources']));
  });

  it.each(['generator', 'harness'])('%s: no string or comment names a CLI flag', (layer) => {
    const named = new RegExp(`--(${flags.join('|')})\\b`);
    const bad = files(layer).flatMap((f) =>
      code(f)
        .split('\n')
        .filter((l) => named.test(l))
        .map((l) => `${f}: ${l.trim()}`),
    );
    expect(bad, 'word usage problems and hints as data; cli/ names the flags').toEqual([]);
  });
});
