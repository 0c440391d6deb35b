/**
 * The inputs of drift and matrix: a spec file (`*.json`) is read as it is; anything else is a page, run
 * through the generator the way `docspec generate PAGE` would (includes from its folder, types from
 * ../resources), so a docs checkout can be compared without generating first.
 */
import { dirname, join } from 'node:path';
import { generateSpec } from '../generator/pipeline/generate.js';
import type { Spec } from '../generator/ir/ir.js';
import { displayPath, readInput, UsageError } from './io.js';
import { loadSpec } from './load-spec.js';
import { includeResolver, resourceLoader } from './page-files.js';

export function specOrPage(file: string): Spec {
  if (/\.json$/i.test(file)) return loadSpec(file);
  const text = readInput(file);
  const base = dirname(file);
  const result = generateSpec({
    file: displayPath(file),
    text,
    resolveInclude: includeResolver(base),
    resources: resourceLoader(join(base, '..', 'resources')),
  });
  if (!result.ok) {
    const d = result.diagnostics[0];
    throw new UsageError(d ? `${d.file}:${d.line}:${d.column}: ${d.message}` : `${file}: the page could not be read`);
  }
  return result.spec;
}
