/**
 * The generator stage as one pure function: page text (+ include and resource loaders) → spec. A page that
 * makes a reader or extractor fail becomes a `page-failed` diagnostic with its path, never an exception.
 */
import { extractConnector } from '../extract/connector-spec.js';
import { extractOperation } from '../extract/operation.js';
import type { ResourceLoader } from '../extract/type-registry.js';
import { overBudget } from '../read/page-budget.js';
import type { PageModel } from '../read/page-model.js';
import { type PageSource, readPage } from '../read/read-page.js';
import { diagnostic, sortDiagnostics } from '../ir/diagnostic.js';
import { checkExampleConstraints } from './example-constraints.js';
import { adviseFromExamples } from './example-readings.js';
import type { Diagnostic, Spec } from '../ir/ir.js';

export interface GenerateInput extends PageSource {
  operation?: string;
  variant?: string;
  resources?: ResourceLoader;
  /**
   * Where the docs root that `file` and every other source name is relative to lies, as a path from the
   * folder the spec is written to; recorded once, as `page.root`. Specs that are never written have none.
   */
  root?: string;
}

export type GenerateResult = { ok: true; spec: Spec } | { ok: false; diagnostics: Diagnostic[] };

export function generateSpec(input: GenerateInput): GenerateResult {
  const result = generateWithPage(input);
  return result.ok ? { ok: true, spec: result.spec } : result;
}

/** As `generateSpec`, also giving the page model the spec was extracted from (corpus statistics read it). */
export function generateWithPage(input: GenerateInput): { ok: true; spec: Spec; page: PageModel } | { ok: false; diagnostics: Diagnostic[] } {
  const over = overBudget(input.text);
  if (over) {
    return {
      ok: false,
      diagnostics: [
        diagnostic('page-too-large', 'error', over, { file: input.file, line: 1, column: 1 }, 'Split the page, or check that the file is a docs page'),
      ],
    };
  }
  try {
    const page = readPage(input);
    const options = { operation: input.operation, variant: input.variant, resources: input.resources };
    const extracted = page.format === 'connector' ? extractConnector(page, options) : extractOperation(page, options);
    const spec = extracted.kind === 'operation' ? adviseFromExamples(extracted) : extracted;
    if (input.root !== undefined) spec.page = { file: spec.page.file, root: input.root, format: spec.page.format, includes: spec.page.includes };
    // The page's own examples are checked with the validator emitted from what was extracted, after extraction,
    // so the diagnostic and a user's validator never disagree.
    if (spec.kind === 'operation') {
      const exampleProblems = checkExampleConstraints(spec);
      if (exampleProblems.length) spec.diagnostics = sortDiagnostics([...spec.diagnostics, ...exampleProblems]);
    }
    return { ok: true, spec, page };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          'page-failed',
          'error',
          `The page could not be processed: ${message.split('\n')[0]}`,
          { file: input.file, line: 1, column: 1 },
          'Please report this page: no page should fail',
        ),
      ],
    };
  }
}

export { serializeSpec, specFileName } from '../ir/spec-file.js';
