/** Picks the reader for a page's format. */
import type { PageFormat } from '../ir/ir.js';
import { readConnector } from './connector.js';
import { detectFormat } from './detect-format.js';
import { type IncludeResolver, readMarkdown } from './markdown.js';
import type { PageModel } from './page-model.js';
import { readRenderedText } from './rendered-text.js';

export interface PageSource {
  file: string;
  text: string;
  /** Detected from the text when absent. */
  format?: PageFormat;
  resolveInclude?: IncludeResolver;
}

export function readPage(page: PageSource): PageModel {
  // Old Mac line endings (a lone CR) end a line like LF does; the readers split on LF and CRLF only, so
  // without this a CR-only page read as one long line and lost its table, permissions and path.
  const source = /\r(?!\n)/.test(page.text) ? { ...page, text: page.text.replace(/\r(?!\n)/g, '\n') } : page;
  const format = source.format ?? detectFormat(source.text, source.file);
  if (format === 'markdown') return readMarkdown(source);
  if (format === 'connector') return readConnector(source);
  return readRenderedText(source);
}
