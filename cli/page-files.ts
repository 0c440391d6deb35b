/**
 * How a page's `[!INCLUDE]` targets and resource pages are read from disk. The CLI and the test support use
 * the same loaders, so tests run the generator exactly as `docspec generate` does.
 *
 * Every read is bounded by a folder (the docs tree, or the resources folder), after following links: a page
 * cannot pull an arbitrary file (`/etc/passwd`, `../../../.ssh/…`, or a symlink to one) into its spec and its
 * generated code. Such a file is refused: nothing of it is read, and the page gets a `read-outside-root`
 * diagnostic.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { resourceFileNames, type ResourceLoader } from '../generator/extract/type-registry.js';
import type { IncludeResolver, RefusedRead } from '../generator/read/markdown.js';
import { displayPath, isInside } from './io.js';

/** Told of every file a loader looks at: its display path and text, or undefined when it is not there. */
export type FileObserver = (file: string, text: string | undefined) => void;

/** Where a path leads once every link on the way is followed (the path itself when it does not exist). */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Whether `path` is in the folder `bound` once links are followed. */
export function insideAfterLinks(bound: string, path: string): boolean {
  return isInside(real(bound), real(path));
}

const OUTSIDE: RefusedRead = { refused: 'it leads out of the docs root' };

/** `realBound`: the bounding folder, its links followed. */
function readIfThere(
  path: string,
  realBound: string,
  display: (path: string) => string,
  seen?: FileObserver,
): { file: string; text: string } | RefusedRead | undefined {
  const file = display(path);
  if (!existsSync(path)) {
    seen?.(file, undefined);
    return undefined;
  }
  // Not read, so it adds nothing the cache could hash: it is recorded as not there.
  if (!isInside(realBound, real(path))) {
    seen?.(file, undefined);
    return OUTSIDE;
  }
  const text = readFileSync(path, 'utf8');
  seen?.(file, text);
  return { file, text };
}

/**
 * The folder includes of a page whose includes resolve against `base` may come from: the tree `R` when `base`
 * is `R/<version>/api`, else `base` itself.
 */
export function includeBound(base: string): string {
  const dir = resolve(base);
  return basename(dir) === 'api' ? dirname(dirname(dir)) : dir;
}

/** `display` turns an absolute path into the one diagnostics and sources show (default: relative to cwd). */
export function includeResolver(
  base: string,
  display: (path: string) => string = displayPath,
  seen?: FileObserver,
  root = includeBound(base),
): IncludeResolver {
  const realRoot = real(root);
  return (target) => {
    const path = resolve(base, target);
    return isInside(root, path) ? readIfThere(path, realRoot, display, seen) : OUTSIDE;
  };
}

/**
 * Undefined when the folder is missing: types then degrade to diagnostics instead of failed lookups. With an
 * observer the loader is always given, since the names looked for are what the observer wants to know.
 * `bound` is the folder a resource page may lead into (default: the resources folder itself).
 */
export function resourceLoader(dir: string, display: (path: string) => string = displayPath, seen?: FileObserver, bound = dir): ResourceLoader | undefined {
  if (!seen && !existsSync(dir)) return undefined;
  const realBound = real(bound);
  return (name, link) => {
    for (const f of resourceFileNames(name, link)) {
      const found = readIfThere(join(dir, f), realBound, display, seen);
      if (found) return found;
    }
    return undefined;
  };
}
