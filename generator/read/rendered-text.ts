/**
 * Reader for the docs website's rendered text (what a browser's "copy all" gives): no markup at all.
 * Headings are known section names on their own line; tables are flattened to `name Type Description`
 * rows whose description may continue over later lines and bullets; a row may even be glued to a bullet
 * of the previous cell ("• department String The name…"). Code samples are bare HTTP messages.
 */
import { diagnostic } from '../ir/diagnostic.js';
import { isTypeToken } from '../ir/type-expression.js';
import { newBracketState, scanBrackets } from './json-brackets.js';
import { type Block, emptyPage, type PageModel, type Position, type TableRow } from './page-model.js';
import { appendLine, BULLET, type Line, readList, toLines } from './text-lines.js';

export interface RenderedTextInput {
  file: string;
  text: string;
}

const H2 = new Set([
  'permissions',
  'http request',
  'request headers',
  'request body',
  'response',
  'responses',
  'example',
  'examples',
  'optional query parameters',
  'query parameters',
  'path parameters',
  'related content',
  'see also',
]);
const H3 = [/^example \d+\b.*$/i, /^manage extensions and associated data$/i, /^permissions for specific scenarios$/i];
const NOTE_HEADINGS = new Set(['note', 'important', 'tip', 'warning', 'caution']);

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S.*?)(?: HTTP\/[\d.]+)?$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? \d{3}\b/;
const HEADER_LINE = /^[A-Za-z][\w-]*: ?\S/;
const OBFUSCATED = /\[email(?:&#160;|\s)protected\]/g;
const PERMISSION_TYPES = ['Delegated (work or school account)', 'Delegated (personal Microsoft account)', 'Application'];

export function readRenderedText(input: RenderedTextInput): PageModel {
  const { file } = input;
  const lines = toLines(input.text);
  const page = emptyPage(file, 'rendered-text');
  const at = (l: Line, column = l.indent + 1): Position => ({ file, line: l.n, column });

  for (const l of lines) {
    for (const m of l.raw.matchAll(OBFUSCATED)) {
      page.diagnostics.push(
        diagnostic(
          'obfuscated-value',
          'info',
          'The rendered page hides a value behind "[email protected]"; the original text is unknown',
          { file, line: l.n, column: (m.index ?? 0) + 1 },
          'Read the markdown source of the page to recover the value',
        ),
      );
    }
  }

  let i = 0;
  while (i < lines.length && lines[i]!.text === '') i++;
  if (i < lines.length) page.title = lines[i++]!.text;

  let current = page.intro;
  let inExamples = false;
  const blank = (k: number) => k < 0 || k >= lines.length || lines[k]!.text === '';
  const isHeadingAt = (k: number): number => {
    const l = lines[k]!;
    if (!blank(k - 1) || !blank(k + 1)) return 0;
    const t = l.text.toLowerCase();
    // Under "Example", "Request"/"Response" head one example's halves, not the page's Response section.
    if (inExamples && (t === 'request' || t === 'response')) return 4;
    if (H2.has(t)) return 2;
    if (H3.some((r) => r.test(l.text))) return 3;
    return 0;
  };

  while (i < lines.length) {
    const l = lines[i]!;
    if (l.text === '') {
      i++;
      continue;
    }
    const depth = isHeadingAt(i);
    if (depth) {
      if (depth === 2) inExamples = /^examples?$/i.test(l.text);
      const section = { title: l.text, depth, pos: at(l), blocks: [] as Block[] };
      page.sections.push(section);
      current = section.blocks;
      i++;
      continue;
    }
    if (NOTE_HEADINGS.has(l.text.toLowerCase()) && blank(i + 1)) {
      let k = i + 1;
      while (k < lines.length && lines[k]!.text === '') k++;
      const [list, next] = BULLET.test(lines[k]?.text ?? '') ? readList(lines, k, at) : [undefined, k];
      current.push({ kind: 'note', blocks: list ? [list] : [], pos: at(l) });
      i = next;
      continue;
    }
    if (REQUEST_LINE.test(l.text) || STATUS_LINE.test(l.text)) {
      const [block, next] = readHttp(lines, i, at);
      current.push(block);
      i = next;
      continue;
    }
    if (/^Property Type Description$/i.test(l.text) || /^(Name|Parameter) Type Description$/i.test(l.text)) {
      const [block, next] = readPropertyTable(lines, i, at, (k) => isHeadingAt(k) > 0 || isNoteAt(lines, k));
      current.push(block);
      i = next;
      continue;
    }
    if (/^Header Value$/i.test(l.text)) {
      const [block, next] = readSimpleTable(lines, i, at, ['Header', 'Value'], splitHeaderRow);
      current.push(block);
      i = next;
      continue;
    }
    if (/^Permission type\b/i.test(l.text)) {
      const header = ['Permission type', ...splitPermissionHeader(l.text.replace(/^Permission type\s*/i, ''))];
      const [block, next] = readSimpleTable(lines, i, at, header, (t) => splitPermissionRow(t, header.length));
      current.push(block);
      i = next;
      continue;
    }
    if (BULLET.test(l.text)) {
      const [list, next] = readList(lines, i, at);
      current.push(list);
      i = next;
      continue;
    }
    // A paragraph: consecutive plain lines.
    const start = l;
    const first = i;
    const texts: string[] = [];
    const lineStarts: { offset: number; line: number }[] = [];
    let offset = 0;
    while (i < lines.length && lines[i]!.text !== '' && !BULLET.test(lines[i]!.text) && (i === first || !isHeadingAt(i))) {
      lineStarts.push({ offset, line: lines[i]!.n });
      texts.push(lines[i]!.text);
      offset += lines[i]!.text.length + 1;
      i++;
    }
    current.push({ kind: 'paragraph', text: texts.join('\n'), links: [], strong: [], pos: at(start), lineStarts });
  }
  return page;
}

function isNoteAt(lines: Line[], k: number): boolean {
  const l = lines[k]!;
  return NOTE_HEADINGS.has(l.text.toLowerCase()) && (lines[k + 1]?.text ?? '') === '';
}

/** An HTTP message: start line, header lines, then an optional JSON body (brackets balanced). */
function readHttp(lines: Line[], start: number, at: (l: Line, c?: number) => Position): [Block, number] {
  const out: string[] = [lines[start]!.text];
  const baseIndent = lines[start]!.indent;
  let i = start + 1;
  while (i < lines.length && HEADER_LINE.test(lines[i]!.text)) out.push(lines[i++]!.text);
  let k = i;
  while (k < lines.length && lines[k]!.text === '') k++;
  if (k < lines.length && /^[[{]/.test(lines[k]!.text)) {
    // Keep the blank lines too: line n of the block is line n of the page, for diagnostics on body keys.
    for (let b = i; b < k; b++) out.push('');
    const brackets = newBracketState();
    i = k;
    for (; i < lines.length; i++) {
      const raw = lines[i]!.raw.replace(/\s+$/, '');
      out.push(raw.slice(Math.min(baseIndent, raw.length - raw.trimStart().length)));
      scanBrackets(raw, brackets);
      if (brackets.depth <= 0) {
        i++;
        break;
      }
    }
  }
  return [{ kind: 'code', lang: 'http', value: out.join('\n'), pos: at(lines[start]!) }, i];
}

/**
 * `Property Type Description` tables. A row starts with a lower-case name followed by a type; every other
 * line until the next heading continues the description of the row above (bullets become `• ` lines).
 */
function readPropertyTable(lines: Line[], start: number, at: (l: Line, c?: number) => Position, ends: (k: number) => boolean): [Block, number] {
  const header = ['Property', 'Type', 'Description'];
  const rows: TableRow[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text === '') continue;
    if (ends(i)) break;
    const bullet = BULLET.test(l.text);
    const content = l.text.replace(BULLET, '');
    const row = splitPropertyRow(content);
    if (row) {
      const col = l.indent + 1 + (l.text.length - content.length);
      const pos = at(l, col);
      rows.push({
        pos,
        cells: [
          { text: row.name, links: [], strong: [], pos },
          { text: row.type, links: [], strong: [], pos: { ...pos, column: col + row.name.length + 1 } },
          {
            text: row.description,
            links: [],
            strong: [],
            pos: { ...pos, column: col + row.name.length + row.type.length + 2 },
            lineStarts: [{ offset: 0, line: l.n }],
          },
        ],
      });
      continue;
    }
    const last = rows[rows.length - 1];
    if (!last) continue;
    appendLine(last.cells[2]!, bullet ? `• ${content}` : content, l.n);
  }
  return [{ kind: 'table', header, rows, pos: at(lines[start]!) }, i];
}

/** `name Type rest…` when the first word is a property name and the second a type (maybe `X collection`). */
export function splitPropertyRow(text: string): { name: string; type: string; description: string } | undefined {
  const m = /^(@?[a-z][A-Za-z0-9_.@]*) (\S+)( collection)?(?: (.*))?$/.exec(text);
  if (!m) return undefined;
  const [, name, type, collection, rest] = m;
  if (!isTypeToken(type!)) return undefined;
  return { name: name!, type: type! + (collection ?? ''), description: rest ?? '' };
}

function readSimpleTable(
  lines: Line[],
  start: number,
  at: (l: Line, c?: number) => Position,
  header: string[],
  split: (text: string) => string[] | undefined,
): [Block, number] {
  const rows: TableRow[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text === '') break;
    const cells = split(l.text);
    if (!cells) break;
    const pos = at(l);
    rows.push({ pos, cells: cells.map((text) => ({ text, links: [], strong: [], pos })) });
  }
  return [{ kind: 'table', header, rows, pos: at(lines[start]!) }, i];
}

function splitHeaderRow(text: string): string[] | undefined {
  const m = /^([A-Za-z][\w-]*) (.*)$/.exec(text);
  return m ? [m[1]!, m[2]!] : undefined;
}

function splitPermissionHeader(rest: string): string[] {
  const m = /^(Least privileged permissions?) (Higher privileged permissions?)$/i.exec(rest);
  return m ? [m[1]!, m[2]!] : [rest];
}

/** `Application User.ManageIdentities.All User.EnableDisableAccount.All, …` → type, least, higher. */
function splitPermissionRow(text: string, columns: number): string[] | undefined {
  const type = PERMISSION_TYPES.find((t) => text.startsWith(`${t} `));
  if (!type) return undefined;
  const rest = text.slice(type.length + 1).trim();
  if (columns <= 2) return [type, rest];
  const notAvailable = /^(Not (?:available|supported)\.?)\s*(.*)$/i.exec(rest);
  if (notAvailable) return [type, notAvailable[1]!, notAvailable[2] || notAvailable[1]!];
  const least = /^(\S+?)(?:,? (.*))?$/.exec(rest)!;
  return [type, least[1]!, least[2] ?? ''];
}
