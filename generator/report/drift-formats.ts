/**
 * Every format a drift run is written in, by name: one registry the CLI's format option and library callers
 * share, so a new format is added once and every caller offers it.
 */
import { type DriftRun, runSummary } from '../diff/drift-run.js';
import { formatDriftGithub } from './drift-github.js';
import { formatDriftHtml } from './drift-html.js';
import { formatDriftJunit } from './drift-junit.js';
import { formatDriftMarkdown } from './drift-markdown.js';
import { formatDriftText } from './drift-text.js';

/** The JSON report: one pair keeps the report's own shape at the top level; a tree lists its operations. */
export function formatDriftJson(run: DriftRun): string {
  const summary = runSummary(run);
  const ignore = run.ignore && { file: run.ignore.file, unused: run.ignore.unused, expired: run.ignore.expired };
  const body = run.tree
    ? {
        base: run.tree.base,
        head: run.tree.head,
        pages: run.tree.pages,
        read: run.tree.read,
        failed: run.tree.failed,
        uncompared: run.tree.uncompared ?? [],
        operations: run.reports,
      }
    : run.reports[0];
  return `${JSON.stringify({ ...body, failOn: run.failOn, failing: summary.failing, summary: run.tree ? summary : run.reports[0]?.summary, ...(ignore ? { ignore } : {}) }, null, 2)}\n`;
}

export const DRIFT_FORMATS = {
  text: formatDriftText,
  md: formatDriftMarkdown,
  json: formatDriftJson,
  junit: formatDriftJunit,
  github: formatDriftGithub,
  html: formatDriftHtml,
} as const satisfies Record<string, (run: DriftRun) => string>;

export type DriftFormat = keyof typeof DRIFT_FORMATS;

export function isDriftFormat(name: string): name is DriftFormat {
  return Object.hasOwn(DRIFT_FORMATS, name);
}
