/**
 * Splits a description into sentences, each with the source line it starts on. Constraints point at these
 * lines, so the split follows lines first (a `<br>` or bullet starts a new sentence) and then sentence ends.
 */
import { type Inline, lineAt } from '../read/page-model.js';

export interface Sentence {
  text: string;
  line: number;
  column: number;
  /**
   * The sentence a bullet continues, when the text before the list ends in a colon ("When **signInType** is
   * set to:" over "• `emailAddress`, … must be a valid email address"): its condition is the bullet's too.
   */
  lead?: string;
}

// A sentence ends at . ! ? right after a non-space character and before a space and a letter, digit, quote or
// bracket; not at a free-standing " . " (the `' . - _` run of the allowed-characters sentence). The docs start
// sentences in lower case when they begin with a value ("… everyone. everyone is the default setting").
const BOUNDARY = /(?<=\S[.!?])\s+(?=[A-Za-z0-9"'“([`*])/g;
// Never an end: "e.g.", "i.e.", "vs.", "Max.", a single initial. "etc." ends a sentence only before a capital.
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|vs|approx|incl|no|cf|a\.k\.a|max|min|avg|approx)|(?:^|[\s(])[A-Za-z])\.$/i;
const ETC = /\betc\.$/i;

export function sentencesOf(inline: Inline): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  let lead: string | undefined;
  for (const rawLine of inline.text.split('\n')) {
    const lineOffset = offset;
    offset += rawLine.length + 1;
    const line = rawLine.replace(/^•\s*/, '');
    const shift = rawLine.length - line.length;
    const bullet = shift > 0;
    const first = out.length;
    let start = 0;
    for (const m of line.matchAll(BOUNDARY)) {
      const end = m.index ?? 0;
      const piece = line.slice(start, end);
      const next = line[end + m[0].length] ?? '';
      if (ABBREVIATION.test(piece) || (ETC.test(piece) && !/[A-Z]/.test(next))) continue;
      push(out, piece, inline, lineOffset + shift + start);
      start = end + m[0].length;
    }
    push(out, line.slice(start), inline, lineOffset + shift + start);
    if (bullet && lead) for (const s of out.slice(first)) s.lead = lead;
    else if (!bullet) lead = out.length > first && out.at(-1)!.text.endsWith(':') ? out.at(-1)!.text : undefined;
  }
  return out;
}

function push(out: Sentence[], text: string, inline: Inline, offset: number): void {
  const t = text.trim();
  if (!t) return;
  const line = lineAt(inline, offset);
  out.push({ text: t, line, column: line === inline.pos.line ? inline.pos.column : 1 });
}
