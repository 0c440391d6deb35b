/**
 * Finds the versions and api pages of a docs tree: `<dir>/<version>/api/*.md`, with the resource pages of
 * the same version in `<dir>/<version>/resources/`. A version folder itself (one with `api/`) also works:
 * its variant is `variant` when given, else the folder's name (`v1.0`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../io.js';

export interface DocsVersion {
  name: string;
  dir: string;
  apiDir: string;
  resourcesDir: string;
  /** File names in api/, sorted, so pages about one resource stay together (and share its types). */
  pages: string[];
}

export function findVersions(docsDir: string, variant?: string): DocsVersion[] {
  if (!existsSync(docsDir) || !statSync(docsDir).isDirectory()) throw new UsageError(`--docs ${docsDir}: no such directory`);
  const single = holdsApi(docsDir);
  if (variant !== undefined && !single) {
    throw new UsageError(`--variant names the one variant of a folder that holds api/ directly; ${docsDir} holds one folder per version`);
  }
  const candidates = single
    ? [docsDir]
    : readdirSync(docsDir)
        .sort()
        .map((d) => join(docsDir, d))
        .filter(holdsApi);
  if (candidates.length === 0) {
    throw new UsageError(`--docs ${docsDir}: no api/ folder in it or in its subfolders (expected DIR/<version>/api/*.md, e.g. api-reference/v1.0/api)`);
  }
  return candidates.map((dir) => {
    const apiDir = join(dir, 'api');
    return {
      name: (single ? variant : undefined) ?? basename(resolve(dir)),
      dir,
      apiDir,
      resourcesDir: join(dir, 'resources'),
      pages: readdirSync(apiDir)
        .filter((f) => f.endsWith('.md'))
        .sort(),
    };
  });
}

/** Whether `dir` holds `api/` itself, so that it is one variant rather than a tree of versions. */
export function holdsApi(dir: string): boolean {
  const api = join(dir, 'api');
  return existsSync(api) && statSync(api).isDirectory();
}
