/**
 * Reader for Graph docs markdown (docs source pages): YAML front matter, `[!INCLUDE …]` lines, annotation
 * comments paired with the code block after them, tab-marker headings, GFM tables.
 */
import type { Code, Heading, List, ListItem as MdListItem, Root, RootContent, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { diagnostic as diag } from '../ir/diagnostic.js';
import { inlineOf, normalizeText, textOf } from './inline.js';
import { type Block, emptyPage, type ListItem, type PageModel, type Position, type Section } from './page-model.js';

/** Supplies the text of an include target (path as written, relative to the page), or undefined. */
export type IncludeResolver = (target: string, fromFile: string) => { file: string; text: string } | RefusedRead | undefined;

/**
 * A file a loader found but may not read: it leads out of the docs root (see the CLI's page-files.ts). The
 * page gets a `read-outside-root` diagnostic saying `why`; nothing of the file is read.
 */
export interface RefusedRead {
  refused: string;
}

export interface MarkdownInput {
  file: string;
  text: string;
  resolveInclude?: IncludeResolver;
}

const INCLUDE_LINE = /^\[!INCLUDE\s*\[([^\]]*)\]\(([^)\s]+)\)\s*\]\s*$/i;
const MAX_INCLUDE_DEPTH = 4;

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

interface State {
  page: PageModel;
  current: Block[];
  titleSeen: boolean;
  pendingAnnotation?: Record<string, unknown>;
  resolveInclude?: IncludeResolver;
}

export function readMarkdown(input: MarkdownInput): PageModel {
  const page = emptyPage(input.file, 'markdown');
  const state: State = { page, current: page.intro, titleSeen: false, resolveInclude: input.resolveInclude };
  visitRoot(state, parseMarkdown(input.text), input.file, input.text, 0);
  if (!page.title && typeof page.frontMatter.title === 'string') page.title = page.frontMatter.title;
  return page;
}

function visitRoot(state: State, root: Root, file: string, text: string, depth: number): void {
  const lines = text.split(/\r?\n/);
  for (const node of root.children) visitNode(state, node, file, lines, depth);
}

