/**
 * How a page's `[!INCLUDE]` targets and resource pages are read from disk. The CLI and the test support use
 * the same loaders, so tests run the generator exactly as `docspec generate` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resourceFileNames, type ResourceLoader } from '../generator/extract/type-registry.js';
import type { IncludeResolver } from '../generator/read/markdown.js';
import { displayPath } from './io.js';

/** `display` turns an absolute path into the one diagnostics and sources show (default: relative to cwd). */
export function includeResolver(base: string, display: (path: string) => string = displayPath): IncludeResolver {
  return (target) => {
    const path = resolve(base, target);
    if (!existsSync(path)) return undefined;
    return { file: display(path), text: readFileSync(path, 'utf8') };
  };
}

/** Undefined when the folder is missing: types then degrade to diagnostics instead of failed lookups. */
export function resourceLoader(dir: string, display: (path: string) => string = displayPath): ResourceLoader | undefined {
  if (!existsSync(dir)) return undefined;
  return (name, link) => {
    for (const f of resourceFileNames(name, link)) {
      const path = join(dir, f);
      if (existsSync(path)) return { file: display(path), text: readFileSync(path, 'utf8') };
    }
    return undefined;
  };
}
