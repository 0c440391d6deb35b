/**
 * `docspec drift --docs BASE HEAD`: two checkouts of a docs tree (a pull request's base and head). Each tree
 * runs through corpus mode into its own folder under --out, so a re-run redoes only pages whose text or
 * dependencies changed; then pages are paired by version and file name, and a pair whose page and every file
 * it read are byte-identical costs only that comparison of hashes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { DriftChange, DriftReport } from '../generator/diff/change.js';
import { CLIENT, report, SERVER } from '../generator/diff/change.js';
import { diffSpecs } from '../generator/diff/diff-specs.js';
import type { OperationSpec } from '../generator/ir/ir.js';
import { type CacheEntry, loadCache, toolFingerprint } from './corpus/cache.js';
import { generateCorpus } from './corpus/generate-corpus.js';
import { holdsApi } from './corpus/walk.js';
import { displayPath, stderr, UsageError } from './io.js';

export interface TreeDrift {
  reports: DriftReport[];
  pages: { base: number; head: number; unchanged: number };
  /** Pages read this run (not reused from the cache), and pages that could not be read, per side. */
  read: { base: number; head: number };
  failed: { base: number; head: number };
  /** Page pairs that changed but could not be compared (a side without a spec): the run cannot vouch for them. */
  uncompared: { page: string; why: string }[];
}

interface Side {
  root: string;
  out: string;
  entries: Map<string, CacheEntry>;
}

/** `v1.0/user-update.md`: what pairs a page of BASE with its page in HEAD. */
function pageKey(e: CacheEntry): string {
  return `${e.version}/${e.file.split('/').pop()}`;
}

/** Dependencies are named by their path inside their tree, so BASE's `v1.0/resources/user.md` meets HEAD's. */
function sameInputs(b: CacheEntry, h: CacheEntry): boolean {
  if (!b.hash || b.hash !== h.hash || b.deps.length !== h.deps.length) return false;
  const deps = (e: CacheEntry) =>
    e.deps
      .map(([f, hash]) => `${f}\0${hash}`)
      .sort()
      .join('\n');
  return deps(b) === deps(h);
}

function readSpec(side: Side, e: CacheEntry): OperationSpec | undefined {
  const path = e.outputs.find((o) => o.startsWith('spec'));
  if (!path || !existsSync(join(side.out, path))) return undefined;
  return JSON.parse(readFileSync(join(side.out, path), 'utf8')) as OperationSpec;
}

function pageOnly(side: 'BASE' | 'HEAD', e: CacheEntry, spec: OperationSpec | undefined, other: string): DriftReport {
  const at = spec?.http.paths[0]?.source ?? { file: e.file, line: 1, column: 1 };
  const title = spec ? `${spec.title} (${spec.http.method} ${spec.http.paths[0]?.template ?? ''})`.trim() : e.file;
  // The page's title and request line are what it stated; BASE's side is the "before", HEAD's the "after".
  const change: DriftChange =
    side === 'BASE'
      ? { kind: 'operation-removed', subject: e.operation, message: `${title}: the page is only in BASE`, before: title, breaking: CLIENT, a: at }
      : { kind: 'operation-added', subject: e.operation, message: `${title}: the page is only in HEAD`, after: title, breaking: SERVER, b: at };
  const here = { file: e.file, operation: e.operation, variant: e.version, kind: 'docs' as const };
  const there = { file: other, operation: e.operation, variant: e.version, kind: 'docs' as const };
  return side === 'BASE' ? report(here, there, [change]) : report(there, here, [change]);
}

