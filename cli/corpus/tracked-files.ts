/**
 * The include and resource loaders of one api page, recording every file they looked at (found or not) with
 * its content hash. That list is what the page depends on: the cache redoes the page when any of those files
 * changes, appears or disappears.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resourceFileNames, type ResourceLoader } from '../../generator/extract/type-registry.js';
import type { IncludeResolver } from '../../generator/read/markdown.js';
import { displayPath } from '../io.js';
import { contentHash } from './hash.js';

/** Display path → content hash, or null for a file that was looked for and is not there. */
export type Dependencies = Map<string, string | null>;

export interface TrackedLoaders {
  resolveInclude: IncludeResolver;
  resources: ResourceLoader;
}

/** Loaders that add what they read to `deps`, which the caller resets for each page. */
export function trackedLoaders(pageDir: string, resourcesDir: string, deps: () => Dependencies): TrackedLoaders {
  const read = (path: string): { file: string; text: string } | undefined => {
    const file = displayPath(path);
    if (!existsSync(path)) {
      deps().set(file, null);
      return undefined;
    }
    const text = readFileSync(path, 'utf8');
    deps().set(file, contentHash(text));
    return { file, text };
  };
  return {
    resolveInclude: (target) => read(resolve(pageDir, target)),
    resources: (name, link) => {
      for (const f of resourceFileNames(name, link)) {
        const found = read(join(resourcesDir, f));
        if (found) return found;
      }
      return undefined;
    },
  };
}
