/**
 * Flattens mdast phrasing content to the plain text extraction works on. Code spans keep their text, links
 * their label, html line breaks and `<li>` become line breaks, so that a sentence reads the same whether it
 * came from markdown or from the docs website's rendered text.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import type { Inline, Position } from './page-model.js';

const LINE_BREAK_HTML = /^<br\s*\/?>$/i;
const LIST_ITEM_HTML = /^<li\b[^>]*>$/i;

export function inlineOf(nodes: readonly PhrasingContent[] | readonly Nodes[], pos: Position): Inline {
  const out: Inline = { text: '', links: [], strong: [], pos };
  const parts: string[] = [];
  // The source line each line of the text starts on: a paragraph's soft line breaks are lines of the page,
  // and a sentence on its third line cites that line, not the paragraph's first.
  const lines: number[] = [pos.line];
  let started = false;
  const newline = (line?: number) => {
    parts.push('\n');
    lines.push(line ?? lines[lines.length - 1]!);
    started = false;
  };
  const text = (value: string, line: number | undefined) => {
    value.split('\n').forEach((segment, i) => {
      if (i > 0) newline(line === undefined ? undefined : line + i);
      if (!started && segment.trim() && line !== undefined) lines[lines.length - 1] = line + i;
      if (segment.trim()) started = true;
      parts.push(segment);
    });
  };
  const walk = (node: Nodes): void => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        text(node.value, line);
        return;
      case 'break':
        newline(node.position?.end.line);
        return;
      case 'html': {
        const tag = node.value.trim();
        if (LINE_BREAK_HTML.test(tag)) newline(line);
        else if (LIST_ITEM_HTML.test(tag)) {
          newline(line);
          parts.push('• ');
        } else if (/^<\/?(ul|ol|p)\b[^>]*>$/i.test(tag)) newline(line);
        // Other inline html (anchors, comments, </li>) carries no text of its own.
        return;
      }
      case 'link':
      case 'linkReference': {
        const label = textOf(node);
        if (node.type === 'link') out.links.push({ text: label, url: node.url });
        node.children.forEach(walk);
        return;
      }
      case 'strong': {
        out.strong.push(textOf(node).trim());
        node.children.forEach(walk);
        return;
      }
      case 'image':
        text(node.alt ?? '', line);
        return;
      case 'paragraph':
        // Paragraphs of one list item stay on lines of their own.
        node.children.forEach(walk);
        newline();
        return;
      default:
        if ('children' in node) (node.children as Nodes[]).forEach(walk);
    }
  };
  for (const n of nodes) walk(n as Nodes);
  const raw = parts.join('').split('\n');
  const kept = raw.map((l, i) => ({ text: normalizeLine(l), line: lines[i] ?? pos.line })).filter((l) => l.text !== '' && l.text !== '•');
  out.text = kept.map((l) => l.text).join('\n');
  if (kept.some((l) => l.line !== pos.line)) {
    let offset = 0;
    out.lineStarts = kept.map((l) => {
      const start = { offset, line: l.line };
      offset += l.text.length + 1;
      return start;
    });
  }
  return out;
}

const normalizeLine = (l: string) => l.replace(/[ \t\u00a0]+/g, ' ').trim();

/** Collapses runs of spaces within lines, trims lines and drops empty ones. */
export function normalizeText(text: string): string {
  return text
    .split('\n')
    .map(normalizeLine)
    .filter((l) => l !== '' && l !== '•')
    .join('\n');
}

/** Plain text of any node (labels of links, content of strong runs). */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}