export async function driftTrees(baseDir: string, headDir: string, out: string, quiet: boolean, variant?: string): Promise<TreeDrift> {
  if (resolve(baseDir) === resolve(headDir)) throw new UsageError(`--docs ${baseDir} ${headDir}: BASE and HEAD are the same folder`);
  // Pages pair by their path inside the tree, whose first folder is the variant: two checkouts of one
  // version folder named otherwise (old/, new/) would share no page unless they are given one name.
  const [baseName, headName] = [baseDir, headDir].map((d) => basename(resolve(d)));
  if (variant === undefined && holdsApi(baseDir) && holdsApi(headDir) && baseName !== headName) {
    throw new UsageError(`--docs ${baseDir} ${headDir}: both hold api/ directly; name their variant with --variant (e.g. --variant v1.0)`);
  }
  const sides: Side[] = [];
  const read = { base: 0, head: 0 };
  const failed = { base: 0, head: 0 };
  for (const [name, dir] of [
    ['base', baseDir],
    ['head', headDir],
  ] as const) {
    const sideOut = join(out, name);
    if (!quiet) stderr(`docspec: reading ${name.toUpperCase()} ${displayPath(dir) || '.'}\n`);
    const summary = await generateCorpus({
      docs: dir,
      ...(variant === undefined ? {} : { variant }),
      out: sideOut,
      jobs: availableParallelism(),
      cache: true,
      verbose: false,
      quiet,
    });
    read[name] = summary.processed;
    failed[name] = summary.failed;
    if (!quiet) stderr(`docspec: ${summary.pages} pages (${summary.processed} read, ${summary.cached} unchanged since the last run)\n`);
    // A page that cannot be read has no spec to compare; say so rather than report it as unchanged.
    if (summary.failed)
      stderr(
        `docspec: ${summary.failed} page${summary.failed === 1 ? '' : 's'} of ${name.toUpperCase()} could not be read (see ${displayPath(join(sideOut, 'diagnostics.txt'))}); not compared\n`,
      );
    sides.push({ root: dir, out: sideOut, entries: loadCache(sideOut, toolFingerprint()).entries });
  }
  const [base, head] = sides as [Side, Side];
  const byKey = (s: Side) => new Map([...s.entries.values()].map((e) => [pageKey(e), e]));
  const b = byKey(base);
  const h = byKey(head);
  const reports: DriftReport[] = [];
  const uncompared: TreeDrift['uncompared'] = [];
  let unchanged = 0;
  for (const [key, eb] of [...b].sort(([x], [y]) => x.localeCompare(y))) {
    const eh = h.get(key);
    if (!eh) {
      reports.push(pageOnly('BASE', eb, readSpec(base, eb), pageIn(headDir, eb.version, key)));
      continue;
    }
    if (sameInputs(eb, eh)) {
      unchanged++;
      continue;
    }
    const sa = readSpec(base, eb);
    const sb = readSpec(head, eh);
    if (sa && sb) reports.push(diffSpecs(sa, sb));
    // Never a silent skip: a changed page the run cannot compare may hide any change, breaking ones too.
    else uncompared.push({ page: key, why: whyNoSpec([sa ? undefined : ['BASE', base, eb], sb ? undefined : ['HEAD', head, eh]]) });
  }
  for (const [key, eh] of [...h].sort(([x], [y]) => x.localeCompare(y))) {
    if (!b.has(key)) reports.push(pageOnly('HEAD', eh, readSpec(head, eh), pageIn(baseDir, eh.version, key)));
  }
  return { reports, pages: { base: b.size, head: h.size, unchanged }, read, failed, uncompared };
}

/** Where the page `key` would be in the tree at `root` (a folder of versions, or one that holds api/ itself), inside it. */
function pageIn(root: string, version: string, key: string): string {
  const name = key.split('/').pop()!;
  return holdsApi(root) ? `api/${name}` : `${version}/api/${name}`;
}

/** Why the sides named have no spec of a page: it failed (its diagnostics say why) or its output is missing. */
function whyNoSpec(sides: ([name: string, side: Side, entry: CacheEntry] | undefined)[]): string {
  return sides
    .filter((s) => s !== undefined)
    .map(([name, side, e]) =>
      e.stats.failed
        ? `${name} could not read it (see ${displayPath(join(side.out, 'diagnostics.txt'))})`
        : `${name} has no spec of it in ${displayPath(side.out) || '.'}`,
    )
    .join('; ');
}
