import type { PageFormat } from '../ir/ir.js';

/**
 * Guesses a page's format from its text: markdown sources have front matter, `#` headings or pipe tables;
 * connector descriptions have `Input`/`Output` headings over `•` field bullets; the rest is rendered text.
 */
export function detectFormat(text: string, fileName = ''): PageFormat {
  const head = text.slice(0, 20_000);
  if (/^\uFEFF?---\r?\n/.test(head) || /^#{1,6} \S/m.test(head) || /^\|.*\|\s*$/m.test(head)) return 'markdown';
  if (/\.(md|markdown)$/i.test(fileName)) return 'markdown';
  if (/^\s*Inputs?\s*$/m.test(head) && /^\s*•\s+[A-Z][\w ]*?(\([^)]*\))?:/m.test(head)) return 'connector';
  return 'rendered-text';
}
