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
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        parts.push(node.value);
        return;
      case 'break':
        parts.push('\n');
        return;
      case 'html': {
        const tag = node.value.trim();
        if (LINE_BREAK_HTML.test(tag)) parts.push('\n');
        else if (LIST_ITEM_HTML.test(tag)) parts.push('\n• ');
        else if (/^<\/?(ul|ol|p)\b[^>]*>$/i.test(tag)) parts.push('\n');
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
        parts.push(node.alt ?? '');
        return;
      case 'paragraph':
        // Paragraphs of one list item stay on lines of their own.
        node.children.forEach(walk);
        parts.push('\n');
        return;
      default:
        if ('children' in node) (node.children as Nodes[]).forEach(walk);
    }
  };
  for (const n of nodes) walk(n as Nodes);
  out.text = normalizeText(parts.join(''));
  return out;
}

/** Collapses runs of spaces within lines, trims lines and drops empty ones. */
export function normalizeText(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '' && l !== '•')
    .join('\n');
}

/** Plain text of any node (labels of links, content of strong runs). */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}
