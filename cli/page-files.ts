/**
 * How a page's `[!INCLUDE]` targets and resource pages are read from disk. The CLI and the test support use
 * the same loaders, so tests run the generator exactly as `docspec generate` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resourceFileNames, type ResourceLoader } from '../generator/extract/type-registry.js';
import type { IncludeResolver } from '../generator/read/markdown.js';
import { displayPath, isInside } from './io.js';

/** Told of every file a loader looks at: its display path and text, or undefined when it is not there. */
export type FileObserver = (file: string, text: string | undefined) => void;

function readIfThere(path: string, display: (path: string) => string, seen?: FileObserver): { file: string; text: string } | undefined {
  const file = display(path);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  seen?.(file, text);
  return text === undefined ? undefined : { file, text };
}

/**
 * `display` turns an absolute path into the one diagnostics and sources show (default: relative to cwd).
 * Targets resolve only inside the docs tree — `root`, by default two levels above `base` (`<tree>/<version>/api`)
 * — so a page cannot pull an arbitrary file (`/etc/passwd`, `../../../.ssh/…`) into its spec: such an include
 * stays unresolved, like a missing one.
 */
export function includeResolver(
  base: string,
  display: (path: string) => string = displayPath,
  seen?: FileObserver,
  root = resolve(base, '..', '..'),
): IncludeResolver {
  return (target) => {
    const path = resolve(base, target);
    return isInside(root, path) ? readIfThere(path, display, seen) : undefined;
  };
}

/**
 * Undefined when the folder is missing: types then degrade to diagnostics instead of failed lookups. With an
 * observer the loader is always given, since the names looked for are what the observer wants to know.
 */
export function resourceLoader(dir: string, display: (path: string) => string = displayPath, seen?: FileObserver): ResourceLoader | undefined {
  if (!seen && !existsSync(dir)) return undefined;
  return (name, link) => {
    for (const f of resourceFileNames(name, link)) {
      const found = readIfThere(join(dir, f), display, seen);
      if (found) return found;
    }
    return undefined;
  };
}
