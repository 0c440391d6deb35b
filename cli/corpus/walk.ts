/**
 * Finds the versions and api pages of a docs tree: `<dir>/<version>/api/*.md`, with the resource pages of
 * the same version in `<dir>/<version>/resources/`. A version folder itself (one with `api/`) also works.
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

export function findVersions(docsDir: string): DocsVersion[] {
  if (!existsSync(docsDir) || !statSync(docsDir).isDirectory()) throw new UsageError(`--docs ${docsDir}: no such directory`);
  const candidates = isVersionDir(docsDir)
    ? [docsDir]
    : readdirSync(docsDir)
        .sort()
        .map((d) => join(docsDir, d))
        .filter(isVersionDir);
  if (candidates.length === 0) {
    throw new UsageError(`--docs ${docsDir}: no api/ folder in it or in its subfolders (expected DIR/<version>/api/*.md, e.g. api-reference/v1.0/api)`);
  }
  return candidates.map((dir) => {
    const apiDir = join(dir, 'api');
    return {
      name: basename(resolve(dir)),
      dir,
      apiDir,
      resourcesDir: join(dir, 'resources'),
      pages: readdirSync(apiDir)
        .filter((f) => f.endsWith('.md'))
        .sort(),
    };
  });
}

function isVersionDir(dir: string): boolean {
  const api = join(dir, 'api');
  return existsSync(api) && statSync(api).isDirectory();
}
