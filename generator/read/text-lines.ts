/**
 * Line-level helpers shared by the two plain-text readers (rendered docs text, connector descriptions):
 * bullets (`•`) nested by indentation, continuation lines, line tracking for source positions.
 */
import type { Block, Inline, ListItem, Position } from './page-model.js';

export const BULLET = /^•\s*/;

export interface Line {
  n: number;
  indent: number;
  raw: string;
  text: string;
}

export function toLines(text: string): Line[] {
  return text.split(/\r?\n/).map((raw, i) => {
    const trimmed = raw.replace(/\s+$/, '');
    return { n: i + 1, indent: trimmed.length - trimmed.trimStart().length, raw, text: trimmed.trim() };
  });
}

/** Reads a bullet list from `start`; blank lines between bullets do not end it. */
export function readList(lines: Line[], start: number, at: (l: Line, c?: number) => Position): [Block, number] {
  const items: ListItem[] = [];
  const stack: { indent: number; item: ListItem }[] = [];
  let i = start;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.text === '') {
      // A blank line ends the list unless another bullet follows.
      let k = i + 1;
      while (k < lines.length && lines[k]!.text === '') k++;
      if (k < lines.length && BULLET.test(lines[k]!.text)) {
        i = k;
        continue;
      }
      break;
    }
    if (!BULLET.test(l.text)) {
      // A plain line right under a bullet continues it.
      const top = stack[stack.length - 1];
      if (!top) break;
      appendLine(top.item, l.text, l.n);
      i++;
      continue;
    }
    const text = l.text.replace(BULLET, '');
    const item: ListItem = { text, links: [], strong: [], pos: at(l), children: [], lineStarts: [{ offset: 0, line: l.n }] };
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= l.indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.item.children.push(item);
    else items.push(item);
    stack.push({ indent: l.indent, item });
    i++;
  }
  return [{ kind: 'list', items, pos: at(lines[start]!) }, i];
}

export function appendLine(inline: Inline, text: string, line: number): void {
  inline.lineStarts ??= [{ offset: 0, line: inline.pos.line }];
  inline.lineStarts.push({ offset: inline.text.length + 1, line });
  inline.text += `\n${text}`;
}
