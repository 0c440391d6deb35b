/** `docspec matrix FILES…`: properties × variants, differences highlighted, as markdown, JSON or HTML. */
import { buildMatrix } from '../generator/diff/matrix.js';
import { formatMatrixHtml } from '../generator/report/matrix-html.js';
import { formatMatrixMarkdown } from '../generator/report/matrix-markdown.js';
import { parseOptions, stdout, UsageError, writeOutput } from './io.js';
import { specOrPage } from './spec-or-page.js';

export const MATRIX_HELP = `Usage: docspec matrix FILES… [options]

FILES are spec files or pages of one operation, e.g. spec/user-update.*.json (operation and connector specs).
One row per request property, one column per variant; cells that disagree with their row are highlighted.

Options:
  --format FORMAT     md | json | html   (default: md; html is one self-contained page)
  --out FILE          write to FILE   (default: stdout)
  -h, --help          this help

Exit codes: 0 written · 2 bad usage or unreadable input`;

const FORMATS = ['md', 'json', 'html'] as const;

export function matrixCommand(args: string[]): number {
  const { values, positionals } = parseOptions(
    args,
    {
      format: { type: 'string', default: 'md' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'matrix',
  );
  if (values.help) {
    stdout(`${MATRIX_HELP}\n`);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}"`);
  if (positionals.length < 2) throw new UsageError(`matrix needs at least two specs or pages (got ${positionals.length}; try: docspec matrix --help)`);
  const specs = positionals.map(specOrPage);
  const operations = [...new Set(specs.map((s) => s.operation))];
  if (operations.length > 1) throw new UsageError(`matrix compares one operation; these are ${operations.join(', ')}`);
  const matrix = buildMatrix(specs);
  const text = format === 'json' ? `${JSON.stringify(matrix, null, 2)}\n` : format === 'html' ? formatMatrixHtml(matrix) : formatMatrixMarkdown(matrix);
  writeOutput(text, values.out as string | undefined, `${matrix.summary.properties} properties × ${specs.length} variants, ${matrix.summary.differing} differ`);
  return 0;
}
