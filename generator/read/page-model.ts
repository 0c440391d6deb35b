/**
 * The page model: what every reader produces, whatever the page format. Extraction only ever sees this,
 * which is why a rendered-text page and the markdown page of the same operation yield the same spec.
 */
import type { Diagnostic, PageFormat, SourceRef } from '../ir/ir.js';

export type Position = SourceRef;

/** Inline content flattened to plain text, with what the markup told us kept on the side. */
export interface Inline {
  /** Plain text; `<br>` becomes a newline and `<li>` a newline plus `• `. */
  text: string;
  links: { text: string; url: string }[];
  /** Text of bold runs, e.g. property names in notes. */
  strong: string[];
  pos: Position;
  /** Lines of the source each text line starts on (rendered text spreads one cell over many lines). */
  lineStarts?: { offset: number; line: number }[];
}

export interface TableRow {
  cells: Inline[];
  pos: Position;
}

export interface ListItem extends Inline {
  children: ListItem[];
}

export type Block =
  | ({ kind: 'paragraph' } & Inline)
  | { kind: 'list'; items: ListItem[]; pos: Position }
  | { kind: 'table'; header: string[]; rows: TableRow[]; pos: Position }
  | {
      kind: 'code';
      lang: string;
      value: string;
      pos: Position;
      /** Fenced blocks start on the fence line; their content starts one line below. */
      fenced?: boolean;
      annotation?: Record<string, unknown>;
    }
  | { kind: 'include'; name: string; target: string; resolved: boolean; pos: Position }
  | { kind: 'note'; blocks: Block[]; pos: Position };

export interface Section {
  title: string;
  /** 1–6 as in markdown; rendered text maps its known headings onto the same depths. */
  depth: number;
  pos: Position;
  blocks: Block[];
}

export interface PageModel {
  file: string;
  format: PageFormat;
  frontMatter: Record<string, unknown>;
  /** The page title (first h1, or the first line of rendered text). */
  title: string;
  /** Blocks before the first section heading (after the title). */
  intro: Block[];
  /** Every heading in document order, flat; use `sectionBlocks` to take one with its subsections. */
  sections: Section[];
  includes: { target: string; resolved: boolean; pos: Position }[];
  diagnostics: Diagnostic[];
}

/** Blocks of the first section whose title matches, including the blocks of its subsections. */
export function sectionBlocks(page: PageModel, title: RegExp): Block[] {
  const start = page.sections.findIndex((s) => title.test(s.title.trim()));
  if (start < 0) return [];
  const first = page.sections[start]!;
  const blocks = [...first.blocks];
  for (const s of page.sections.slice(start + 1)) {
    if (s.depth <= first.depth) break;
    blocks.push(...s.blocks);
  }
  return blocks;
}

/** Subsections (with their own nested blocks) under the first section matching `title`. */
export function subsections(page: PageModel, title: RegExp): Section[] {
  const start = page.sections.findIndex((s) => title.test(s.title.trim()));
  if (start < 0) return [];
  const parent = page.sections[start]!;
  const out: Section[] = [];
  for (const s of page.sections.slice(start + 1)) {
    if (s.depth <= parent.depth) break;
    out.push(s);
  }
  return out;
}

/** Every block of the page, depth first, notes opened. */
export function allBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    out.push(b);
    if (b.kind === 'note') out.push(...allBlocks(b.blocks));
  }
  return out;
}

/** Flattens list items (children after their parent). */
export function flattenItems(items: ListItem[]): ListItem[] {
  return items.flatMap((i) => [i, ...flattenItems(i.children)]);
}

/** The source line of a character offset in an inline's text. */
export function lineAt(inline: Inline, offset: number): number {
  if (!inline.lineStarts || inline.lineStarts.length === 0) return inline.pos.line;
  let line = inline.pos.line;
  for (const s of inline.lineStarts) {
    if (s.offset <= offset) line = s.line;
    else break;
  }
  return line;
}

export function emptyPage(file: string, format: PageFormat): PageModel {
  return { file, format, frontMatter: {}, title: '', intro: [], sections: [], includes: [], diagnostics: [] };
}

export function emptyInline(pos: Position): Inline {
  return { text: '', links: [], strong: [], pos };
}
