/**
 * Vitest global setup: says once, up front, when the Graph docs corpus is not beside the project, so that
 * the tests it skips are explained by one line instead of showing up as unexplained skips.
 */
import { hasApiReference, hasCorpus } from './pages.js';

export default function setup(): void {
  if (!hasCorpus) {
    process.stdout.write('docspec tests: ../shared/corpus is not beside the project; the tests that read the Graph docs corpus are skipped.\n');
  } else if (!hasApiReference) {
    process.stdout.write('docspec tests: ../shared/corpus has no graph-docs-2021-07; the whole-corpus tests are skipped.\n');
  }
}
