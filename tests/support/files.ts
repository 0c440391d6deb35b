/** Test support: every file under a folder, by its path there, with its text. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files[relative(dir, join(e.parentPath, e.name)).split('\\').join('/')] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return files;
}
