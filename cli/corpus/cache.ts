/**
 * The incremental cache of corpus mode: for each api page, the hash of its text, the files it read (with their
 * hashes), the outputs it wrote and its statistics. A page is redone only when its text, one of those files or
 * docspec itself changed, or when an output of it went missing; everything else comes from here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageStats } from '../../generator/corpus/page-stats.js';
import { writeAtomic } from '../io.js';
import { contentHash } from './hash.js';

export interface CacheEntry {
  /** The page's display path. */
  file: string;
  version: string;
  operation: string;
  hash: string;
  deps: [string, string | null][];
  /** Paths relative to the output folder. */
  outputs: string[];
  stats: PageStats;
  /** Formatted diagnostic lines of the page. */
  diagnostics: string[];
}

interface Manifest {
  format: 1;
  fingerprint: string;
  /**
   * The docs tree, as a path from the output folder. Entries are keyed by paths inside the tree, and a spec
   * records where its tree is: another tree's entries are not this one's, even for the same paths.
   */
  root?: string;
  entries: CacheEntry[];
}

export const CACHE_FILE = '.docspec-cache.json';

export interface LoadedCache {
  entries: Map<string, CacheEntry>;
  /** Why nothing could be reused, when that is the case. */
  reason?: string;
}

export function loadCache(outDir: string, fingerprint: string, root?: string): LoadedCache {
  const path = join(outDir, CACHE_FILE);
  if (!existsSync(path)) return { entries: new Map(), reason: 'no cache yet' };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return { entries: new Map(), reason: `${path} is unreadable; starting over` };
  }
  if (manifest.format !== 1 || !Array.isArray(manifest.entries)) return { entries: new Map(), reason: `${path} has an unknown format; starting over` };
  const entries = new Map(manifest.entries.map((e) => [e.file, e]));
  if (manifest.fingerprint !== fingerprint) return { entries: new Map(), reason: 'docspec changed since the last run; starting over' };
  if (root !== undefined && manifest.root !== root)
    return { entries: new Map(), reason: `the last run read another docs tree (${manifest.root ?? 'unknown'}); starting over` };
  return { entries };
}

export function saveCache(outDir: string, fingerprint: string, root: string, entries: Iterable<CacheEntry>): void {
  const manifest: Manifest = { format: 1, fingerprint, root, entries: [...entries].sort((a, b) => a.file.localeCompare(b.file)) };
  writeAtomic(join(outDir, CACHE_FILE), JSON.stringify(manifest));
}

/**
 * Identifies the docspec that made a cache: a hash over the generator's code and corpus mode's own, as
 * installed. Any change to them (an upgrade, a local edit) invalidates every entry.
 */
export function toolFingerprint(): string {
  const roots = [new URL('../../generator/', import.meta.url), new URL('./', import.meta.url)];
  const parts: string[] = [];
  for (const root of roots) {
    for (const file of listFiles(fileURLToPath(root))) parts.push(file, readFileSync(file, 'utf8'));
  }
  return contentHash(parts.join('\0'));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return listFiles(path);
      return /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts') ? [path] : [];
    });
}

/** Current hashes of dependency files, each read at most once per run. */
export class DependencyHashes {
  private readonly known = new Map<string, string | null>();

  /** `root`: the tree the files are named from. */
  constructor(private readonly root: string) {}

  current(file: string): string | null {
    let h = this.known.get(file);
    if (h === undefined) {
      const path = join(this.root, file);
      h = existsSync(path) ? contentHash(readFileSync(path, 'utf8')) : null;
      this.known.set(file, h);
    }
    return h;
  }

  /** Whether every file the entry read is as it was. */
  unchanged(deps: [string, string | null][]): boolean {
    return deps.every(([file, hash]) => this.current(file) === hash);
  }
}
