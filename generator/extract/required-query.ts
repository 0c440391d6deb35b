/**
 * Query options a page says a request must carry. Only a list that "requires planId [filter] to be
 * specified" (the Planner lists) is read: a property and an equality on it. Any other wording stays prose.
 */
import type { RequiredQuery, SourceRef } from '../ir/ir.js';
import type { PageModel } from '../read/page-model.js';
import { sectionBlocks } from '../read/page-model.js';
import { proseOf } from './prose.js';
import { plainText } from './rules/rule.js';
import { sentencesOf } from './sentences.js';

const REQUIRES_FILTER = /\brequires (?:the )?(\w+) filter to be specified\b/i;

export function readRequiredQuery(page: PageModel): RequiredQuery[] {
  const out: RequiredQuery[] = [];
  for (const inline of proseOf(sectionBlocks(page, /query parameters$/i))) {
    for (const s of sentencesOf(inline)) {
      const m = REQUIRES_FILTER.exec(plainText(s.text));
      if (!m || out.length) continue;
      const source: SourceRef = { file: inline.pos.file, line: s.line, column: s.column };
      out.push({ name: '$filter', template: `${m[1]} eq '{${m[1]}}'`, params: [m[1]!], sentence: s.text, source });
    }
  }
  return out;
}
