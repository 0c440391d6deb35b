/** Test support: runs the generator on bundled pages and corpus pages with the CLI's own loaders. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { rootRelative } from '../../cli/docs-root.js';
import { includeResolver, resourceLoader } from '../../cli/page-files.js';
import { generateSpec } from '../../generator/pipeline/generate.js';
import type { ConnectorSpec, OperationSpec, Spec } from '../../generator/ir/ir.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const GRAPH_DOCS = join(CORPUS, 'graph-docs');
export const hasCorpus = existsSync(GRAPH_DOCS);

const rel = (p: string) => relative(ROOT, p).split('\\').join('/');

/**
 * Specs already generated in this process, by file, base and variant: many test files read the same pages,
 * and with modules shared between them one generation serves all. Each caller gets its own copy.
 */
const generated = new Map<string, Spec>();

/**
 * Generates a spec for a page file (path relative to the project root) as `docspec generate --base` would.
 * Files are named from the project root, so tests read a source's line with `lineOf`; with `root`, from that
 * docs root, as the CLI names them (`v1.0/api/group-update.md`).
 */
export function generateFile(file: string, base?: string, variant?: string, root?: string): Spec {
  const abs = resolve(ROOT, file);
  const key = JSON.stringify([abs, base ?? null, variant ?? null, root ?? null]);
  let spec = generated.get(key);
  if (!spec) {
    spec = generateText(file, readFileSync(abs, 'utf8'), base, variant, root);
    generated.set(key, spec);
  }
  return structuredClone(spec);
}

/** Generates a spec from page text as if it sat at `file` (e.g. a hand-edited copy of a bundled page). */
export function generateText(file: string, text: string, base?: string, variant?: string, root?: string): Spec {
  const abs = resolve(ROOT, file);
  const baseDir = base ?? resolve(abs, '..');
  const named = root ? rootRelative(root) : rel;
  const r = generateSpec({
    file: named(abs),
    text,
    variant,
    resolveInclude: includeResolver(baseDir, named),
    resources: resourceLoader(join(baseDir, '..', 'resources'), named),
  });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.spec;
}

/** The bundled pages as `docspec generate` reads them: from docspec.config.json, so tests cannot drift from it. */
const CONFIG = JSON.parse(readFileSync(join(ROOT, 'docspec.config.json'), 'utf8')) as { pages: { file: string; variant: string; base: string }[] };

export function bundled(variant: 'beta' | 'v1.0' | 'localtest' | 'intune'): OperationSpec;
export function bundled(variant: 'connector'): ConnectorSpec;
export function bundled(variant: string): Spec {
  const page = CONFIG.pages.find((p) => p.variant === variant);
  if (!page) throw new Error(`docspec.config.json has no bundled page of variant ${variant}`);
  return generateFile(page.file, resolve(ROOT, page.base), variant);
}

/** Line `n` (1-based) of a file relative to the project root. */
export function lineOf(file: string, n: number): string {
  return readFileSync(resolve(ROOT, file), 'utf8').split(/\r?\n/)[n - 1] ?? '';
}

/** The whole 2021 api-reference (v1.0 and beta), for corpus-mode runs; absent without ../shared. */
export const API_REFERENCE_2021 = join(CORPUS, 'graph-docs-2021-07/api-reference');
export const hasApiReference = existsSync(API_REFERENCE_2021);

/**
 * The 2021 v1.0 groups pages the multi-operation certification runs on (the groups reference server in
 * tests/implementations/servers/groups.ts implements them), read from the corpus where they lie, named after
 * their files as `generate --docs` names them. Empty without the corpus.
 */
export const GROUP_PAGES = [
  'group-post-groups',
  'group-get',
  'group-list',
  'group-update',
  'group-delete',
  'group-list-members',
  'group-post-members',
  'group-delete-members',
] as const;

export function groupSpecs(): OperationSpec[] {
  return corpusSpecs(GROUP_PAGES);
}

/** The 2021 v1.0 user pages the SDKs are certified on (create, get, update), named as `groupSpecs` names them. */
export const USER_PAGES = ['user-post-users', 'user-get', 'user-update'] as const;

export function userSpecs(): OperationSpec[] {
  return corpusSpecs(USER_PAGES);
}

/**
 * The resources `scripts/draw-references.ts` drew with seed 34 among the v1.0 collections with create, get,
 * list, update and delete pages (users and groups left out); their reference servers are tem.ts and
 * planner.ts beside the groups one.
 */
export const TEM_PAGES = [
  'intune-tem-telecomexpensemanagementpartner-create',
  'intune-tem-telecomexpensemanagementpartner-get',
  'intune-tem-telecomexpensemanagementpartner-list',
  'intune-tem-telecomexpensemanagementpartner-update',
  'intune-tem-telecomexpensemanagementpartner-delete',
] as const;

export const PLANNER_PAGES = ['planner-post-tasks', 'plannertask-get', 'planner-list-tasks', 'plannertask-update', 'plannertask-delete'] as const;

export const temSpecs = (): OperationSpec[] => corpusSpecs(TEM_PAGES);
export const plannerSpecs = (): OperationSpec[] => corpusSpecs(PLANNER_PAGES);

function corpusSpecs(names: readonly string[]): OperationSpec[] {
  if (!hasApiReference) return [];
  const api = join(API_REFERENCE_2021, 'v1.0/api');
  return names.map((name) => ({ ...(generateFile(rel(join(api, `${name}.md`)), api, 'v1.0') as OperationSpec), operation: name }));
}

/** A minimal "Update widget" page: its request line, `body` under "Request body", then `after`. */
export function widgetUpdatePage(body: string[], after: string[] = []): string {
  return ['# Update widget', '', '## HTTP request', '', '```http', 'PATCH /widgets/{id}', '```', '', '## Request body', '', ...body, '', ...after].join('\n');
}
