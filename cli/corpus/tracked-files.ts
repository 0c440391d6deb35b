/**
 * The include and resource loaders of one api page, recording every file they looked at (found or not) with
 * its content hash. That list is what the page depends on: the cache redoes the page when any of those files
 * changes, appears or disappears.
 */
import type { ResourceLoader } from '../../generator/extract/type-registry.js';
import type { IncludeResolver } from '../../generator/read/markdown.js';
import { displayPath } from '../io.js';
import { includeResolver, resourceLoader } from '../page-files.js';
import { contentHash } from './hash.js';

/** Display path → content hash, or null for a file that was looked for and is not there. */
export type Dependencies = Map<string, string | null>;

export interface TrackedLoaders {
  resolveInclude: IncludeResolver;
  resources: ResourceLoader;
}

/** The CLI's loaders, adding what they read to `deps()`, which the caller resets for each page. */
export function trackedLoaders(pageDir: string, resourcesDir: string, deps: () => Dependencies): TrackedLoaders {
  const seen = (file: string, text: string | undefined) => deps().set(file, text === undefined ? null : contentHash(text));
  return { resolveInclude: includeResolver(pageDir, displayPath, seen), resources: resourceLoader(resourcesDir, displayPath, seen)! };
}
