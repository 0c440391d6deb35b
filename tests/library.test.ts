/**
 * The library does what the CLI does, as functions over data: generating the bundled pages with
 * `generateSpec` and planning their outputs with `planOutputs` (both from the package's entry point) gives,
 * byte for byte, the files `docspec generate` committed.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSpec, planOutputs, type Spec } from '../index.js';
import { includeResolver, resourceLoader } from '../cli/page-files.js';
import { ROOT } from './support/pages.js';

const CONFIG = JSON.parse(readFileSync(join(ROOT, 'docspec.config.json'), 'utf8')) as {
  specDir: string;
  generatedDir: string;
  pages: { file: string; variant: string; base: string }[];
};

describe('the library API', () => {
  const rel = (p: string) => relative(ROOT, p).split('\\').join('/');
  const specs: Spec[] = CONFIG.pages.map((page) => {
    const base = join(ROOT, page.base);
    const r = generateSpec({
      file: page.file,
      text: readFileSync(join(ROOT, page.file), 'utf8'),
      variant: page.variant,
      resolveInclude: includeResolver(base, rel),
      resources: resourceLoader(join(base, '..', 'resources'), rel),
      // Sources are relative to the config's folder, the project root; the spec says where that is from spec/.
      root: relative(join(ROOT, CONFIG.specDir), ROOT),
    });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    return r.spec;
  });
  const plan = planOutputs(specs, {
    specDir: join(ROOT, CONFIG.specDir),
    generatedDir: join(ROOT, CONFIG.generatedDir),
    runtimeSource: readFileSync(join(ROOT, 'generator/emit/runtime.ts'), 'utf8'),
  });

  it('plans every committed output of the bundled pages, each byte for byte', () => {
    if (!plan.ok) throw new Error(JSON.stringify(plan.problem));
    expect(plan.outputs.size).toBeGreaterThan(specs.length);
    for (const [path, text] of plan.outputs) expect(text, rel(path)).toBe(readFileSync(path, 'utf8'));
  });

  it('refuses two specs that would write one file, as data', () => {
    const twice = planOutputs([specs[0]!, specs[0]!], { specDir: 'spec', generatedDir: 'generated', runtimeSource: '' });
    expect(twice).toEqual({ ok: false, problem: { code: 'same-output', path: join('spec', `${specs[0]!.operation}.${specs[0]!.variant}.json`) } });
  });
});