function posOf(node: { position?: { start: { line: number; column: number } } }, file: string): Position {
  return { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function visitNode(state: State, node: RootContent, file: string, lines: string[], depth: number): void {
  const { page } = state;
  const pos = posOf(node, file);
  if (node.type !== 'code' && node.type !== 'html') state.pendingAnnotation = undefined;
  switch (node.type) {
    case 'yaml': {
      try {
        const data: unknown = parseYaml(node.value);
        if (data && typeof data === 'object' && depth === 0) page.frontMatter = data as Record<string, unknown>;
      } catch (e) {
        page.diagnostics.push(diag('front-matter-invalid', 'warning', `Front matter is not valid YAML: ${firstLine(e)}`, pos));
      }
      return;
    }
    case 'heading':
      visitHeading(state, node, pos);
      return;
    case 'html': {
      const annotation = parseAnnotation(node.value);
      if (annotation === 'invalid') {
        page.diagnostics.push(diag('annotation-invalid', 'warning', 'Annotation comment is not valid JSON', pos));
      } else if (annotation) {
        state.pendingAnnotation = annotation;
      }
      return;
    }
    case 'code':
      state.current.push(codeBlock(node, pos, lines, state.pendingAnnotation));
      state.pendingAnnotation = undefined;
      return;
    case 'paragraph': {
      const start = node.position?.start.line ?? 0;
      const end = node.position?.end.line ?? start;
      const srcLines = lines.slice(start - 1, end).map((l) => l.trim());
      if (srcLines.length > 0 && srcLines.every((l) => INCLUDE_LINE.test(l))) {
        for (const [i, l] of srcLines.entries()) visitInclude(state, l, { file, line: start + i, column: 1 }, depth);
        return;
      }
      state.current.push({ kind: 'paragraph', ...inlineOf(node.children, pos) });
      return;
    }
    case 'table':
      state.current.push(tableBlock(node, pos, file));
      return;
    case 'list':
      state.current.push({ kind: 'list', items: listItems(node, file), pos });
      return;
    case 'blockquote': {
      const saved = state.current;
      const inner: Block[] = [];
      state.current = inner;
      for (const child of node.children) visitNode(state, child, file, lines, depth);
      state.current = saved;
      // `> [!NOTE]` marks the quote as a note; the marker itself is not content.
      const blocks = inner.filter((b) => !(b.kind === 'paragraph' && /^\[!(NOTE|IMPORTANT|TIP|WARNING|CAUTION)\]$/i.test(b.text)));
      for (const b of blocks) {
        if (b.kind === 'paragraph') b.text = b.text.replace(/^\[!(NOTE|IMPORTANT|TIP|WARNING|CAUTION)\]\s*/i, '');
      }
      state.current.push({ kind: 'note', blocks, pos });
      return;
    }
    default:
      return;
  }
}

function visitHeading(state: State, node: Heading, pos: Position): void {
  const { page } = state;
  // `# [HTTP](#tab/http)` lines are tab markers of the docs site, not sections.
  if (node.children.some((c) => c.type === 'link' && c.url.startsWith('#tab/'))) return;
  const title = normalizeText(textOf(node));
  if (node.depth === 1 && !state.titleSeen) {
    state.titleSeen = true;
    page.title = title;
    return;
  }
  const section: Section = { title, depth: node.depth, pos, blocks: [] };
  page.sections.push(section);
  state.current = section.blocks;
}

function visitInclude(state: State, line: string, pos: Position, depth: number): void {
  const m = INCLUDE_LINE.exec(line)!;
  const name = m[1]!;
  const target = m[2]!;
  const answer = depth < MAX_INCLUDE_DEPTH ? state.resolveInclude?.(target, pos.file) : undefined;
  if (answer && 'refused' in answer)
    state.page.diagnostics.push(diag('read-outside-root', 'warning', `Include \`${target}\` is not read: ${answer.refused}`, pos));
  const found = answer && 'refused' in answer ? undefined : answer;
  state.page.includes.push({ target, resolved: !!found, pos });
  state.current.push({ kind: 'include', name, target, resolved: !!found, pos });
  if (found) {
    const text = found.text.replace(/\r(?!\n)/g, '\n');
    const root = parseMarkdown(text);
    // Front matter of an include describes the include file, not the page.
    root.children = root.children.filter((c) => c.type !== 'yaml');
    visitRoot(state, root, found.file, text, depth + 1);
  }
}

function codeBlock(node: Code, pos: Position, lines: string[], annotation?: Record<string, unknown>): Block {
  const fenced = /^\s*(```|~~~)/.test(lines[pos.line - 1] ?? '');
  const block: Block = { kind: 'code', lang: (node.lang ?? '').trim(), value: node.value, pos, fenced };
  if (annotation) block.annotation = annotation;
  return block;
}

function tableBlock(node: Table, pos: Position, file: string): Block {
  const [head, ...body] = node.children;
  const header = (head?.children ?? []).map((c) => normalizeText(textOf(c)));
  const rows = body.map((row) => ({
    pos: posOf(row, file),
    cells: row.children.map((cell) => inlineOf(cell.children, posOf(cell, file))),
  }));
  return { kind: 'table', header, rows, pos };
}

function listItems(list: List, file: string): ListItem[] {
  return list.children.map((item: MdListItem) => {
    const inline = inlineOf(
      item.children.filter((c) => c.type !== 'list'),
      posOf(item, file),
    );
    const children = item.children.filter((c): c is List => c.type === 'list').flatMap((l) => listItems(l, file));
    return { ...inline, children };
  });
}

/** `<!-- { "blockType": "request" } -->` → the object; other comments → undefined. */
export function parseAnnotation(html: string): Record<string, unknown> | 'invalid' | undefined {
  const m = /^<!--([\s\S]*)-->\s*$/.exec(html.trim());
  if (!m) return undefined;
  const body = m[1]!.trim();
  if (!body.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return 'invalid';
  }
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0] ?? '';
}
