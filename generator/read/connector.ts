/**
 * Reader for connector action descriptions (workflow-tool style): a title, a description, an optional
 * "Unless otherwise indicated, field types are text." sentence, then `Input` and `Output` headings each
 * followed by a nested bullet list of `Label (type hint): description` fields and field groups.
 */
import { type Block, emptyPage, type PageModel, type Position } from './page-model.js';
import { BULLET, type Line, readList, toLines } from './text-lines.js';

export interface ConnectorInput {
  file: string;
  text: string;
}

const HEADINGS = new Set(['input', 'inputs', 'output', 'outputs', 'options', 'see also']);

export function readConnector(input: ConnectorInput): PageModel {
  const { file } = input;
  const lines = toLines(input.text);
  const page = emptyPage(file, 'connector');
  const at = (l: Line, column = l.indent + 1): Position => ({ file, line: l.n, column });
  let i = 0;
  while (i < lines.length && lines[i]!.text === '') i++;
  if (i < lines.length) page.title = lines[i++]!.text;
  let current: Block[] = page.intro;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.text === '') {
      i++;
      continue;
    }
    if (HEADINGS.has(l.text.toLowerCase())) {
      const section = { title: l.text, depth: 2, pos: at(l), blocks: [] as Block[] };
      page.sections.push(section);
      current = section.blocks;
      i++;
      continue;
    }
    if (BULLET.test(l.text)) {
      const [list, next] = readList(lines, i, at);
      current.push(list);
      i = next;
      continue;
    }
    current.push({ kind: 'paragraph', text: l.text, links: [], strong: [], pos: at(l) });
    i++;
  }
  return page;
}
