/**
 * Resource page models kept between runs of corpus mode, one JSON file per page text under
 * `OUT/.docspec-models/`. A warm run that redoes one api page would otherwise parse every resource page it
 * resolves again, in a fresh worker whose code V8 has not compiled yet: for Update user, 19 pages and most
 * of the run. A file is named by the page's display path and content hash, so a changed page is parsed
 * anew and never read from an older model; the run that starts over clears the folder, and each run
 * removes the models no cached page depends on any more.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceModelStore } from '../../generator/extract/resource-cache.js';
import type { PageModel } from '../../generator/read/page-model.js';
import { writeAtomic } from '../io.js';
import { contentHash } from './hash.js';

export const MODELS_DIR = '.docspec-models';

/** The file a model of `file` with text hash `hash` is kept in. */
export const modelFile = (file: string, hash: string) => `${contentHash(`${file}\0${hash}`)}.json`;

export function modelStore(dir: string): ResourceModelStore {
  return {
    read(file, text) {
      try {
        return JSON.parse(readFileSync(join(dir, modelFile(file, contentHash(text))), 'utf8')) as PageModel;
      } catch {
        // Not kept yet, or unreadable: parsed again (and written anew).
        return undefined;
      }
    },
    write(file, text, page) {
      try {
        mkdirSync(dir, { recursive: true });
        writeAtomic(join(dir, modelFile(file, contentHash(text))), JSON.stringify(page));
      } catch {
        // A model that cannot be kept only costs the next run a parse.
      }
    },
  };
}

/** Removes the models no dependency in `live` (display path, content hash) names. */
export function pruneModels(dir: string, live: Iterable<[string, string | null]>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const keep = new Set<string>();
  for (const [file, hash] of live) if (hash) keep.add(modelFile(file, hash));
  for (const name of names) if (!keep.has(name)) rmSync(join(dir, name), { force: true });
}
