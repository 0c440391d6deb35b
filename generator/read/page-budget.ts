/**
 * What one page may cost before it is read. The largest Graph page of the corpus is 118 kB with blockquotes
 * two deep; the markdown parser's time grows with the square of nesting depth and of delimiter runs (100,000
 * `>` took 52 s and 700 MB, 200,000 `*` more than ten minutes), so a cheap scan refuses such pages up front.
 * The time budget of the worker that reads a page (cli/) is the backstop for shapes this scan cannot see.
 */
export const PAGE_BUDGET = {
  /** Characters: about nine times the largest real page. */
  chars: 1_048_576,
  /** Blockquote markers at the start of one line. */
  quoteDepth: 64,
  /** One delimiter character repeated in a row (`*`, `_`, `[`, `(`, `<`, …). */
  delimiterRun: 512,
  /** Leading whitespace of one line: lists nest by indentation (a list 1,000 deep took 28 s). */
  indent: 256,
  /**
   * `|` characters in the whole page, which bound its table cells: each costs a few kB of syntax tree, and a
   * 1,000-column table of 480 rows took 1.2 GB. The most of any 2021 page is 3,627 (beta `enums.md`).
   */
  pipes: 20_000,
} as const;

const OVER = new RegExp(
  `^[ \\t]{${PAGE_BUDGET.indent + 1},}|^(?:[ \\t]*>){${PAGE_BUDGET.quoteDepth + 1},}|([*_~\`[\\]()<>{}!\\\\])\\1{${PAGE_BUDGET.delimiterRun},}|\\n`,
  'gm',
);

/** Why the page is over budget, for a `page-too-large` diagnostic; undefined when it is within it. */
export function overBudget(text: string): string | undefined {
  if (text.length > PAGE_BUDGET.chars) {
    return `The page is ${(text.length / 1_048_576).toFixed(1)} MB; docspec reads pages up to ${PAGE_BUDGET.chars / 1_048_576} MB`;
  }
  const pipes = overPipes(text);
  if (pipes !== undefined) {
    return `Line ${pipes} takes the page over ${PAGE_BUDGET.pipes.toLocaleString('en-US')} "|" characters (table cells); docspec reads pages with up to that many`;
  }
  let line = 1;
  for (const m of text.matchAll(OVER)) {
    if (m[0] === '\n') {
      line++;
      continue;
    }
    const what = m[1]
      ? `a run of ${m[0].length} "${m[1]}" characters`
      : m[0].includes('>')
        ? `blockquotes nested more than ${PAGE_BUDGET.quoteDepth} deep`
        : `more than ${PAGE_BUDGET.indent} characters of indentation`;
    return `Line ${line} has ${what}; docspec reads pages with delimiter runs up to ${PAGE_BUDGET.delimiterRun}, blockquotes ${PAGE_BUDGET.quoteDepth} deep and indentation up to ${PAGE_BUDGET.indent}`;
  }
  return undefined;
}

/** The line at which the page's `|` characters pass the budget; undefined when they never do. */
function overPipes(text: string): number | undefined {
  let count = 0;
  let at = text.indexOf('|');
  while (at !== -1) {
    if (++count > PAGE_BUDGET.pipes) return text.slice(0, at).split('\n').length;
    at = text.indexOf('|', at + 1);
  }
  return undefined;
}
