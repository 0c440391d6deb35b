/**
 * The inputs of drift and matrix: a spec file (`*.json`) is read as it is; anything else is a page, run
 * through the generator the way `docspec generate PAGE` would (includes from its folder, types from
 * ../resources), so a docs checkout can be compared without generating first.
 */
import { dirname, join } from 'node:path';
import { generateSpec } from '../generator/pipeline/generate.js';
import type { Spec } from '../generator/ir/ir.js';
import { displayPath, readInput, UsageError } from './io.js';
import { pageRoot, rootRelative } from './docs-root.js';
import { loadSpec } from './load-spec.js';
import { includeResolver, resourceLoader } from './page-files.js';

export function specOrPage(file: string): Spec {
  if (/\.json$/i.test(file)) return loadSpec(file);
  const text = readInput(file);
  const base = dirname(file);
  // Named from the page's docs root, as `docspec generate PAGE` names them: a report of two pages cites
  // `v1.0/api/…` and `beta/api/…` wherever they were read from.
  const root = pageRoot(file);
  const named = rootRelative(root);
  const result = generateSpec({
    file: named(file),
    text,
    resolveInclude: includeResolver(base, named),
    resources: resourceLoader(join(base, '..', 'resources'), named),
  });
  if (!result.ok) {
    const d = result.diagnostics[0];
    throw new UsageError(d ? `${displayPath(join(root, d.file))}:${d.line}:${d.column}: ${d.message}` : `${file}: the page could not be read`);
  }
  return result.spec;
}
