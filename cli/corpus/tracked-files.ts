/**
 * The include and resource loaders of one api page, recording every file they looked at (found or not) with
 * its content hash. That list is what the page depends on: the cache redoes the page when any of those files
 * changes, appears or disappears.
 */
import type { ResourceLoader } from '../../generator/extract/type-registry.js';
import type { IncludeResolver } from '../../generator/read/markdown.js';
import { rootRelative } from '../docs-root.js';
import { includeResolver, resourceLoader } from '../page-files.js';
import { contentHash } from './hash.js';

/** Path inside the tree → content hash, or null for a file that was looked for and is not there. */
export type Dependencies = Map<string, string | null>;

export interface TrackedLoaders {
  resolveInclude: IncludeResolver;
  resources: ResourceLoader;
}

/**
 * The CLI's loaders, adding what they read to `deps()`, which the caller resets for each page. Files are named
 * by their path inside the tree at `root`: what sources show, and what the cache and drift compare.
 */
export function trackedLoaders(root: string, pageDir: string, resourcesDir: string, deps: () => Dependencies): TrackedLoaders {
  const seen = (file: string, text: string | undefined) => deps().set(file, text === undefined ? null : contentHash(text));
  const named = rootRelative(root);
  // Nothing outside the tree is read, links followed (page-files.ts).
  return { resolveInclude: includeResolver(pageDir, named, seen, root), resources: resourceLoader(resourcesDir, named, seen, root)! };
}
