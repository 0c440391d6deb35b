/**
 * The docs root of a page: what every source a spec records is relative to (`v1.0/api/group-update.md:48`),
 * so that the same page gives the same spec on every machine and from every working folder.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';

/**
 * The root of a page read on its own: `R` for a page at `R/<version>/api/<page>.md`, where a Graph docs tree
 * keeps its api pages (so its sources read `v1.0/api/…`, as in corpus mode); otherwise the folder above the
 * page's, so that sources keep the folder the page is in (`beta/user-update.md`, `connector/…`), which is what
 * tells two copies of a page apart in most layouts.
 */
export function pageRoot(file: string): string {
  const dir = dirname(resolve(file));
  return basename(dir) === 'api' ? dirname(dirname(dir)) : dirname(dir);
}

/** Names a file by its path from `root`, with `/` separators (`.` for the root itself). */
export function rootRelative(root: string): (path: string) => string {
  const from = resolve(root);
  return (path) => relative(from, resolve(path)).split(sep).join('/') || '.';
}

/**
 * What a spec written into `specDir` records as `page.root`: the way from that folder to the docs root. It
 * depends on where the two folders are, never on the working folder.
 */
export function recordedRoot(specDir: string, root: string): string {
  return rootRelative(specDir)(root);
}
